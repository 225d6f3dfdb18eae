// Soak: runs the real daemon (a child process, as in production) for N minutes
// at a message rate through a real broker and ALSA's null PCM, and reports RSS
// growth, event-loop lag and latency drift.
//   npx tsx scripts/soak.ts --minutes 20 --rate 1 [--voices models] [--json]
import { DAEMON_ENV, DAEMON_NODE_ARGS } from '../src/system/daemon-node.ts';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1' },
    voices: { type: 'string', default: 'models' },
    json: { type: 'boolean' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const TEXTS = [
  'Attention please. The train to Boston departs at 7:30 from platform 4.',
  'Warning: the forklift in bay 7 is reversing. Stand clear!',
  'Shift change in 15 minutes.',
  'The temperature in the cold store has risen to 8°C. Please check the door.',
];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'herald-soak-'));
writeFileSync(join(dir, 'asound.conf'), 'pcm.nullsink { type null }\npcm.!default { type plug slave.pcm "nullsink" }\n');
const port = await freePort();
writeFileSync(join(dir, 'mosquitto.conf'), `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
const broker = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const deviceId = 'soak';
const daemon = spawn(process.execPath, [...DAEMON_NODE_ARGS, 'bin/herald.js', 'run'], {
  env: {
    ...process.env,
    ...DAEMON_ENV,
    ALSA_CONFIG_PATH: join(dir, 'asound.conf'),
    HERALD_MQTT_URL: `mqtt://127.0.0.1:${port}`,
    HERALD_DEVICE_ID: deviceId,
    HERALD_STATE_DIR: join(dir, 'state'),
    HERALD_VOICES_DIR: values.voices,
    HERALD_METRICS_INTERVAL_SECONDS: '10',
    HERALD_LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

// A soak whose daemon dies has its answer: say so rather than wait.
daemon.once('exit', (code, signal) => {
  if (stopping) return;
  process.stderr.write(`soak: the daemon exited (${signal ?? code}) before the soak ended\n`);
  broker.kill();
  process.exit(2);
});
let stopping = false;

const client = mqtt.connect(`mqtt://127.0.0.1:${port}`);
await new Promise<void>((r) => client.once('connect', () => r()));
await client.subscribeAsync([`herald/${deviceId}/event`, `herald/${deviceId}/metrics`, `herald/${deviceId}/status`], { qos: 1 });
let online = false;
const ttfa: Array<{ at: number; ms: number }> = [];
const terminal = new Map<string, string>();
const lags: number[] = [];
client.on('message', (topic, payload) => {
  const msg = JSON.parse(payload.toString());
  if (topic.endsWith('/status')) online = msg.state === 'online';
  else if (topic.endsWith('/metrics')) lags.push(msg.eventLoopLag?.p99Ms ?? 0);
  else if (msg.event === 'started' && typeof msg.ttfaMs === 'number') ttfa.push({ at: Date.now(), ms: msg.ttfaMs });
  else if (['finished', 'failed', 'dropped'].includes(msg.event)) terminal.set(msg.id, msg.event);
});
while (!online) await new Promise((r) => setTimeout(r, 200));

const rssOf = (pid: number | undefined) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};
// The daemon and its children (ALSA sink, espeak-ng).
const childRss = (pattern: RegExp) => {
  for (const pid of spawnSync('pgrep', ['-P', String(daemon.pid)]).stdout.toString().split('\n').filter(Boolean).map(Number)) {
    try {
      if (pattern.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) return rssOf(pid);
    } catch {
      // gone
    }
  }
  return 0;
};
const treeRss = () => {
  const sink = childRss(/alsa-sink-child/);
  const espeak = childRss(/espeak-child/);
  const main = rssOf(daemon.pid);
  return { main, sink, espeak, all: main + sink + espeak };
};
const rss: Array<{ at: number; main: number; sink: number; espeak: number; all: number }> = [];
const start = Date.now();
const end = start + minutes * 60_000;
let sent = 0;
const sampler = setInterval(() => rss.push({ at: Date.now(), ...treeRss() }), 10_000);
while (Date.now() < end) {
  const id = `soak-${sent}`;
  client.publish(`herald/${deviceId}/say`, JSON.stringify({ id, text: TEXTS[sent % TEXTS.length] }), { qos: 1 });
  sent++;
  const next = start + (sent / rate) * 1000;
  await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
}
const drainUntil = Date.now() + 60_000;
while (terminal.size < sent && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 200));
clearInterval(sampler);
rss.push({ at: Date.now(), ...treeRss() });

stopping = true;
daemon.kill('SIGTERM');
await new Promise((r) => daemon.once('exit', r));
client.end(true);
broker.kill();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
const window = Math.min(120_000, (minutes * 60_000) / 4);
const early = ttfa.filter((t) => t.at - start < window).map((t) => t.ms);
const late = ttfa.filter((t) => end - t.at < window).map((t) => t.ms);
// RSS after the first minute (warm-up done) against the end.
const base = rss.find((r) => r.at - start >= Math.min(60_000, (minutes * 60_000) / 4)) ?? rss[0];
const last = rss[rss.length - 1];
const counts = { finished: 0, failed: 0, dropped: 0 };
for (const e of terminal.values()) counts[e as keyof typeof counts]++;
const report = {
  minutes,
  ratePerSecond: rate,
  sent,
  ...counts,
  lost: sent - terminal.size,
  rssMB: {
    afterWarmup: mb(base?.main),
    end: mb(last?.main),
    growth: mb((last?.main ?? 0) - (base?.main ?? 0)),
    alsaSink: { afterWarmup: mb(base?.sink), end: mb(last?.sink) },
    espeak: { afterWarmup: mb(base?.espeak), end: mb(last?.espeak) },
  },
  eventLoopLagP99Ms: { median: median(lags), max: lags.length ? Math.max(...lags) : null },
  ttfaMs: { firstWindowP50: median(early), lastWindowP50: median(late), drift: early.length && late.length ? (median(late) as number) - (median(early) as number) : null },
};
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${Object.entries(report).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n`);
process.exit(report.lost ? 1 : 0);

function mb(bytes: number | undefined): number {
  return Math.round((bytes ?? 0) / 1e5) / 10;
}
