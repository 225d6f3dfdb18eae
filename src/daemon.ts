import { AlsaSink } from './audio/alsa-sink.ts';
import type { HeraldConfig } from './config/schema.ts';
import { VoiceBank } from './engines/voice-bank.ts';
import { deleteEnrolledVoice } from './enroll/delete-voice.ts';
import { EnrollmentService } from './enroll/enrollment-service.ts';
import { EventBus, TERMINAL_EVENTS } from './events.ts';
import { HermesExtension } from './hermes/extension.ts';
import { HomeAssistant } from './homeassistant/extension.ts';
import type { Logger } from './log.ts';
import { MqttAdapter, type MqttExtension } from './mqtt/adapter.ts';
import { brokerToUse, type EmbeddedBroker } from './mqtt/broker.ts';
import { requestHandlers } from './mqtt/request-handlers.ts';
import { parseSayPayload } from './mqtt/say-payload.ts';
import { statusPayload } from './mqtt/status.ts';
import { Topics } from './mqtt/topics.ts';
import { Player } from './player.ts';
import { Pool } from './pool/pool.ts';
import { admit, type AdmitLimits } from './queue/admit.ts';
import type { SayRequest } from './queue/job.ts';
import { Journal } from './queue/journal.ts';
import { JobQueue } from './queue/priority-queue.ts';
import { RuntimeMetrics } from './system/runtime-metrics.ts';
import { SynthStats } from './system/synth-stats.ts';
import { EspeakHost } from './text/espeak-host.ts';
import { WyomingServer } from './wyoming/server.ts';
import { ZoneSync } from './zones/extension.ts';

// The path of a `say`, top to bottom:
//   MQTT (mqtt/adapter) → receive: parse the payload (a Hermes say: hermes/
//   extension) → enqueue: admit (voice, language, sentences, once) → journal
//   (fsynced before the broker's PUBACK) → queue → player → speak: engine
//   (a synthesis pool's member if pool.use, Piper on onnxruntime, espeak-ng
//   fallback) → ALSA sink process. Each step reports through `events`.
// Wyoming clients (wyoming/, off by default) share the voices, not the queue:
// their audio goes back over the socket, and their model runs wait behind
// the announcements' (engines/run-lanes.ts).
export class Daemon {
  readonly events = new EventBus();
  readonly topics: Topics;
  readonly espeak: EspeakHost;
  readonly voices: VoiceBank;
  readonly sink: AlsaSink;
  readonly queue: JobQueue;
  readonly journal: Journal;
  readonly stats = new SynthStats();
  readonly player: Player;
  readonly mqtt: MqttAdapter;
  readonly enrollment: EnrollmentService;
  // Other protocols on the same broker, each through enqueue below.
  readonly extensions: MqttExtension[] = [];
  readonly homeassistant: HomeAssistant;
  readonly wyoming?: WyomingServer;
  // A synthesis pool this device serves or uses (pool.serve, pool.use).
  readonly pool?: Pool;
  readonly zones: ZoneSync;
  private readonly metrics: RuntimeMetrics;
  private broker?: EmbeddedBroker;
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  private readonly since = new Date().toISOString();

