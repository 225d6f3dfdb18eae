import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import type { HeraldConfig, ProviderName } from '../config/schema.ts';
import { loadConfig } from '../config/load.ts';
import { PiperEngine } from '../engines/piper.ts';
import type { HeraldEvent } from '../events.ts';
import { Topics } from '../mqtt/topics.ts';
import { sentencesFor } from '../text/split.ts';
import { DAEMON_ENV, DAEMON_NODE_ARGS } from '../system/daemon-node.ts';
import { descendants, mbOf, procMem, treeMem } from '../system/proc-mem.ts';
import { percentile } from '../system/synth-stats.ts';
import { EspeakHost } from '../text/espeak-host.ts';
import { discoverVoices } from '../voices/discover.ts';

// Also read by scripts/measure-*.ts, so their figures are of the same sentences.
export const TEXTS = [
  'Attention please. The train to Boston departs at 7:30 from platform 4.',
  'Flight BA123 to London is now boarding at gate B12.',
  'Please keep your belongings with you at all times.',
  'Warning: the forklift in bay 7 is reversing. Stand clear!',
  'The temperature in the cold store has risen to 8°C.',
  'Good morning. Today is the 21st, and the meeting starts at 10:15 in room 3.',
  'Shift change in 15 minutes. Line 2 will stop at 14:00 for maintenance.',
  'This is a test of the public address system. No action is required.',
];

// What issue 9 asks of a lean daemon; the report says which are met.
const TARGETS = { daemonIdleRssMB: 150, treeIdleRssMB: 250, startToReadyMs: 1000, synthOverOnnxRun: 1.1 };

// The daemon exactly as production starts it: the `herald` bin under plain node.
const BIN = fileURLToPath(new URL('../../bin/herald.js', import.meta.url));

const READY_LINE = 'herald running';

interface Started {
  child: ChildProcess;
  readyMs: number;
  stop(): Promise<void>;
}

