// Where a sentence's synthesis time goes beyond the model call, step by step,
// for the benchmark's sentences and the bundled voice (median ms per sentence):
//   phonemize        phonemizeSentence: one espeak-ng round trip per clause
//   phonemizeBatch   the same clauses sent at once (one round trip's wait)
//   ids              phonemes → Piper ids
//   engineRun        PiperEngine.run: feeds, the onnx thread, the copy back, the finite check
//   mainRun          session.run on this thread, same ids: the model alone
//   copy, scan       Float32Array.from of the output; the non-finite scan
//   synthesize       PiperEngine.synthesize, what the daemon counts as synthMs
//
//   npx tsx scripts/measure-synth.ts [--rounds 3]
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PiperEngine } from '../src/engines/piper.ts';
import { phonemesToIds } from '../src/text/piper-ids.ts';
import { sentencesOf } from '../src/text/split.ts';
import { percentile } from '../src/system/synth-stats.ts';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { phonemizeSentence } from '../src/text/phonemize.ts';
import { discoverVoices } from '../src/voices/discover.ts';
import { TEXTS } from '../src/cli/bench.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });

const voice = discoverVoices(join(ROOT, 'models')).voices[0];
const espeak = new EspeakHost();
await espeak.start();
const engine = await PiperEngine.load(voice, ['cpu'], espeak);
const ort = (await import(pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('onnxruntime-node')).href)) as typeof import('onnxruntime-node');
const main = await ort.InferenceSession.create(voice.modelPath, { executionProviders: ['cpu'], graphOptimizationLevel: 'all', logSeverityLevel: 3 });
const sentences = TEXTS.flatMap((t) => sentencesOf(t, voice.language));
const CLAUSE = /[,:;.!?]+/;
const rows: Record<string, number[]> = {};
const add = (k: string, ms: number) => (rows[k] ??= []).push(ms);

// Warm both sessions and the espeak child first.
for (const s of sentences.slice(0, 3)) await engine.synthesize(s, { rate: 1 });

for (let round = 0; round < Number(values.rounds); round++) {
  for (const s of sentences) {
    let t = performance.now();
    const phonemes = await phonemizeSentence(espeak, voice.espeakVoice, s);
    add('phonemize', performance.now() - t);
    const clauses = s.split(CLAUSE).map((c) => c.trim()).filter(Boolean);
    t = performance.now();
    await Promise.all(clauses.map((c) => espeak.rawPhonemesMany(voice.espeakVoice, [c])));
    add('phonemizeBatch', performance.now() - t);
    add('clauses', clauses.length);
    t = performance.now();
    const { ids } = phonemesToIds(phonemes, voice.phonemeIdMap);
    add('ids', performance.now() - t);
    add('idCount', ids.length);
    t = performance.now();
    await engine.run(ids, { rate: 1 });
    add('engineRun', performance.now() - t);
    t = performance.now();
    const out = await main.run({
      input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
      scales: new ort.Tensor('float32', Float32Array.from([voice.noiseScale, voice.lengthScale, voice.noiseW]), [3]),
    });
    add('mainRun', performance.now() - t);
    const data = out[main.outputNames[0]].data as Float32Array;
    t = performance.now();
    const copy = Float32Array.from(data);
    add('copy', performance.now() - t);
    t = performance.now();
    copy.some((v) => !Number.isFinite(v));
    add('scan', performance.now() - t);
    t = performance.now();
    await engine.synthesize(s, { rate: 1 });
    add('synthesize', performance.now() - t);
  }
}
const median = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Math.round((percentile(v, 50) ?? 0) * 100) / 100]));
const sum = (k: string) => rows[k].reduce((a, b) => a + b, 0);
process.stdout.write(
  `${JSON.stringify({ sentences: sentences.length, rounds: Number(values.rounds), medianMsPerSentence: median, totals: { synthesizeOverEngineRun: +(sum('synthesize') / sum('engineRun')).toFixed(3), synthesizeOverMainRun: +(sum('synthesize') / sum('mainRun')).toFixed(3), engineRunOverMainRun: +(sum('engineRun') / sum('mainRun')).toFixed(3), phonemizeShare: +(sum('phonemize') / sum('synthesize')).toFixed(3) } }, null, 1)}\n`,
);
await engine.close();
await main.release();
espeak.stop();