  constructor(
    readonly config: HeraldConfig,
    readonly log: Logger,
  ) {
    this.topics = new Topics(config.mqtt.baseTopic, config.deviceId, config.zones);
    this.espeak = new EspeakHost(log);
    this.voices = new VoiceBank(config, this.espeak, log);
    this.sink = new AlsaSink({ device: config.audio.device, sampleRate: config.audio.sampleRate, retrySeconds: config.audio.retrySeconds, latencyMs: config.audio.latencyMs, log });
    this.queue = new JobQueue(config.queue.maxLength);
    this.journal = new Journal(config.stateDir);
    if (config.pool.use || config.pool.serve.length) this.pool = new Pool(config, this.voices, log);
    this.metrics = new RuntimeMetrics(config.deviceId, this.stats);
    this.mqtt = new MqttAdapter(config, this.topics, (state) => this.status(state), log);
    // Zone messages start on every device of the zone at the same instant.
    this.zones = new ZoneSync({
      config,
      topics: this.topics,
      events: this.events,
      log,
      publish: (topic, payload) => this.mqtt.publish(topic, payload),
      online: () => this.mqtt.online,
      changed: () => this.mqtt.scheduleStatus(),
    });
    this.extensions.push(this.zones);
    this.player = new Player({ queue: this.queue, sink: this.sink, voices: this.voices, journal: this.journal, events: this.events, stats: this.stats, log, pool: this.pool, zones: this.zones });
    this.homeassistant = new HomeAssistant({
      config,
      topics: this.topics,
      voices: this.voices,
      events: this.events,
      log,
      publish: (topic, payload, retain) => this.mqtt.publish(topic, payload, retain),
      activity: () => this.activity(),
      say: (payload, topic) => this.receive(payload, topic, true),
      defaultsChanged: () => this.mqtt.scheduleStatus(),
    });
    // Also when disabled: it takes back what an earlier start published.
    this.extensions.push(this.homeassistant);
    this.enrollment = new EnrollmentService({
      voicesDir: config.voices.dir,
      stateDir: config.stateDir,
      captureDevice: config.audio.captureDevice,
      defaultVoice: config.voices.default,
      espeak: this.espeak,
      log,
      publish: (name, event) => this.mqtt.publishEnroll(name, event),
      reloadVoices: () => this.reloadVoices(),
    });
    if (config.wyoming.enabled) {
      this.wyoming = new WyomingServer({ uri: config.wyoming.uri, voices: this.voices, limits: () => this.admitLimits(), maxPayloadBytes: config.limits.maxPayloadBytes, log });
    }
    this.events.on('event', (e) => {
      const terminal = TERMINAL_EVENTS.has(e.event);
      if (terminal) this.journal.done(e.id);
      log[e.event === 'failed' ? 'warn' : 'info']({ ...e, terminal }, `message ${e.event}`);
      this.mqtt.publishEvent(e);
      this.mqtt.scheduleStatus();
    });
    // After the listener above, so that its answer follows Herald's own event.
    if (config.hermes.enabled) {
      this.extensions.push(
        new HermesExtension({
          sites: [config.hermes.siteId ?? config.deviceId, ...config.zones],
          maxPayloadBytes: config.limits.maxPayloadBytes,
          events: this.events,
          voices: this.voices,
          enqueue: (request, receivedOn) => this.enqueue(request, receivedOn),
          seen: (id) => this.journal.isDuplicate(id),
          publish: (topic, payload) => void this.mqtt.publish(topic, JSON.stringify(payload)),
          log,
        }),
      );
    }
  }

  // Resolves once every voice is loaded and warmed up (the service's READY).
  async start(): Promise<void> {
    this.running = true;
    this.sink.on('state', (ok: boolean) => {
      this.log.info({ audioOk: ok, device: this.sink.device, error: this.sink.lastError }, 'audio device state');
      void this.mqtt.publishStatus();
    });
    this.sink.start();
    // The voices' sessions open while espeak-ng starts; warm-up waits for both.
    const [broker] = await Promise.all([brokerToUse(this.config.mqtt, this.log), this.espeak.start(), this.voices.load()]);
    this.broker = broker.embedded;
    // Connected first, so that the replay's events are queued by the client
    // and published, not lost; messages that come in are read only after
    // the replay (which runs now, in this tick), so duplicates are seen.
    this.mqtt.connect(broker.url, { say: (payload, topic) => this.receive(payload, topic), stop: (clear) => this.player.stop(clear), requests: this.requests(), extensions: this.extensions }, !!this.broker);
    // Its own connection: see src/pool/link.ts.
    this.pool?.start(broker.url);
    this.replayJournal();
    this.player.start();
    // After the voices loaded, so that a client's first `describe` lists them.
    await this.wyoming?.listen();
    this.timers.push(setInterval(() => this.player.dropExpired(), 1000));
    this.timers.push(setInterval(() => this.retryJournal(), 30_000));
    this.timers.push(setInterval(() => void this.publishMetrics(), this.config.metrics.intervalSeconds * 1000));
    this.log.info({ deviceId: this.config.deviceId, voices: this.voices.names(), defaultVoice: this.voices.defaultVoice, provider: this.voices.defaultProvider }, 'herald running');
  }

  // A `say` payload as it came in on `topic`; returns the id it is known by.
  // `plain`: text to speak as it is, even if it looks like JSON.
  receive(payload: Buffer, topic: string, plain = false): string {
    const parsed = parseSayPayload(payload, this.config.limits.maxPayloadBytes, plain);
    if (parsed.ok) return this.enqueue(parsed.request, topic);
    this.events.emitEvent({ id: parsed.id, event: 'failed', reason: parsed.reason });
    return parsed.id;
  }

