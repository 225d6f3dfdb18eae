// What onnxruntime costs in RSS and time, per session setting, each in a
// fresh process: RSS after loading the library, after opening the bundled
// voice's session, after the warm-up lengths, after the benchmark sentences,
// and the median session.run per sentence. With --where worker the session
// lives on a worker thread as in the daemon (onnx-thread.mjs), so the
// difference to --where main is the second isolate.
//
//   npx tsx scripts/measure-onnx.ts            # every variant, one table
//   npx tsx scripts/measure-onnx.ts --one '{"where":"main","arena":false}'
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { phonemesToIds } from '../src/text/piper-ids.ts';
import { sentencesOf } from '../src/text/split.ts';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { phonemizeSentence } from '../src/text/phonemize.ts';
import { percentile } from '../src/system/synth-stats.ts';
import { discoverVoices } from '../src/voices/discover.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ORT = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('onnxruntime-node')).href;
const TEXTS = [
  'Attention please. The train to Boston departs at 7:30 from platform 4.',
  'Flight BA123 to London is now boarding at gate B12.',
  'Please keep your belongings with you at all times.',
  'Warning: the forklift in bay 7 is reversing. Stand clear!',
];

interface Variant {
  where: 'main' | 'worker';
  arena?: boolean;
  pattern?: boolean;
  threads?: number;
  // Worker resourceLimits (MB) for the worker's young generation.
  workerYoungMB?: number;
  // Warm-up lengths in ids (the daemon runs 397, 200, 60 for maxPhonemes 400).
  warm?: number[];
  // Environment of the measured process (MALLOC_ARENA_MAX …).
  env?: Record<string, string>;
}

const rssMB = () => Math.round(process.memoryUsage.rss() / 1e5) / 10;

// The code both places run: open one session and answer run requests.
const SESSION_CODE = `
let ort, session;
async function open(modelPath, v) {
  ort = await import(${JSON.stringify(ORT)});
  ort.env.logLevel = 'fatal';
  session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'], graphOptimizationLevel: 'all', logSeverityLevel: 3,
    ...(v.arena === false ? { enableCpuMemArena: false } : {}),
    ...(v.pattern === false ? { enableMemPattern: false } : {}),
    ...(v.threads ? { intraOpNumThreads: v.threads } : {}),
  });
}
async function run(ids, scales) {
  const t0 = performance.now();
  const out = await session.run({
    input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
    scales: new ort.Tensor('float32', Float32Array.from(scales), [3]),
  });
  const data = out[session.outputNames[0]].data;
  return { ms: performance.now() - t0, samples: data.length };
}
`;

type Api = { open(model: string, v: Variant): Promise<void>; run(ids: number[], scales: number[]): Promise<{ ms: number; samples: number }> };

function onMain(): Promise<Api> {
  return import(`data:text/javascript,${encodeURIComponent(`${SESSION_CODE}\nexport { open, run };`)}`) as Promise<Api>;
}

function onWorker(v: Variant): Api {
  const code = `${SESSION_CODE}
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async (m) => {
  try { parentPort.postMessage({ ok: true, r: m.op === 'open' ? await open(m.model, m.v) : await run(m.ids, m.scales) }); }
  catch (e) { parentPort.postMessage({ ok: false, e: String(e) }); }
});`;
  const worker = new Worker(code, { eval: true, ...(v.workerYoungMB ? { resourceLimits: { maxYoungGenerationSizeMb: v.workerYoungMB } } : {}) });
  worker.unref();
  const call = (m: object) =>
    new Promise<any>((ok, fail) => {
      worker.ref();
      worker.once('message', (r) => {
        worker.unref();
        if (r.ok) ok(r.r);
        else fail(new Error(r.e));
      });
      worker.postMessage(m);
    });
  return { open: (model, vv) => call({ op: 'open', model, v: vv }), run: (ids, scales) => call({ op: 'run', ids, scales }) };
}

async function one(v: Variant): Promise<Record<string, unknown>> {
  const voice = discoverVoices(join(ROOT, 'models')).voices[0];
  const espeak = new EspeakHost();
  const sentences = TEXTS.flatMap((t) => sentencesOf(t, voice.language));
  const ids = await Promise.all(sentences.map(async (s) => phonemesToIds(await phonemizeSentence(espeak, voice.espeakVoice, s), voice.phonemeIdMap).ids));
  espeak.stop();
  const scales = [voice.noiseScale, voice.lengthScale, voice.noiseW];
  const base = rssMB();
  const api = v.where === 'main' ? await onMain() : onWorker(v);
  await api.open(voice.modelPath, v);
  const opened = rssMB();
  // The daemon's warm-up: longest first.
  const pattern = ids[0].slice(2, -1);
    for (const n of v.warm ?? [397, 200, 60]) await api.run(Array.from({ length: n }, (_, i) => pattern[i % pattern.length]), scales);
  const warmed = rssMB();
  const times: number[] = [];
  for (let round = 0; round < 3; round++) for (const s of ids) times.push((await api.run(s, scales)).ms);
  const longest = ids.reduce((a, b) => (b.length > a.length ? b : a)).length;
  return {
    variant: v,
    rssBeforeMB: base,
    sessionOpenMB: Math.round((opened - base) * 10) / 10,
    afterWarmupMB: Math.round((warmed - base) * 10) / 10,
    afterRunsMB: Math.round((rssMB() - base) * 10) / 10,
    runMsMedian: Math.round((percentile(times, 50) ?? 0) * 10) / 10,
    firstRunMs: Math.round(times[0]),
    runMsTotal: Math.round(times.reduce((a, b) => a + b, 0)),
    longestIds: longest,
  };
}

const { values } = parseArgs({ options: { one: { type: 'string' } } });
if (values.one) {
  process.stdout.write(`${JSON.stringify(await one(JSON.parse(values.one) as Variant))}\n`);
} else {
  const variants: Variant[] = [
    { where: 'main' },
    { where: 'worker' },
    { where: 'worker', arena: false },
    { where: 'worker', pattern: false },
    { where: 'worker', arena: false, pattern: false },
    { where: 'main', arena: false, pattern: false },
    { where: 'worker', workerYoungMB: 1 },
    { where: 'worker', warm: [200, 60] },
    { where: 'worker', warm: [60] },
    { where: 'worker', warm: [] },
    { where: 'worker', env: { MALLOC_ARENA_MAX: '2' } },
    { where: 'worker', threads: 1 },
  ];
  const only = process.env.VARIANTS ? new Set(process.env.VARIANTS.split(',').map(Number)) : undefined;
  for (const [i, v] of variants.entries()) {
    if (only && !only.has(i)) continue;
    const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', JSON.stringify(v)], { encoding: 'utf8', env: { ...process.env, ...v.env } });
    process.stdout.write(out);
  }
}
