// Herald's engine in-process. Everything that touches Herald's internals is in
// open(), so a refactor of src/ breaks this one function and nothing else.
// Runs the compiled dist/ with plain node when it exists, else src/ via tsx
// (the parent adds --import tsx).
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function heraldBuild() {
  return existsSync(join(ROOT, 'dist', 'engines', 'piper.js')) ? { dir: 'dist', ext: 'js' } : { dir: 'src', ext: 'ts' };
}

export async function open(voice, threads) {
  const { dir, ext } = heraldBuild();
  const load = (path) => import(join(ROOT, dir, `${path}.${ext}`));
  const { readPiperVoice } = await load('voices/discover');
  const { PiperEngine } = await load('engines/piper');
  const { EspeakHost } = await load('text/espeak-host');
  const { normalizeText } = await load('text/normalize');
  const { splitSentences } = await load('text/split');
  const espeak = new EspeakHost();
  const info = readPiperVoice(basename(voice, '.onnx'), voice, `${voice}.json`);
  const engine = await PiperEngine.load(info, ['cpu'], espeak, { intraOpThreads: threads });
  const synth = async (sentence) => (await engine.synthesize(sentence, { rate: 1 })).samples.length;
  return {
    sampleRate: info.sampleRate,
    synthesize: synth,
    // What `herald say` and the daemon do before the first write: normalize,
    // split, synthesize the first sentence.
    async firstAudio(message) {
      const started = performance.now();
      const [first] = splitSentences(normalizeText(message, info.language), info.language);
      await synth(first);
      return performance.now() - started;
    },
    async close() {
      await engine.close();
      espeak.stop();
    },
    notes: [`herald from ${dir}/`],
  };
}