  enqueue(request: SayRequest, receivedOn: string): string {
    // A redelivered message (QoS 1 after a reconnect, a client retrying) is
    // spoken once, and gets no second terminal event even if it would now fail.
    if (this.journal.isDuplicate(request.id)) {
      this.log.info({ id: request.id }, 'duplicate message id ignored');
      return request.id;
    }
    const admission = admit(request, this.voices, this.admitLimits(), receivedOn);
    if (!admission.ok) {
      this.events.emitEvent({ id: admission.id, event: 'failed', reason: admission.reason });
      return admission.id;
    }
    const { job } = admission;
    job.syncZone = this.zones.zoneOf(request, receivedOn);
    // On disk before anyone is told it was accepted.
    this.journal.add(job);
    this.events.emitEvent({ id: job.id, event: 'queued' });
    this.zones.admitted(job);
    this.player.enqueue(job);
    return job.id;
  }

  // Messages accepted before a crash or power loss are spoken now, in the
  // order they came, from the sentence they had reached.
  private replayJournal(): void {
    const { pending, corruptLines } = this.journal.open();
    if (corruptLines) this.log.warn({ corruptLines, path: this.journal.path }, 'journal had unreadable lines; kept the readable records');
    if (this.journal.error) this.log.error({ error: this.journal.error }, 'durability degraded: messages are kept in memory only');
    const now = Date.now();
    for (let job of pending.sort((a, b) => a.receivedAt - b.receivedAt)) {
      if (!Array.isArray(job.sentences)) {
        // Written by a Herald that split text at play time: admitted again here.
        const again = admit(job, this.voices, this.admitLimits(), job.receivedOn ?? 'journal', job.receivedAt);
        if (!again.ok) {
          this.events.emitEvent({ id: job.id, event: 'failed', reason: again.reason });
          continue;
        }
        job = { ...again.job, expiresAt: job.expiresAt };
        this.journal.add(job);
      }
      if (job.expiresAt <= now) {
        this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'ttl expired while the daemon was down' });
        continue;
      }
      this.events.emitEvent({ id: job.id, event: 'queued', reason: 'replayed after restart', sentence: job.resumeFrom });
      this.player.requeue(job);
    }
    if (pending.length) this.log.info({ replayed: pending.length }, 'journal replayed');
  }

  // Read at each admission: Home Assistant may have changed the defaults.
  private admitLimits(): AdmitLimits {
    return { maxChars: this.config.limits.maxChars, defaultTtlSeconds: this.config.queue.defaultTtlSeconds, defaults: this.homeassistant.defaults };
  }

  private retryJournal(): void {
    if (this.journal.durable) return;
    // The journal still holds every live job in memory and writes them all.
    this.journal.retry();
    if (!this.journal.durable) return;
    this.log.info('journal writable again; durability restored');
    this.mqtt.scheduleStatus();
  }

  private requests() {
    return requestHandlers({
      voices: this.voices,
      status: () => this.status('online'),
      metrics: () => this.collectMetrics(),
      reload: () => this.reloadVoices(),
      deleteVoice: (name) => {
        deleteEnrolledVoice({ voicesDir: this.config.voices.dir, stateDir: this.config.stateDir }, name);
        this.log.info({ voice: name }, 'enrolled voice deleted');
      },
      enroll: (data) => this.enrollment.handle(data),
    });
  }

  private async reloadVoices(): Promise<void> {
    await this.voices.load();
    await this.mqtt.publishStatus();
    this.homeassistant.voicesChanged();
  }

  private activity() {
    const speaking = this.player.busy;
    return { speaking, queueDepth: this.queue.length + (speaking ? 1 : 0) };
  }

  private status(state: 'online' | 'offline') {
    const { queueDepth } = this.activity();
    return { ...statusPayload({ deviceId: this.config.deviceId, voices: this.voices, sink: this.sink, journal: this.journal, queueDepth, since: this.since }, state), ...this.zones.status() };
  }

  private collectMetrics() {
    return this.metrics.collect({ queueDepth: this.queue.length, durable: this.journal.durable });
  }

  private async publishMetrics(): Promise<void> {
    try {
      this.mqtt.publishMetrics(await this.collectMetrics());
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'metrics failed');
    }
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    // An adaptation process or arecord must not outlive the daemon.
    await this.enrollment.close();
    await this.wyoming?.close();
    await this.player.shutdown();
    await this.pool?.close();
    this.homeassistant.close();
    this.zones.close();
    await this.mqtt.close();
    await this.sink.close();
    await this.voices.close();
    this.espeak.stop();
    await this.broker?.close();
    this.journal.close();
    this.metrics.stop();
    this.log.info('herald stopped');
  }
}
