// One Herald daemon, in this process, wired to real parts: a mosquitto broker
// on a free port, ALSA's `file` PCM into a FIFO drained by a capture reader,
// Piper-contract fixture voices run by onnxruntime, espeak-ng in its child.
// Tests talk to it only through MQTT, with an mqtt.js client subscribed to
// herald/<deviceId>/#.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { configSchema, type HeraldConfig } from '../../src/config/schema.ts';
import { Daemon } from '../../src/daemon.ts';
import { TERMINAL_EVENTS, type HeraldEvent } from '../../src/events.ts';
import { buildFixtureVoice, type FixtureVoiceOptions } from './fixture-voice.ts';
import { startMosquitto, type Mosquitto } from './mosquitto.ts';
import { startPcmCapture, type PcmCapture } from './pcm-capture.ts';

export interface HarnessOptions {
  // Fixture voices to build into the voices dir (none: espeak-ng only).
  voices?: FixtureVoiceOptions[];
  // Extra files for the voices dir, e.g. a corrupt model.
  voiceFiles?: Record<string, string | Buffer>;
  // Drain the device at this rate (bytes/s): 44100 is real time for 22050 Hz mono s16.
  bytesPerSecond?: number;
  // Merged over the harness's base config (one level deep per section).
  config?: Record<string, unknown>;
  // Wait for a retained status with audioOk true before returning (default true).
  waitForAudio?: boolean;
  // Appended to the ALSA config the daemon runs with (e.g. a capture PCM).
  alsaExtra?: string;
  // Runs after the voices dir is filled, before the daemon starts.
  prepare?: (dirs: { dir: string; voicesDir: string }) => void;
}

export interface Received {
  topic: string;
  payload: Buffer;
  json?: any;
  retain: boolean;
  at: number;
}

export interface Harness {
  dir: string;
  deviceId: string;
  base: string;
  config: HeraldConfig;
  daemon: Daemon;
  broker: Mosquitto;
  capture: PcmCapture;
  client: MqttClient;
  messages: Received[];
  events: HeraldEvent[];
  publish(topic: string, payload: string | Buffer | object, options?: { retain?: boolean }): Promise<void>;
  // Publishes to herald/<id>/say.
  say(payload: string | Buffer | object): Promise<void>;
  waitForEvent(pred: (e: HeraldEvent) => boolean, timeoutMs?: number): Promise<HeraldEvent>;
  waitForMessage(pred: (m: Received) => boolean, timeoutMs?: number): Promise<Received>;
  // Publishes request/<name> with a fresh transaction and waits for its response.
  request(name: string, data?: Record<string, unknown>, timeoutMs?: number): Promise<any>;
  eventsFor(id: string): HeraldEvent[];
  terminalOf(id: string, timeoutMs?: number): Promise<HeraldEvent>;
  // Ids that were seen in any event but got zero or more than one terminal event.
  terminalProblems(): string[];
  // Pushes everything played so far out to the capture (see flushAudio below).
  flushAudio(): Promise<void>;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export const DEFAULT_TIMEOUT = 30_000;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]);
}