// Starts, measures and talks to real `herald run` processes: start to READY
// and idle RSS over several starts, then time to first audio, real-time
// factor and synthesis time over MQTT, each message's synthesis beside a bare
// session.run of the same phoneme ids made right after it (so that a busy
// machine slows both sides of the ratio alike).
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      json: { type: 'boolean' },
      n: { type: 'string', default: '24' },
      starts: { type: 'string', default: '5' },
      settle: { type: 'string', default: '3000' },
      voice: { type: 'string' },
      'alsa-null': { type: 'boolean' },
      'broker-url': { type: 'string' },
    },
  });
  const n = positiveInt(values.n, '--n');
  const starts = positiveInt(values.starts, '--starts');
  const settleMs = positiveInt(values.settle, '--settle');
  const { config } = loadConfig(values.config);
  const scratch = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  const deviceId = `bench-${process.pid}`;
  const env: NodeJS.ProcessEnv = { ...process.env, HERALD_DEVICE_ID: deviceId, HERALD_METRICS_INTERVAL_SECONDS: '3600', HERALD_LOG_LEVEL: 'info' };
  delete env.NOTIFY_SOCKET;
  if (values['alsa-null']) {
    // A machine without a sound card still goes through real ALSA: a null PCM.
    writeFileSync(join(scratch, 'asound.conf'), 'pcm.nullsink { type null }\npcm.!default { type plug slave.pcm "nullsink" }\n');
    env.ALSA_CONFIG_PATH = join(scratch, 'asound.conf');
    env.HERALD_AUDIO_DEVICE = 'default';
  }
  if (values.voice) env.HERALD_VOICES_DEFAULT = values.voice;
  const args = ['run', ...(values.config ? ['--config', values.config] : [])];
  let url: string;
  if (values['broker-url']) {
    url = values['broker-url'];
    env.HERALD_MQTT_URL = url;
  } else {
    const port = await freePort();
    env.HERALD_MQTT_EMBEDDED_PORT = String(port);
    args.push('--embedded');
    url = `mqtt://127.0.0.1:${port}`;
  }

  let daemon: Started | undefined;
  const cleanup = () => daemon?.child.kill('SIGKILL');
  process.once('exit', cleanup);
  try {
    // Each start from a journal of its own: earlier ids must not replay.
    const startRows: Array<{ readyMs: number; daemonKB: number; treeKB: number; processes: Array<{ command: string; rssMB: number }> }> = [];
    for (let i = 0; i < starts; i++) {
      daemon = await startDaemon(args, { ...env, HERALD_STATE_DIR: join(scratch, `state-${i}`) });
      await sleep(settleMs);
      const tree = treeMem(daemon.child.pid as number);
      startRows.push({
        readyMs: daemon.readyMs,
        daemonKB: tree.root?.rssKB ?? 0,
        treeKB: tree.totalRssKB,
        processes: [tree.root, ...tree.children].flatMap((p) => (p ? [{ command: role(p.command), rssMB: mbOf(p.rssKB) }] : [])),
      });
      if (i < starts - 1) {
        await daemon.stop();
        daemon = undefined;
      }
    }
    const speaking = await speakThrough(daemon as Started, url, new Topics(config.mqtt.baseTopic, deviceId, []), n, !values['broker-url'], config);
    await daemon?.stop();
    daemon = undefined;

    const median = (xs: number[]) => percentile(xs, 50) ?? 0;
    const readyMs = startRows.map((r) => r.readyMs);
    const idle = { daemonMB: mbOf(median(startRows.map((r) => r.daemonKB))), treeMB: mbOf(median(startRows.map((r) => r.treeKB))) };
    const summary = {
      daemonIdleRssMB: idle.daemonMB,
      treeIdleRssMB: idle.treeMB,
      startToReadyMs: Math.round(median(readyMs)),
      synthOverOnnxRun: speaking.synthOverOnnxRun.p50,
    };
    const result = {
      summary,
      targets: TARGETS,
      met: {
        daemonIdleRssMB: summary.daemonIdleRssMB <= TARGETS.daemonIdleRssMB,
        treeIdleRssMB: summary.treeIdleRssMB <= TARGETS.treeIdleRssMB,
        startToReadyMs: summary.startToReadyMs <= TARGETS.startToReadyMs,
        synthOverOnnxRun: summary.synthOverOnnxRun !== null && summary.synthOverOnnxRun <= TARGETS.synthOverOnnxRun,
      },
      command: `${Object.entries(DAEMON_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} node ${DAEMON_NODE_ARGS.join(' ')} ${BIN} ${args.join(' ')}`,
      start: {
        basis: `spawn of the command to its "${READY_LINE}" log line, after which it sends READY=1 (median of ${starts} starts)`,
        readyMs: { p50: summary.startToReadyMs, all: readyMs.map((ms) => Math.round(ms)) },
      },
      idleRss: { basis: `RSS from /proc ${settleMs} ms after "${READY_LINE}", median of ${starts} starts`, ...idle, processes: startRows[startRows.length - 1].processes },
      ...speaking,
      broker: values['broker-url'] ?? 'embedded aedes (127.0.0.1)',
      audioDevice: values['alsa-null'] ? 'ALSA null PCM' : config.audio.device,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const ok = (b: boolean) => (b ? 'ok' : 'over target');
      process.stdout.write(
        [
          `voice ${result.voice} (${result.engine}, ${result.provider}), ${n} messages via ${result.broker} → ${result.audioDevice}`,
          `start to READY       p50 ${summary.startToReadyMs} ms over ${starts} starts (${result.start.readyMs.all.join(', ')} ms) [${ok(result.met.startToReadyMs)}]`,
          `idle RSS             daemon ${idle.daemonMB} MB [${ok(result.met.daemonIdleRssMB)}], process tree ${idle.treeMB} MB [${ok(result.met.treeIdleRssMB)}]: ${result.idleRss.processes.map((p) => `${p.command} ${p.rssMB}`).join(', ')}`,
          `time to first audio  p50 ${result.ttfaMs.p50} ms  p95 ${result.ttfaMs.p95} ms`,
          `real-time factor     p50 ${result.rtf.p50}  p95 ${result.rtf.p95}`,
          `synthesis/message    p50 ${result.synthMsPerMessage.p50} ms; bare session.run p50 ${result.onnxRunMsPerMessage.p50} ms; ratio p50 ${summary.synthOverOnnxRun} [${ok(result.met.synthOverOnnxRun)}]`,
          `main-thread delay    p99 ${result.eventLoopDelayMs.p99} ms  max ${result.eventLoopDelayMs.max} ms (while speaking)`,
          `peak RSS             daemon ${result.peakRss.daemonMB} MB, ALSA sink ${result.peakRss.alsaSinkMB} MB, espeak-ng ${result.peakRss.espeakMB} MB`,
        ].join('\n') + '\n',
      );
    }
    return 0;
  } finally {
    await daemon?.stop();
    process.off('exit', cleanup);
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function startDaemon(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const spawnedAt = performance.now();
  // As the systemd unit starts it.
  const child = spawn(process.execPath, [...DAEMON_NODE_ARGS, BIN, ...args], { env: { ...env, ...DAEMON_ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  let buffered = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const readyMs = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`herald run exited (${signal ?? code}) before "${READY_LINE}": ${tail.trim()}`)));
    child.once('error', reject);
    child.stderr?.setEncoding('utf8');
    // The daemon logs JSON lines on stderr.
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-2000);
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.includes(`"msg":"${READY_LINE}"`)) resolve(performance.now() - spawnedAt);
      }
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    child,
    readyMs,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

