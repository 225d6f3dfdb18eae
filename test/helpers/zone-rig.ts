// A zone of N real daemons on this machine, as zone sync needs them: one
// mosquitto, each daemon run as production runs it (bin/herald.js, the
// compiled dist/: `npm run build` first) in its own process, with its own
// wall-clock skew (HERALD_TEST_CLOCK_OFFSET_MS, per process) and its own real-time
// ALSA capture (pcm-fifo-reader.py paced at 44100 bytes/s), speaking the
// fixture voice unless their config says otherwise. Used by test/zone-sync.test.ts and scripts/measure-zone-sync.ts.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { TERMINAL_EVENTS, type HeraldEvent } from '../../src/events.ts';
import { startDaemonProcess, writeDaemonConfig, type DaemonProcess } from './daemon-process.ts';
import { buildFixtureVoice } from './fixture-voice.ts';
import { findFixtureSentences, type CapturedSentence } from './fixture-pcm.ts';
import { startMosquitto, type Mosquitto } from './mosquitto.ts';
import { startPcmCapture, type PcmCapture } from './pcm-capture.ts';

// 22050 Hz mono s16 in real time.
const BYTES_PER_SECOND = 44100;
// ALSA's `file` plugin holds one buffer (0.5 s) back until more audio pushes
// it out: the stand-in card's audio.latencyMs (docs/zones.md).
const LATENCY_MS = 500;
// The stand-in card's only buffer against a writer that stalls (ALSA's file
// plugin holds its 0.5 s back until pushed): 0.37 s, where the 4 KB of the
// single-daemon tests underruns whenever 2 loaded cores delay a sink for 0.1 s.
const PIPE_BYTES = 16384;
const QUIET_RTT_MS = 4;

export interface ZoneDevice {
  id: string;
  skewMs: number;
  capture: PcmCapture;
  daemon: DaemonProcess;
  events: HeraldEvent[];
  status(): any;
}

