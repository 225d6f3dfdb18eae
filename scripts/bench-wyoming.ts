// Time to first audio for one 3-sentence text, two ways, on the bundled
// voice (models/): over Wyoming, from connecting to the first `audio-chunk`
// received; over MQTT, the `ttfaMs` of the `started` event (message received
// → first buffer at the device). Runs alternate; medians over --runs, after
// one warm-up of each. The daemon runs in this process with an embedded
// broker and ALSA's null device.
//
//   npx tsx scripts/bench-wyoming.ts [--runs 7] [--providers cpu]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import pino from 'pino';
import { freePort } from '../src/cli/bench.ts';
import { configSchema } from '../src/config/schema.ts';
import { Daemon } from '../src/daemon.ts';
import type { HeraldEvent } from '../src/events.ts';
import { percentile } from '../src/system/synth-stats.ts';
import { encodeEvent, FrameReader } from '../src/wyoming/codec.ts';

const TEXT = 'The next train to the airport leaves from platform four. Please have your tickets ready. Thank you for travelling with us.';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, providers: { type: 'string' } } });
const runs = Number(values.runs);

const scratch = mkdtempSync(join(tmpdir(), 'herald-bench-wyoming-'));
writeFileSync(join(scratch, 'asound.conf'), 'pcm.nullsink { type null }\npcm.!default { type plug slave.pcm "nullsink" }\n');
process.env.ALSA_CONFIG_PATH = join(scratch, 'asound.conf');
const mqttPort = await freePort();
const config = configSchema.parse({
  deviceId: 'bench',
  mqtt: { embedded: true, embeddedPort: mqttPort, url: `mqtt://127.0.0.1:${mqttPort}` },
  voices: { dir: resolve(import.meta.dirname, '../models') },
  ...(values.providers ? { engine: { providers: values.providers.split(',') } } : {}),
  stateDir: join(scratch, 'state'),
  metrics: { intervalSeconds: 3600 },
  wyoming: { enabled: true, uri: 'tcp://127.0.0.1:0' },
});
const daemon = new Daemon(config, pino({ level: process.env.HERALD_LOG_LEVEL ?? 'warn' }, pino.destination(2)));
await daemon.start();
const wyomingPort = daemon.wyoming!.address!.port;

// The embedded broker (aedes) speaks MQTT 3.1.1.
const client = mqtt.connect(config.mqtt.url, { protocolVersion: 4 });
await new Promise<void>((ok) => client.once('connect', () => ok()));
const events = new Map<string, HeraldEvent[]>();
const waiters = new Set<() => void>();
client.on('message', (_topic, payload) => {
  const e = JSON.parse(payload.toString()) as HeraldEvent;
  events.set(e.id, [...(events.get(e.id) ?? []), e]);
  for (const w of waiters) w();
});
await client.subscribeAsync('herald/bench/event', { qos: 1 });

function eventOf(id: string, name: string): Promise<HeraldEvent> {
  return new Promise((ok) => {
    const check = () => {
      const hit = events.get(id)?.find((e) => e.event === name);
      if (hit) {
        waiters.delete(check);
        ok(hit);
      }
    };
    waiters.add(check);
    check();
  });
}

let sayCount = 0;
async function overMqtt(): Promise<number> {
  const id = `bench-${++sayCount}`;
  await client.publishAsync('herald/bench/say', JSON.stringify({ id, text: TEXT }), { qos: 1 });
  const started = await eventOf(id, 'started');
  await eventOf(id, 'finished');
  return started.ttfaMs!;
}

function overWyoming(): Promise<number> {
  return new Promise((ok, fail) => {
    const began = performance.now();
    let first: number | undefined;
    const reader = new FrameReader({ maxBytes: 1 << 20 });
    const socket = connect(wyomingPort, '127.0.0.1', () => socket.write(encodeEvent({ type: 'synthesize', data: { text: TEXT } })));
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      for (const e of reader.push(chunk)) {
        if (e.type === 'audio-chunk') first ??= performance.now() - began;
        if (e.type === 'error') fail(new Error(String(e.data.text)));
        if (e.type === 'audio-stop') {
          socket.destroy();
          ok(first!);
        }
      }
    });
  });
}

await overWyoming();
await overMqtt();
const wyoming: number[] = [];
const viaMqtt: number[] = [];
for (let i = 0; i < runs; i++) {
  wyoming.push(await overWyoming());
  viaMqtt.push(await overMqtt());
}
const round = (v: number | null) => (v === null ? null : Math.round(v));
console.log(
  JSON.stringify(
    {
      text: TEXT,
      voice: daemon.voices.defaultVoice,
      provider: daemon.voices.defaultProvider,
      runs,
      wyomingFirstChunkMs: { median: round(percentile(wyoming, 50)), all: wyoming.map(Math.round) },
      mqttTtfaMs: { median: round(percentile(viaMqtt, 50)), all: viaMqtt },
    },
    null,
    2,
  ),
);
client.end(true);
await daemon.stop();
rmSync(scratch, { recursive: true, force: true });