async function speakThrough(daemon: Started, url: string, topics: Topics, n: number, embedded: boolean, config: HeraldConfig) {
  const client = mqtt.connect(url, { protocolVersion: embedded ? 4 : 5, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  const waiting = new Map<string, (e: HeraldEvent) => void>();
  const started = new Map<string, HeraldEvent>();
  const responses = new Map<string, (data: unknown) => void>();
  await client.subscribeAsync([topics.event, topics.response('voices'), topics.response('metrics')], { qos: 1 });
  client.on('message', (topic, payload) => {
    const body = JSON.parse(payload.toString()) as Record<string, unknown>;
    if (topic === topics.event) {
      const e = body as unknown as HeraldEvent;
      if (e.event === 'started') started.set(e.id, e);
      if (e.event === 'finished' || e.event === 'failed' || e.event === 'dropped') waiting.get(e.id)?.(e);
    } else {
      responses.get(String(body.transaction))?.(body.data);
    }
  });
  const request = async <T>(name: string): Promise<T> => {
    const transaction = `${name}-${Date.now()}`;
    const answer = new Promise<T>((resolve) => responses.set(transaction, resolve as (d: unknown) => void));
    await client.publishAsync(topics.request(name), JSON.stringify({ transaction }), { qos: 1 });
    return answer;
  };

  const voices = await request<{ default: string; voices: Array<{ name: string; loaded: boolean; provider?: string }> }>('voices');
  const loaded = voices.voices.find((v) => v.name === voices.default && v.loaded);
  // The same phoneme ids through a bare session of the same model, in this process.
  const espeak = new EspeakHost();
  const info = loaded ? discoverVoices(config.voices.dir).voices.find((v) => v.name === loaded.name) : undefined;
  // The session options the daemon's own session was opened with.
  const bare = info ? await PiperEngine.load(info, [loaded?.provider as ProviderName], espeak, { intraOpThreads: config.engine.intraOpThreads }) : undefined;
  const idsOf = async (text: string) => (bare ? (await Promise.all(sentencesFor(text, bare.language, bare.info.phonemizer).map((s) => bare.sentenceIds(s)))).flat() : []);
  // Warm the bare session as the daemon warmed its own.
  if (bare) for (const ids of await idsOf(TEXTS[0])) await bare.run(ids, { rate: 1 });

  const rows: Array<{ ttfaMs: number; synthMs: number; audioMs: number; rawRunMs?: number }> = [];
  await request('metrics'); // resets the daemon's event-loop delay histogram
  for (let i = 0; i < n; i++) {
    const text = TEXTS[i % TEXTS.length];
    const id = `bench-${i}`;
    const done = new Promise<HeraldEvent>((resolve) => waiting.set(id, resolve));
    const publishedAt = Date.now();
    await client.publishAsync(topics.say, JSON.stringify({ id, text }), { qos: 1 });
    const end = await done;
    if (end.event !== 'finished') throw new Error(`bench message ${id} ended ${end.event}: ${end.reason}`);
    const first = started.get(id)?.firstAudioAt ?? publishedAt;
    const row: (typeof rows)[number] = { ttfaMs: first - publishedAt, synthMs: end.synthMs ?? 0, audioMs: end.audioMs ?? 0 };
    if (bare) {
      const ids = await idsOf(text);
      const t0 = performance.now();
      for (const sentence of ids) await bare.run(sentence, { rate: 1 });
      row.rawRunMs = performance.now() - t0;
    }
    rows.push(row);
  }
  const metrics = await request<{ eventLoopLag?: { p99Ms?: number; maxMs?: number } }>('metrics');
  const pid = daemon.child.pid as number;
  const kids = descendants(pid).map((p) => ({ pid: p, command: procMem(p)?.command ?? '' }));
  const peak = (match: RegExp) => mbOf(kids.filter((k) => match.test(k.command)).reduce((kb, k) => kb + peakKB(k.pid), 0));
  const peakRss = { daemonMB: mbOf(peakKB(pid)), alsaSinkMB: peak(/alsa-sink/), espeakMB: peak(/espeak/), treeMB: mbOf(peakKB(pid) + kids.reduce((kb, k) => kb + peakKB(k.pid), 0)) };
  client.end(true);
  await bare?.close();
  espeak.stop();

  const rtf = rows.map((r) => r.synthMs / r.audioMs);
  const withRaw = rows.filter((r) => r.rawRunMs);
  return {
    voice: voices.default,
    engine: loaded ? 'piper' : 'espeak',
    provider: loaded?.provider ?? 'wasm',
    messages: n,
    ttfaMs: { p50: round(percentile(rows.map((r) => r.ttfaMs), 50), 1), p95: round(percentile(rows.map((r) => r.ttfaMs), 95), 1) },
    rtf: { p50: round(percentile(rtf, 50), 4), p95: round(percentile(rtf, 95), 4) },
    synthMsPerMessage: { p50: round(percentile(rows.map((r) => r.synthMs), 50), 1) },
    onnxRunMsPerMessage: { p50: round(percentile(withRaw.map((r) => r.rawRunMs as number), 50), 1) },
    synthOverOnnxRun: { p50: round(percentile(withRaw.map((r) => r.synthMs / (r.rawRunMs as number)), 50), 4) },
    audioMsPerMessage: { p50: round(percentile(rows.map((r) => r.audioMs), 50), 1) },
    eventLoopDelayMs: { p99: metrics.eventLoopLag?.p99Ms ?? null, max: metrics.eventLoopLag?.maxMs ?? null },
    peakRss,
  };
}

// A short name for a process of the daemon's tree.
function role(command: string): string {
  if (/espeak/.test(command)) return 'espeak-ng';
  if (/alsa-sink/.test(command)) return 'alsa-sink';
  if (/herald/.test(command)) return 'daemon';
  return command.split(' ')[0].split('/').pop() ?? command;
}

function peakKB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  // The code parseArgs gives its own errors: the CLI prints it as a usage error.
  if (!Number.isInteger(n) || n < 1) throw Object.assign(new Error(`${name} must be a positive integer, got '${value}'`), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
  return n;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function round(n: number | null, digits: number): number | null {
  return n === null ? null : Number(n.toFixed(digits));
}
