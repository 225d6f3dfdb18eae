import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AlsaSink } from './audio/alsa-sink.ts';
import { SinkCutError } from './audio/sink.ts';
import type { HeraldConfig } from './config/schema.ts';
import { VoiceBank } from './engines/voice-bank.ts';
import { EventBus, TERMINAL_EVENTS, type HeraldEvent } from './events.ts';
import type { Logger } from './log.ts';
import { startEmbeddedBroker, type EmbeddedBroker } from './mqtt/broker.ts';
import { connectMqtt, mqttOptions, type MqttClient } from './mqtt/client.ts';
import { answerRequest, type RequestHandler } from './mqtt/requests.ts';
import { parseSayPayload, type SayRequest } from './mqtt/say-payload.ts';
import { Topics } from './mqtt/topics.ts';
import type { SayJob } from './queue/job.ts';
import { Journal } from './queue/journal.ts';
import { JobQueue } from './queue/priority-queue.ts';
import { Interrupted, sentencesOf, speak } from './speak.ts';
import { isJetson, readJetsonMetrics } from './system/jetson-metrics.ts';
import { readSystemMetrics } from './system/metrics.ts';
import { SynthStats } from './system/synth-stats.ts';
import { EspeakHost } from './text/espeak-host.ts';
import { hasSpeakableText, normalizeText } from './text/normalize.ts';
import { VERSION } from './version.ts';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

type CutReason = 'interrupt' | 'stop' | 'shutdown';

interface Current {
  job: SayJob;
  controller: AbortController;
  cutReason?: CutReason;
}

// The whole pipeline, top to bottom:
//   MQTT say → parse & validate → queue (priority, ttl) → text (normalize,
//   split, phonemize) → engine (Piper on onnxruntime, espeak-ng fallback) →
//   ALSA sink, with an event for each step and a status that says what works.
export class Daemon {
  readonly events = new EventBus();
  readonly topics: Topics;
  readonly espeak: EspeakHost;
  readonly voices: VoiceBank;
  readonly sink: AlsaSink;
  readonly queue: JobQueue;
  readonly journal: Journal;
  readonly stats = new SynthStats();
  private mqtt?: MqttClient;
  private broker?: EmbeddedBroker;
  private current?: Current;
  private wake?: () => void;
  private running = false;
  private loopDone?: Promise<void>;
  private timers: NodeJS.Timeout[] = [];
  private statusTimer?: NodeJS.Timeout;
  private readonly since = new Date().toISOString();
  // Event-loop delay: how late timers fire; the soak and the watchdog read it.
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor(
    readonly config: HeraldConfig,
    readonly log: Logger,
  ) {
    this.topics = new Topics(config.mqtt.baseTopic, config.deviceId, config.zones);
    this.espeak = new EspeakHost(log);
    this.voices = new VoiceBank(config, this.espeak, log);
    this.sink = new AlsaSink({ device: config.audio.device, sampleRate: config.audio.sampleRate, retrySeconds: config.audio.retrySeconds, log });
    this.queue = new JobQueue(config.queue.maxLength);
    this.journal = new Journal(config.stateDir);
    this.events.on('event', (e) => {
      if (TERMINAL_EVENTS.has(e.event)) this.journal.done(e.id);
      this.publishEvent(e);
    });
  }

  async start(): Promise<void> {
    this.running = true;
    this.loopDelay.enable();
    this.sink.on('state', (ok: boolean) => {
      this.log.info({ audioOk: ok, device: this.sink.device, error: this.sink.lastError }, 'audio device state');
      this.publishStatus();
    });
    this.sink.start();
    await this.espeak.start();
    await this.voices.load();
    if (this.config.mqtt.embedded) {
      try {
        this.broker = await startEmbeddedBroker(this.config.mqtt.embeddedPort);
        this.log.info({ port: this.broker.port }, 'embedded MQTT broker listening on 127.0.0.1');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
        // A broker (often a mosquitto service) already holds the port: use it.
        this.log.warn({ port: this.config.mqtt.embeddedPort }, 'embedded broker port in use; connecting to the broker already listening there');
      }
    }
    this.replayJournal();
    this.connectMqtt();
    this.loopDone = this.loop();
    this.timers.push(setInterval(() => this.dropExpired(), 1000));
    this.timers.push(setInterval(() => this.retryJournal(), 30_000));
    this.timers.push(setInterval(() => void this.publishMetrics(), this.config.metrics.intervalSeconds * 1000));
    this.log.info({ deviceId: this.config.deviceId, voices: this.voices.names(), defaultVoice: this.voices.defaultVoice, provider: this.voices.defaultProvider }, 'herald running');
  }

