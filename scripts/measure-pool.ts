// Synthesis pool figures (docs/fleet.md), all on this machine:
//  1. the audio frame: binary (what the pool sends) against JSON + base64;
//  2. time to first audio of the same messages through the pool and spoken
//     locally (medians), each by a real daemon with the bundled voice, and
//     through the pool again for a message it has just made (a zone's second
//     device: answered from what the member made);
//  3. one member's throughput: a burst of requests straight to the pool,
//     seconds of audio made per second, which sizes a pool.
//
//   npm run build && npx tsx scripts/measure-pool.ts [--runs 10] [--burst 30] [--voices models] [--provider cpu]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { correlation, decodeChunk, encodeChunk, PoolTopics, type PoolRequest } from '../src/pool/protocol.ts';
import { treeMem } from '../src/system/proc-mem.ts';
import { median, sleep, startBroker, startDaemon, stopAll, Watcher } from './lib/fleet.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    burst: { type: 'string', default: '30' },
    voices: { type: 'string', default: 'models' },
    provider: { type: 'string', default: 'cpu' },
  },
});
const runs = Number(values.runs);
const burst = Number(values.burst);
const POOL = 'bench';
const TEXTS = [
  'Attention please. The train to Boston departs from platform four.',
  'Shift change in fifteen minutes. Please hand over your stations.',
  'The cold store door is open. Please close it now.',
  'Visitors are asked to report to the front desk. Thank you.',
];

function frameFigures() {
  // A 2.5 s sentence at 22050 Hz, as a voice makes one.
  const pcm = new Int16Array(55_125).map((_, i) => Math.round(Math.sin(i / 7) * 8000));
  const header = { id: 'a-message-id-of-usual-length-1234', attempt: Date.now(), member: 'orin-01', index: 3, sampleRate: 22050, silence: 0.2, provider: 'cuda' as const, synthMs: 41 };
  const time = (run: () => void) => {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      run();
      times.push(performance.now() - t);
    }
    return Math.round(median(times) * 1000);
  };
  const binary = encodeChunk(header, pcm);
  const json = JSON.stringify({ ...header, audio: Buffer.from(pcm.buffer).toString('base64') });
  return {
    binary: { bytes: binary.length, roundTripUs: time(() => decodeChunk(encodeChunk(header, pcm))) },
    jsonBase64: {
      bytes: Buffer.byteLength(json),
      roundTripUs: time(() => {
        const parsed = JSON.parse(JSON.stringify({ ...header, audio: Buffer.from(pcm.buffer).toString('base64') }));
        const raw = Buffer.from(parsed.audio, 'base64');
        new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2).slice();
      }),
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'herald-measure-pool-'));
const broker = await startBroker(dir);
const base = { mqtt: { url: broker.url }, voices: { dir: resolve(values.voices) }, engine: { providers: [values.provider], intraOpThreads: 1 } };
const daemons = [
  startDaemon(dir, 'member', { ...base, pool: { serve: [POOL] } }),
  startDaemon(dir, 'viapool', { ...base, pool: { use: POOL } }),
  startDaemon(dir, 'local', base),
];
try {
  const watcher = await Watcher.connect(broker.url);
  await watcher.until('daemons online', () => daemons.every((d) => watcher.online.has(d.id)), 120_000);
  await sleep(1000);

  // Turn about, one message at a time, so none waits for another. Each run's
  // text is new (a number in its first sentence) except for `shared`.
  const ttfa: Record<string, number[]> = { viapool: [], local: [], shared: [] };
  const sources = new Set<string>();
  for (let r = 0; r < runs; r++) {
    const text = TEXTS[r % TEXTS.length].replace('.', `, number ${r + 1}.`);
    for (const [device, kind] of [['viapool', 'viapool'], ['local', 'local'], ['viapool', 'shared']]) {
      const id = `${kind}-${r}`;
      watcher.client.publish(`herald/${device}/say`, JSON.stringify({ id, text }), { qos: 1 });
      await watcher.until(id, () => !!watcher.terminal(device, id), 60_000);
      const started = watcher.events.find((e) => e.id === id && e.event === 'started');
      if (started?.ttfaMs !== undefined) ttfa[kind].push(started.ttfaMs);
      if (device === 'viapool') sources.add(started?.source ?? '?');
    }
  }

  // A burst straight to the pool: distinct texts, so nothing is shared.
  const topics = new PoolTopics('herald', POOL);
  const requester = mqtt.connect(broker.url, { protocolVersion: 5 });
  await new Promise<void>((r) => requester.once('connect', () => r()));
  const reply = topics.reply('measure');
  await requester.subscribeAsync(reply, { qos: 1 });
  let sentences = 0;
  let audioSeconds = 0;
  let last = 0;
  requester.on('message', (_topic, payload) => {
    const { header, pcm } = decodeChunk(payload);
    if (header.error) throw new Error(header.error);
    sentences++;
    audioSeconds += pcm.length / header.sampleRate!;
    last = Date.now();
  });
  const began = Date.now();
  for (let i = 0; i < burst; i++) {
    const request: PoolRequest = {
      v: 1,
      id: `burst-${i}`,
      attempt: 1,
      requester: 'measure',
      from: 0,
      sentences: [`Announcement ${i + 1} for the east wing.`, `Please follow the signs to exit ${(i % 9) + 1}.`],
      voice: 'en_US-herald_slt-low',
      lang: 'en-us',
      rate: 1,
      deadline: Date.now() + 300_000,
    };
    requester.publish(topics.synthesize, JSON.stringify(request), { qos: 1, properties: { responseTopic: reply, correlationData: correlation(request.id, 1) } });
  }
  await watcher.until('burst answered', () => sentences >= burst * 2, 300_000);
  const wallSeconds = (last - began) / 1000;
  requester.end(true);

  const rss = Object.fromEntries(daemons.map((d) => [d.id, Math.round(treeMem(d.child.pid!).totalRssKB / 1024)]));
  const result = {
    frame: frameFigures(),
    ttfaMs: { runs, viaPool: median(ttfa.viapool), local: median(ttfa.local), viaPoolShared: median(ttfa.shared), all: ttfa, poolSources: [...sources] },
    member: { provider: values.provider, burstRequests: burst, sentences, audioSeconds: Math.round(audioSeconds * 10) / 10, wallSeconds, audioSecondsPerSecond: Math.round((audioSeconds / wallSeconds) * 10) / 10, sentencesPerSecond: Math.round((sentences / wallSeconds) * 10) / 10 },
    rssMB: rss,
  };
  console.log(JSON.stringify(result, null, 2));
  watcher.client.end(true);
} finally {
  await stopAll(daemons, broker);
  rmSync(dir, { recursive: true, force: true });
}