// Resolves once `client` has connected; its first error rejects.
export function connected(client: MqttClient, ms = 10_000): Promise<void> {
  return withTimeout(new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  }), ms, 'test client connect');
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-test-'));
  const voicesDir = join(dir, 'voices');
  mkdirSync(voicesDir);
  for (const v of options.voices ?? []) buildFixtureVoice(voicesDir, v);
  for (const [name, content] of Object.entries(options.voiceFiles ?? {})) writeFileSync(join(voicesDir, name), content);
  options.prepare?.({ dir, voicesDir });

  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const runCleanups = async () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch {
        // keep cleaning
      }
    }
  };

  try {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const capture = await startPcmCapture(dir, { bytesPerSecond: options.bytesPerSecond, alsaExtra: options.alsaExtra });
    cleanups.push(() => capture.stop());

    const deviceId = `t-${randomUUID().slice(0, 8)}`;
    const overrides = options.config ?? {};
    const section = (name: string, base: Record<string, unknown>) => ({ ...base, ...((overrides[name] as Record<string, unknown>) ?? {}) });
    const config = configSchema.parse({
      ...overrides,
      deviceId,
      mqtt: section('mqtt', { url: broker.url }),
      audio: section('audio', { device: 'default', retrySeconds: 1 }),
      voices: section('voices', { dir: voicesDir }),
      engine: section('engine', { providers: ['cpu'], intraOpThreads: 1 }),
      stateDir: join(dir, 'state'),
      queue: section('queue', {}),
      limits: section('limits', {}),
      metrics: section('metrics', { intervalSeconds: 3600 }),
      log: { level: 'debug' },
    });
    const base = `${config.mqtt.baseTopic}/${deviceId}`;

    // The test client is subscribed before the daemon connects, so it sees
    // every event and status from the first.
    const messages: Received[] = [];
    const events: HeraldEvent[] = [];
    const waiters = new Set<() => void>();
    const client = mqtt.connect(broker.url, { protocolVersion: 5, clientId: `test-${randomUUID().slice(0, 8)}`, reconnectPeriod: 500 });
    cleanups.push(() => new Promise<void>((resolve) => client.end(true, {}, () => resolve())));
    client.on('message', (topic, payload, packet) => {
      let json: any;
      try {
        json = JSON.parse(payload.toString('utf8'));
      } catch {
        json = undefined;
      }
      messages.push({ topic, payload, json, retain: packet.retain, at: Date.now() });
      if (topic === `${base}/event` && json) events.push(json);
      for (const w of [...waiters]) w();
    });
    await connected(client, 15_000);
    await withTimeout(client.subscribeAsync([`${base}/#`, `${config.mqtt.baseTopic}/zone/#`], { qos: 1 }), 15_000, 'test client subscribe');

    const logPath = join(dir, 'daemon.log');
    const log = pino({ level: 'debug', base: { app: 'herald' } }, pino.destination({ dest: logPath, sync: true }));
    const previousAlsa = process.env.ALSA_CONFIG_PATH;
    process.env.ALSA_CONFIG_PATH = capture.configPath;
    cleanups.push(() => {
      if (previousAlsa === undefined) delete process.env.ALSA_CONFIG_PATH;
      else process.env.ALSA_CONFIG_PATH = previousAlsa;
    });
    const daemon = new Daemon(config, log);
    let stopped = false;
    cleanups.push(async () => {
      if (stopped) return;
      stopped = true;
      const sinkPid = daemon.sink.pid;
      const espeakPid = daemon.espeak.pid;
      try {
        await withTimeout(daemon.stop(), 15_000, 'daemon.stop');
      } finally {
        // Whatever stop() left behind (it should leave nothing).
        for (const pid of [sinkPid, espeakPid, daemon.sink.pid, daemon.espeak.pid]) {
          if (pid) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }
        }
      }
    });

    const waitFor = <T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
      const hit = find();
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${what}: nothing matched within ${timeoutMs} ms; events so far:\n${events.map((e) => JSON.stringify(e)).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
      });
    };

    const publish = (topic: string, payload: string | Buffer | object, opts: { retain?: boolean } = {}) =>
      client.publishAsync(topic, typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), { qos: 1, retain: opts.retain ?? false }).then(() => undefined);

    const h: Harness = {
      dir,
      deviceId,
      base,
      config,
      daemon,
      broker,
      capture,
      client,
      messages,
      events,
      publish,
      say: (payload) => publish(`${base}/say`, payload),
      waitForEvent: (pred, timeoutMs = DEFAULT_TIMEOUT) => waitFor(() => events.find(pred), timeoutMs, 'waitForEvent'),
      waitForMessage: (pred, timeoutMs = DEFAULT_TIMEOUT) => waitFor(() => messages.find(pred), timeoutMs, 'waitForMessage'),
      request: async (name, data = {}, timeoutMs = DEFAULT_TIMEOUT) => {
        const transaction = randomUUID();
        await publish(`${base}/request/${name}`, { ...data, transaction });
        const m = await waitFor(() => messages.find((x) => x.topic === `${base}/response/${name}` && x.json?.transaction === transaction), timeoutMs, `response/${name}`);
        return m.json;
      },
      eventsFor: (id) => events.filter((e) => e.id === id),
      terminalOf: (id, timeoutMs = DEFAULT_TIMEOUT) => waitFor(() => events.find((e) => e.id === id && TERMINAL_EVENTS.has(e.event)), timeoutMs, `terminal event of ${id}`),
      terminalProblems: () => {
        const ids = [...new Set(events.map((e) => e.id))];
        return ids.filter((id) => events.filter((e) => e.id === id && TERMINAL_EVENTS.has(e.event)).length !== 1);
      },
      logTail: (lines = 40) => (existsSync(logPath) ? readFileSync(logPath, 'utf8').trim().split('\n').slice(-lines).join('\n') : ''),
      flushAudio: () => flushAudio(h),
      stop: runCleanups,
    };

    await withTimeout(daemon.start(), 60_000, 'daemon.start');
    if (options.waitForAudio ?? true) {
      await h.waitForMessage((m) => m.topic === `${base}/status` && m.json?.state === 'online' && m.json?.audioOk === true, 30_000);
    } else {
      await h.waitForMessage((m) => m.topic === `${base}/status` && m.json?.state === 'online', 30_000);
    }
    return h;
  } catch (err) {
    await runCleanups();
    throw err;
  }
}

// ALSA's `file` plugin holds back the last buffer (0.5 s, the buffer size the
// sink asks for) of what was played until more audio pushes it out or the
// device is drained. To see the whole of a message in the capture, play some
// silence after it: a message at volume 0, longer than that buffer, spoken by
// whatever voice is the default. Waits until the capture stops growing.
let flushCount = 0;
export async function flushAudio(h: Harness): Promise<void> {
  const id = `flush-${++flushCount}`;
  await h.say({ id, text: 'Flush this now.', volume: 0, rate: 0.5 });
  const end = await h.terminalOf(id);
  if (end.event !== 'finished') throw new Error(`flush message ended ${JSON.stringify(end)}`);
  let size = -1;
  for (let i = 0; i < 200; i++) {
    const now = h.capture.bytes().length;
    if (now === size) return;
    size = now;
    await sleep(150);
  }
}

// Waits until no new event has arrived for quietMs (or maxMs passed).
export async function settle(h: Harness, quietMs = 700, maxMs = 10_000): Promise<void> {
  const start = Date.now();
  let count = h.events.length;
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await sleep(100);
    if (h.events.length !== count) {
      count = h.events.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

export { sleep };