  // Messages accepted before a crash or power loss are spoken now, in
  // priority order, from the sentence they had reached.
  private replayJournal(): void {
    const { pending, corruptLines } = this.journal.open();
    if (corruptLines) this.log.warn({ corruptLines, path: this.journal.path }, 'journal had unreadable lines; kept the readable records');
    if (this.journal.error) this.log.error({ error: this.journal.error }, 'durability degraded: messages are kept in memory only');
    const now = Date.now();
    for (const job of pending.sort((a, b) => a.receivedAt - b.receivedAt)) {
      if (job.expiresAt <= now) {
        this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'ttl expired while the daemon was down' });
        continue;
      }
      this.events.emitEvent({ id: job.id, event: 'queued', reason: 'replayed after restart', sentence: job.resumeFrom });
      const dropped = this.queue.push(job);
      if (dropped) this.events.emitEvent({ id: dropped.id, event: 'dropped', reason: `queue full (${this.config.queue.maxLength})` });
    }
    if (pending.length) this.log.info({ replayed: pending.length }, 'journal replayed');
  }

  private retryJournal(): void {
    if (this.journal.durable) return;
    this.journal.retry();
    if (this.journal.durable) {
      for (const job of this.queue.jobs()) this.journal.add(job);
      this.log.info('journal writable again; durability restored');
      this.scheduleStatus();
    }
  }

  private connectMqtt(): void {
    const url = this.config.mqtt.embedded ? `mqtt://127.0.0.1:${this.broker?.port ?? this.config.mqtt.embeddedPort}` : this.config.mqtt.url;
    const options = mqttOptions(this.config, { topic: this.topics.status, payload: JSON.stringify(this.statusPayload('offline')) });
    // aedes speaks MQTT 3.1.1.
    if (this.broker) options.protocolVersion = 4;
    const client = connectMqtt(url, options);
    this.mqtt = client;
    client.on('connect', () => {
      client.options.reconnectPeriod = RECONNECT_MIN_MS;
      this.log.info({ url }, 'MQTT connected');
      client.subscribe(this.topics.subscriptions(), { qos: 1 }, (err) => {
        if (err) this.log.error({ err: err.message }, 'MQTT subscribe failed');
      });
      this.publishStatus();
    });
    // Back off while the broker stays away: 1 s, 2 s, 4 s … up to 30 s.
    client.on('close', () => {
      client.options.reconnectPeriod = Math.min(RECONNECT_MAX_MS, (client.options.reconnectPeriod || RECONNECT_MIN_MS) * 2);
    });
    client.on('reconnect', () => this.log.debug({ nextInMs: client.options.reconnectPeriod }, 'MQTT reconnecting'));
    client.on('error', (err) => this.log.warn({ err: err.message }, 'MQTT error'));
    client.on('message', (topic, payload) => void this.onMessage(topic, payload));
  }

  private async onMessage(topic: string, payload: Buffer): Promise<void> {
    const route = this.topics.classify(topic);
    try {
      if (route?.kind === 'say') this.accept(payload, topic);
      else if (route?.kind === 'stop') this.onStop(payload);
      else if (route?.kind === 'request') {
        const response = await answerRequest(this.requestHandlers(), route.name, payload);
        this.mqtt?.publish(this.topics.response(route.name), JSON.stringify(response), { qos: 1 });
      }
    } catch (err) {
      // A bug in handling one message must not stop the daemon.
      this.log.error({ err: (err as Error).stack, topic }, 'message handling failed');
    }
  }

  // Validates and queues one `say` payload; returns the id it is known by.
  accept(payload: Buffer, source = 'local'): string {
    const parsed = parseSayPayload(payload, this.config.limits.maxPayloadBytes);
    if (!parsed.ok) {
      this.events.emitEvent({ id: parsed.id, event: 'failed', reason: parsed.reason });
      return parsed.id;
    }
    return this.acceptRequest(parsed.request, source);
  }

  acceptRequest(request: SayRequest, source = 'local'): string {
    const reject = (reason: string) => {
      this.events.emitEvent({ id: request.id, event: 'failed', reason });
      return request.id;
    };
    if (request.text.length > this.config.limits.maxChars) return reject(`text too long: ${request.text.length} characters, limit ${this.config.limits.maxChars}`);
    if (request.voice && !this.voices.has(request.voice)) return reject(`unknown voice '${request.voice}' (installed: ${[...this.voices.names(), 'espeak'].join(', ')})`);
    const voiceInfo = this.voices.info(request.voice ?? this.voices.defaultVoice);
    // A speaker this voice lacks (a zone message meant for devices with other
    // voices) is no reason to stay silent: speak with speaker 0 and say so.
    let note: string | undefined;
    if (request.speaker !== undefined && request.speaker >= (voiceInfo?.numSpeakers ?? 1)) {
      note = `speaker ${request.speaker} not in voice ${voiceInfo?.name ?? 'espeak'} (${voiceInfo?.numSpeakers ?? 1} speaker(s)); speaker 0 speaks`;
      request = { ...request, speaker: undefined };
    }
    const lang = request.lang ?? voiceInfo?.language ?? 'en';
    if (!hasSpeakableText(normalizeText(request.text, lang))) return reject('no speakable text (only symbols, emoji or whitespace)');
    // A redelivered message (QoS 1 after a reconnect, a client retrying) is spoken once.
    if (this.journal.isDuplicate(request.id)) {
      this.log.info({ id: request.id }, 'duplicate message id ignored');
      return request.id;
    }
    const now = Date.now();
    const job: SayJob = {
      ...request,
      receivedAt: now,
      expiresAt: now + (request.ttlSeconds ?? this.config.queue.defaultTtlSeconds) * 1000,
      resumeFrom: 0,
      source,
      note,
    };
    // On disk before anyone is told it was accepted.
    this.journal.add(job);
    this.events.emitEvent({ id: job.id, event: 'queued' });
    const current = this.current;
    const cuts =
      current &&
      !current.cutReason &&
      ((job.priority === 'emergency' && current.job.priority !== 'emergency') || (job.interrupt && !(current.job.priority === 'emergency' && job.priority !== 'emergency')));
    const dropped = cuts ? this.queue.pushNext(job) : this.queue.push(job);
    if (dropped) this.events.emitEvent({ id: dropped.id, event: 'dropped', reason: `queue full (${this.config.queue.maxLength}); dropped the oldest ${dropped.priority}-priority message` });
    if (cuts && current) this.cutCurrent('interrupt');
    this.wake?.();
    this.scheduleStatus();
    return job.id;
  }

  private onStop(payload: Buffer): void {
    let clear = false;
    try {
      clear = payload.length > 0 && JSON.parse(payload.toString('utf8'))?.clear === true;
    } catch {
      // Any payload, even not JSON, means stop.
    }
    if (clear) for (const job of this.queue.clear()) this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'queue cleared by stop request' });
    this.cutCurrent('stop');
    this.scheduleStatus();
  }

  private cutCurrent(reason: CutReason): void {
    const current = this.current;
    if (!current || current.cutReason) return;
    current.cutReason = reason;
    current.controller.abort();
    this.sink.cut();
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const job of this.queue.takeExpired(now)) {
      const waitingForAudio = !this.sink.ok ? ` while the audio device '${this.sink.device}' was unavailable (${this.sink.lastError ?? 'not open'})` : '';
      this.events.emitEvent({ id: job.id, event: 'dropped', reason: `ttl expired${waitingForAudio}` });
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      if (!this.sink.ok) {
        await this.sleepUntilWoken(this.sink.waitReady());
        continue;
      }
      const job = this.queue.shift();
      if (!job) {
        await this.sleepUntilWoken();
        continue;
      }
      if (job.expiresAt <= Date.now()) {
        this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'ttl expired' });
        continue;
      }
      await this.play(job);
      this.scheduleStatus();
    }
  }

  private sleepUntilWoken(other?: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
      other?.then(() => this.wake?.(), () => this.wake?.());
    });
  }

  private async play(job: SayJob): Promise<void> {
    const current: Current = { job, controller: new AbortController() };
    this.current = current;
    const { engine, fallbackReason } = this.voices.resolve(job.voice, job.lang);
    let reason = fallbackReason ?? job.note;
    let ttfaMs: number | undefined;
    try {
      const result = await speak(job, engine, this.voices.espeak, this.sink, current.controller.signal, {
        onFirstAudio: (at, e) => {
          ttfaMs = job.resumeFrom === 0 ? at - job.receivedAt : undefined;
          this.events.emitEvent({ id: job.id, event: 'started', voice: e.voice, engine: e.engine, provider: e.provider, ttfaMs, firstAudioAt: at, sentence: job.resumeFrom, reason });
        },
        onFallback: (why) => {
          reason = why;
          this.log.warn({ id: job.id, reason: why }, 'neural voice failed; espeak-ng continues');
        },
      });
      this.stats.record(ttfaMs, result.synthMs, result.audioMs);
      this.events.emitEvent({
        id: job.id,
        event: 'finished',
        voice: result.engine.voice,
        engine: result.engine.engine,
        provider: result.engine.provider,
        ttfaMs,
        synthMs: round(result.synthMs),
        audioMs: round(result.audioMs),
        reason: result.fallbackReason ?? reason,
      });
    } catch (err) {
      if (err instanceof Interrupted || err instanceof SinkCutError) {
        const sentence = err instanceof Interrupted ? err.sentence : job.resumeFrom;
        this.afterCut(job, current.cutReason, sentence, err);
      } else {
        this.log.error({ id: job.id, err: (err as Error).message }, 'speaking failed');
        this.events.emitEvent({ id: job.id, event: 'failed', reason: `synthesis failed: ${(err as Error).message}`, voice: engine.voice, engine: engine.engine });
      }
    } finally {
      this.current = undefined;
    }
  }

  private afterCut(job: SayJob, cutReason: CutReason | undefined, sentence: number, err: Error): void {
    if (cutReason === 'stop') {
      this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'stopped by request', sentence });
      return;
    }
    // Wherever it goes next (the queue, or the journal for the next start),
    // it goes on from the sentence that was cut.
    job.resumeFrom = sentence;
    this.journal.progress(job.id, sentence);
    if (cutReason === 'shutdown') {
      if (this.journal.durable) {
        this.log.info({ id: job.id, sentence }, 'kept for the next start');
      } else {
        this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'daemon shutting down (journal not writable)', sentence });
      }
      return;
    }
    // Interrupted by a more urgent message, or the audio device failed: say it again later.
    const why = cutReason === 'interrupt' ? 'interrupted by a more urgent message' : `audio device failed: ${err.message}`;
    this.events.emitEvent({ id: job.id, event: 'interrupted', reason: why, sentence });
    const dropped = this.queue.pushFront(job);
    if (dropped) this.events.emitEvent({ id: dropped.id, event: 'dropped', reason: `queue full (${this.config.queue.maxLength})` });
  }

  private publishEvent(event: HeraldEvent): void {
    const level = event.event === 'failed' ? 'warn' : 'info';
    this.log[level]({ ...event, terminal: TERMINAL_EVENTS.has(event.event) }, `message ${event.event}`);
    this.mqtt?.publish(this.topics.event, JSON.stringify(event), { qos: 1, retain: false });
  }

  statusPayload(state: 'online' | 'offline' = 'online') {
    return {
      state,
      version: VERSION,
      deviceId: this.config.deviceId,
      voices: [...this.voices.names(), 'espeak'],
      defaultVoice: this.voices.defaultVoice,
      provider: this.voices.defaultProvider,
      fp16: this.voices.defaultPrecision.fp16,
      precisionReason: this.voices.defaultPrecision.reason,
      voiceProblems: this.voices.problems,
      queueDepth: this.queue.length + (this.current ? 1 : 0),
      audioDevice: this.sink.device,
      audioOk: this.sink.ok,
      audioError: this.sink.lastError,
      durable: this.journal.durable,
      durabilityError: this.journal.error,
      since: this.since,
    };
  }

  private publishStatus(state: 'online' | 'offline' = 'online'): Promise<void> {
    return new Promise((resolve) => {
      if (!this.mqtt?.connected) return resolve();
      this.mqtt.publish(this.topics.status, JSON.stringify(this.statusPayload(state)), { qos: 1, retain: true }, () => resolve());
    });
  }

  private scheduleStatus(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      void this.publishStatus();
    }, 250);
  }

  async metrics() {
    const lag = { p50Ms: ms(this.loopDelay.percentile(50)), p99Ms: ms(this.loopDelay.percentile(99)), maxMs: ms(this.loopDelay.max) };
    this.loopDelay.reset();
    // On a Jetson: GPU load and clocks, EMC, thermal zones, power mode from sysfs.
    const jetson = (await isJetson()) ? await readJetsonMetrics() : undefined;
    return { deviceId: this.config.deviceId, ts: Date.now(), system: await readSystemMetrics(), jetson, synthesis: this.stats.snapshot(), queueDepth: this.queue.length, eventLoopLag: lag, durable: this.journal.durable };
  }

  private async publishMetrics(): Promise<void> {
    try {
      this.mqtt?.publish(this.topics.metrics, JSON.stringify(await this.metrics()), { qos: 0 });
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'metrics failed');
    }
  }

  private requestHandlers(): Record<string, RequestHandler> {
    return {
      voices: () => ({
        default: this.voices.defaultVoice,
        voices: [
          ...this.voices.names().map((name) => {
            const info = this.voices.info(name)!;
            const engine = this.voices.loaded(name);
            return { name, family: info.family, language: info.language, sampleRate: info.sampleRate, speakers: info.numSpeakers, loaded: !!engine, provider: engine?.provider, fp16: engine?.precision.fp16, precisionReason: engine?.precision.reason, notes: this.voices.notes.get(name), verified: this.voices.verified.has(name), problem: this.voices.problems.find((p) => p.name === name)?.reason };
          }),
          { name: 'espeak', family: 'espeak-ng', loaded: true, provider: 'wasm' },
        ],
      }),
      status: () => this.statusPayload(),
      metrics: () => this.metrics(),
      reload: async () => {
        await this.voices.load();
        await this.publishStatus();
        return { voices: this.voices.names(), problems: this.voices.problems };
      },
    };
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.statusTimer);
    this.cutCurrent('shutdown');
    // With a journal on disk the queue waits for the next start; without one,
    // say that it is lost rather than lose it silently.
    const left = this.queue.clear();
    if (this.journal.durable) {
      if (left.length) this.log.info({ kept: left.length }, 'queued messages kept in the journal for the next start');
    } else {
      for (const job of left) this.events.emitEvent({ id: job.id, event: 'dropped', reason: 'daemon shutting down (journal not writable)' });
    }
    this.wake?.();
    await this.loopDone;
    // A broker that went away with us must not hold the shutdown: each step
    // that waits on it gets a few seconds, then the connection is dropped.
    await within(this.publishStatus('offline'), 3000);
    await within(new Promise<void>((resolve) => (this.mqtt ? this.mqtt.end(false, {}, () => resolve()) : resolve())), 3000);
    this.mqtt?.end(true);
    await this.sink.close();
    await this.voices.close();
    this.espeak.stop();
    await this.broker?.close();
    this.journal.close();
    this.log.info('herald stopped');
  }
}

function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

function ms(ns: number): number {
  return Math.round(ns / 1e4) / 100;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function newId(): string {
  return randomUUID();
}

export { sentencesOf };
