// sherpa-onnx's Node binding, given what its VITS loader needs: a copy of the
// voice with sherpa's metadata, tokens.txt, and espeak-ng-data (prepare.mjs).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ESPEAK_DATA, pkgVersion, sherpaDir } from '../prepare.mjs';

const sherpa = createRequire(import.meta.url)('sherpa-onnx-node');

export async function open(voice, threads) {
  const dir = sherpaDir(voice);
  const tts = new sherpa.OfflineTts({
    model: {
      vits: { model: join(dir, 'model.onnx'), tokens: join(dir, 'tokens.txt'), dataDir: ESPEAK_DATA, noiseScale: 0.667, noiseScaleW: 0.8, lengthScale: 1 },
      numThreads: threads,
      provider: 'cpu',
      debug: false,
    },
    // One sentence per callback, so the first sentence's audio arrives alone.
    maxNumSentences: 1,
  });
  return {
    sampleRate: tts.sampleRate,
    synthesize: async (text) => (await tts.generateAsync({ text, sid: 0, speed: 1 })).samples.length,
    async firstAudio(message) {
      const started = performance.now();
      let first;
      await tts.generateAsync({
        text: message,
        sid: 0,
        speed: 1,
        onProgress: () => {
          first ??= performance.now() - started;
          return 1;
        },
      });
      return first;
    },
    notes: [`sherpa-onnx ${pkgVersion('sherpa-onnx-node')}, numThreads ${threads}`],
  };
}