export interface ZoneRig {
  zone: string;
  broker: Mosquitto;
  devices: ZoneDevice[];
  client: MqttClient;
  publish(topic: string, payload: object | string): Promise<void>;
  zoneSay(payload: object): Promise<void>;
  // Resolves once every device has an event matching `pred` (per device).
  waitAll(pred: (e: HeraldEvent) => boolean, timeoutMs: number): Promise<HeraldEvent[]>;
  terminals(id: string, timeoutMs: number): Promise<HeraldEvent[]>;
  waitStatus(pred: (status: any, device: ZoneDevice) => boolean, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ZoneRigOptions {
  // One device per entry: its wall-clock skew (ms). Ids sort in this order,
  // so the first device is the zone leader.
  skews: number[];
  leadMs: number;
  // Per device: extra config (merged one level deep).
  config?: (index: number) => Record<string, any>;
}

export async function startZoneRig(options: ZoneRigOptions): Promise<ZoneRig> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-zone-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => {});
  };
  try {
    const voicesDir = join(dir, 'voices');
    mkdirSync(voicesDir);
    buildFixtureVoice(voicesDir, { name: 'fixture' });
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const zone = `z-${randomUUID().slice(0, 6)}`;
    const tag = randomUUID().slice(0, 4);

    const client = mqtt.connect(broker.url, { protocolVersion: 5, clientId: `zone-test-${tag}`, reconnectPeriod: 500 });
    cleanups.push(() => new Promise<void>((resolve) => client.end(true, {}, () => resolve())));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    await client.subscribeAsync(['herald/+/event', 'herald/+/status'], { qos: 1 });
    const byId = new Map<string, { events: HeraldEvent[]; status?: any }>();
    const waiters = new Set<() => void>();
    client.on('message', (topic, payload) => {
      const [, id, kind] = topic.split('/');
      const seen = byId.get(id);
      if (!seen) return;
      try {
        const json = JSON.parse(payload.toString('utf8'));
        if (kind === 'event') seen.events.push(json);
        else seen.status = json;
      } catch {
        return;
      }
      for (const w of [...waiters]) w();
    });

    const devices: ZoneDevice[] = [];
    for (const [i, skewMs] of options.skews.entries()) {
      const id = `zd${i}-${tag}`;
      const home = join(dir, id);
      mkdirSync(home);
      const capture = await startPcmCapture(home, { bytesPerSecond: BYTES_PER_SECOND, pipeSize: PIPE_BYTES, realtime: true });
      cleanups.push(() => capture.stop());
      const extra = options.config?.(i) ?? {};
      const configPath = writeDaemonConfig(home, {
        ...extra,
        deviceId: id,
        mqtt: { url: broker.url, ...extra.mqtt },
        audio: { device: 'default', retrySeconds: 1, latencyMs: LATENCY_MS, ...extra.audio },
        voices: { dir: voicesDir, default: 'fixture', ...extra.voices },
        engine: { providers: ['cpu'], intraOpThreads: 1 },
        stateDir: join(home, 'state'),
        zones: [zone],
        zoneSync: { leadMs: options.leadMs, pingSeconds: 0.5, ...extra.zoneSync },
        metrics: { intervalSeconds: 3600 },
        log: { level: 'debug' },
      });
      const seen = { events: [] as HeraldEvent[], status: undefined as any };
      byId.set(id, seen);
      const daemon = startDaemonProcess(configPath, { ALSA_CONFIG_PATH: capture.configPath, HERALD_TEST_CLOCK_OFFSET_MS: String(skewMs) });
      cleanups.push(() => daemon.kill());
      devices.push({ id, skewMs, capture, daemon, events: seen.events, status: () => seen.status });
    }

    const waitFor = <T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = find();
          if (hit === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = devices.map((d) => `${d.id}: ${d.events.map((e) => `${e.id}:${e.event}${e.reason ? `(${e.reason})` : ''}`).join(' ')}\n  status ${JSON.stringify(d.status())}\n  log ${d.daemon.log().slice(-1500)}`).join('\n');
          reject(new Error(`${what}: timed out after ${timeoutMs} ms\n${seen}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    const waitAll = (pred: (e: HeraldEvent) => boolean, timeoutMs: number) =>
      waitFor(() => {
        const hits = devices.map((d) => d.events.find(pred));
        return hits.every(Boolean) ? (hits as HeraldEvent[]) : undefined;
      }, timeoutMs, 'event on every device');
    const publish = (topic: string, payload: object | string) => client.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 }).then(() => undefined);

    const rig: ZoneRig = {
      zone,
      broker,
      devices,
      client,
      publish,
      zoneSay: (payload) => publish(`herald/zone/${zone}/say`, payload),
      waitAll,
      terminals: (id, timeoutMs) => waitAll((e) => e.id === id && TERMINAL_EVENTS.has(e.event), timeoutMs),
      waitStatus: (pred, timeoutMs) => waitFor(() => (devices.every((d) => d.status() && pred(d.status(), d)) ? true : undefined), timeoutMs, "status on every device").then(() => undefined),
      stop,
    };
    // Online with audio, and every follower has measured its clock offset.
    await rig.waitStatus((s) => s.state === 'online' && s.audioOk === true && s.zoneClocks?.[0]?.leader === devices[0].id, 120_000);
    // An offset is as good as half the round trip it came from: wait for a
    // quiet exchange (a loaded machine has few).
    await rig.waitStatus((s) => s.zoneClocks[0].rttMs <= QUIET_RTT_MS, 60_000).catch(() => {});
    return rig;
  } catch (err) {
    await stop();
    throw err;
  }
}

// The fixture sentences a device played after capture byte `fromByte`, each
// with the wall-clock time its first sample was played.
export function playedSentences(device: ZoneDevice, fromByte = 0): Array<CapturedSentence & { at: number }> {
  const from = Math.floor(fromByte / 2);
  const samples = device.capture.samples().subarray(from);
  return findFixtureSentences(samples).map((s) => ({ ...s, at: device.capture.playedAt((from + s.offset) * 2)! }));
}

// When the last sound before sample `to` (counted in samples from byte
// `fromByte` of the capture) was played: where a cut stopped the audio.
export function lastSoundBefore(device: ZoneDevice, fromByte: number, to: number): number {
  const samples = device.capture.samples().subarray(Math.floor(fromByte / 2));
  let i = to - 1;
  while (i > 0 && samples[i] === 0) i--;
  return device.capture.playedAt(fromByte + i * 2)!;
}
