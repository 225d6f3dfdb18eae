import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { loadConfig } from '../config/load.ts';
import { Daemon } from '../daemon.ts';
import { PiperEngine } from '../engines/piper.ts';
import type { HeraldEvent } from '../events.ts';
import { createLogger } from '../log.ts';
import { startEmbeddedBroker } from '../mqtt/broker.ts';
import { sentencesOf } from '../text/split.ts';
import { percentile } from '../system/synth-stats.ts';
import { EspeakHost } from '../text/espeak-host.ts';

const TEXTS = [
  'Attention please. The train to Boston departs at 7:30 from platform 4.',
  'Flight BA123 to London is now boarding at gate B12.',
  'Please keep your belongings with you at all times.',
  'Warning: the forklift in bay 7 is reversing. Stand clear!',
  'The temperature in the cold store has risen to 8°C.',
  'Good morning. Today is the 21st, and the meeting starts at 10:15 in room 3.',
  'Shift change in 15 minutes. Line 2 will stop at 14:00 for maintenance.',
  'This is a test of the public address system. No action is required.',
];

// End to end: publish on a real broker → Herald → ALSA, timed from the
// publish to the first PCM handed to the ALSA sink, beside the bare
// onnxruntime session.run for the same phoneme ids.
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      json: { type: 'boolean' },
      n: { type: 'string', default: '24' },
      voice: { type: 'string' },
      'alsa-null': { type: 'boolean' },
      'broker-url': { type: 'string' },
    },
  });
  const n = Number(values.n);
  const { config } = loadConfig(values.config);
  let scratch: string | undefined;
  if (values['alsa-null']) {
    // A machine without a sound card still goes through real ALSA: a null PCM.
    scratch = mkdtempSync(join(tmpdir(), 'herald-bench-'));
    writeFileSync(join(scratch, 'asound.conf'), 'pcm.nullsink { type null }\npcm.!default { type plug slave.pcm "nullsink" }\n');
    process.env.ALSA_CONFIG_PATH = join(scratch, 'asound.conf');
    config.audio.device = 'default';
  }
  const broker = values['broker-url'] ? undefined : await startEmbeddedBroker(0);
  config.mqtt.url = values['broker-url'] ?? `mqtt://127.0.0.1:${broker?.port}`;
  config.mqtt.embedded = false;
  if (broker) config.mqtt.protocolVersion = 4;
  config.deviceId = `bench-${process.pid}`;
  // A journal of its own: ids of earlier runs must not count as duplicates.
  const stateDir = mkdtempSync(join(tmpdir(), 'herald-bench-state-'));
  config.stateDir = stateDir;
  config.metrics.intervalSeconds = 3600;
  if (values.voice) config.voices.default = values.voice;

  const daemon = new Daemon(config, createLogger(process.env.HERALD_LOG_LEVEL ?? 'warn'));
  await daemon.start();
  const client = mqtt.connect(config.mqtt.url, { protocolVersion: broker ? 4 : 5 });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  const waiting = new Map<string, (e: HeraldEvent) => void>();
  const started = new Map<string, HeraldEvent>();
  await client.subscribeAsync(daemon.topics.event, { qos: 1 });
  client.on('message', (_t, payload) => {
    const e = JSON.parse(payload.toString()) as HeraldEvent;
    if (e.event === 'started') started.set(e.id, e);
    if (e.event === 'finished' || e.event === 'failed' || e.event === 'dropped') waiting.get(e.id)?.(e);
  });

  const voice = daemon.voices.defaultVoice;
  const engine = daemon.voices.loaded(voice);
  const rows: Array<{ ttfaMs: number; synthMs: number; audioMs: number; rawRunMs?: number }> = [];
  // How long the daemon's main thread was held up while it spoke: MQTT, stop and the
  // watchdog wait that long.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  for (let i = 0; i < n; i++) {
    const text = TEXTS[i % TEXTS.length];
    const id = `bench-${i}`;
    const done = new Promise<HeraldEvent>((resolve) => waiting.set(id, resolve));
    const publishedAt = Date.now();
    await client.publishAsync(daemon.topics.say, JSON.stringify({ id, text }), { qos: 1 });
    const end = await done;
    if (end.event !== 'finished') throw new Error(`bench message ${id} ended ${end.event}: ${end.reason}`);
    const first = started.get(id)?.firstAudioAt ?? publishedAt;
    rows.push({ ttfaMs: first - publishedAt, synthMs: end.synthMs ?? 0, audioMs: end.audioMs ?? 0 });
  }
  loopDelay.disable();

  // The same phoneme ids through a bare session of the same model.
  const espeak = new EspeakHost();
  if (engine) {
    const bare = await PiperEngine.load(engine.info, [engine.provider], espeak);
    for (let i = 0; i < n; i++) {
      const ids = await Promise.all(sentencesOf(TEXTS[i % TEXTS.length], engine.language).map((s) => bare.phonemeIds(s)));
      const t0 = performance.now();
      for (const sentence of ids) await bare.run(sentence, { rate: 1 });
      rows[i].rawRunMs = performance.now() - t0;
    }
    await bare.close();
  }
  espeak.stop();

  const rss = {
    daemonMB: mb(process.resourceUsage().maxRSS * 1024),
    alsaSinkMB: mb(peakRss(daemon.sink.pid)),
    espeakMB: mb(peakRss(daemon.espeak.pid)),
  };
  const statusProvider = daemon.voices.defaultProvider;
  client.end(true);
  await daemon.stop();
  await broker?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  rmSync(stateDir, { recursive: true, force: true });

  const rtf = rows.map((r) => r.synthMs / r.audioMs);
  const overhead = rows.filter((r) => r.rawRunMs).map((r) => r.synthMs / (r.rawRunMs as number));
  const result = {
    voice,
    engine: engine ? 'piper' : 'espeak',
    provider: statusProvider,
    messages: n,
    broker: values['broker-url'] ?? 'embedded aedes (127.0.0.1)',
    audioDevice: values['alsa-null'] ? 'ALSA null PCM' : config.audio.device,
    ttfaMs: { p50: round1(percentile(rows.map((r) => r.ttfaMs), 50)), p95: round1(percentile(rows.map((r) => r.ttfaMs), 95)) },
    rtf: { p50: round4(percentile(rtf, 50)), p95: round4(percentile(rtf, 95)) },
    synthMsPerMessage: { p50: round1(percentile(rows.map((r) => r.synthMs), 50)) },
    onnxRunMsPerMessage: { p50: round1(percentile(rows.filter((r) => r.rawRunMs).map((r) => r.rawRunMs as number), 50)) },
    synthOverOnnxRun: { p50: round4(percentile(overhead, 50)) },
    audioMsPerMessage: { p50: round1(percentile(rows.map((r) => r.audioMs), 50)) },
    eventLoopDelayMs: { p99: round1(loopDelay.percentile(99) / 1e6), max: round1(loopDelay.max / 1e6) },
    peakRss: rss,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(
      [
        `voice ${result.voice} (${result.engine}, ${result.provider}), ${n} messages via ${result.broker} → ${result.audioDevice}`,
        `time to first audio  p50 ${result.ttfaMs.p50} ms  p95 ${result.ttfaMs.p95} ms`,
        `real-time factor     p50 ${result.rtf.p50}  p95 ${result.rtf.p95}`,
        `synthesis/message    p50 ${result.synthMsPerMessage.p50} ms; bare session.run p50 ${result.onnxRunMsPerMessage.p50} ms; ratio p50 ${result.synthOverOnnxRun.p50}`,
        `main-thread delay    p99 ${result.eventLoopDelayMs.p99} ms  max ${result.eventLoopDelayMs.max} ms (while speaking)`,
        `peak RSS             daemon ${rss.daemonMB} MB, ALSA sink ${rss.alsaSinkMB} MB, espeak-ng ${rss.espeakMB} MB`,
      ].join('\n') + '\n',
    );
  }
  return 0;
}

function peakRss(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}

function round1(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}

function round4(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10000) / 10000;
}
