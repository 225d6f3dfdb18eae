// Piper's phonemizer process against Herald's espeak-ng process, both as the
// daemon runs them (compiled, plain node): start time and RSS of each child,
// time per sentence asked one at a time (as the daemon asks, one sentence
// ahead) and in one batch, and the Piper child's RSS after the corpus.
//
//   npm run build && npx tsx scripts/measure-piper-phonemizer.ts [--sentences 300]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EspeakHost as Host } from '../src/text/espeak-host.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { sentences: { type: 'string', default: '300' } } });
const n = Number(values.sentences);
const { EspeakHost } = (await import(resolve(ROOT, 'dist/text/espeak-host.js'))) as { EspeakHost: typeof Host };
const { phonemizeSentence } = (await import(resolve(ROOT, 'dist/text/phonemize.js'))) as typeof import('../src/text/phonemize.ts');

function rssMB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 102.4) / 10;
}

const lines = readFileSync(resolve(ROOT, 'test/fixtures/piper-corpus/en-us.txt'), 'utf8').split('\n').filter(Boolean);
const espeak = new EspeakHost();
try {
  let t = performance.now();
  await espeak.start();
  const heraldStartMs = Math.round(performance.now() - t);
  t = performance.now();
  await espeak.piper.start();
  const piperStartMs = Math.round(performance.now() - t);
  const atStart = { herald: rssMB(espeak.pid), piper: rssMB(espeak.piper.pid) };

  const sample = lines.slice(0, n);
  t = performance.now();
  for (const s of sample) await phonemizeSentence(espeak, 'en-us', s);
  const heraldOneMs = (performance.now() - t) / sample.length;
  t = performance.now();
  for (const s of sample) await espeak.piper.phonemesMany('en-us', [s]);
  const piperOneMs = (performance.now() - t) / sample.length;
  t = performance.now();
  await espeak.piper.phonemesMany('en-us', lines);
  const piperBatchMs = (performance.now() - t) / lines.length;

  console.log(
    JSON.stringify({
      startMs: { herald: heraldStartMs, piper: piperStartMs },
      rssMBAtStart: atStart,
      msPerSentenceOneAtATime: { herald: +heraldOneMs.toFixed(2), piper: +piperOneMs.toFixed(2), sentences: sample.length },
      piperMsPerSentenceBatched: { ms: +piperBatchMs.toFixed(2), sentences: lines.length },
      rssMBAfter: { herald: rssMB(espeak.pid), piper: rssMB(espeak.piper.pid), sentences: sample.length * 2 + lines.length },
    }),
  );
} finally {
  espeak.stop();
}
