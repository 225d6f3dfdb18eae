// Piper's runtime compiled for the web (@mintplex-labs/piper-tts-web:
// piper-phonemize as WebAssembly + onnxruntime-web), run under plain Node.
// It is written for a browser; each shim below stands in for one thing it
// expects (README.md says why each is needed). Nothing in the package is patched.
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { pkgVersion } from '../prepare.mjs';

const require = createRequire(import.meta.url);

// onnxruntime-web's "./wasm" entry is exported as null for Node; its Node
// entry (the package root) is the same WebAssembly backend.
register(
  `data:text/javascript,${encodeURIComponent("export async function resolve(s, c, next) { return next(s === 'onnxruntime-web/wasm' ? 'onnxruntime-web' : s, c); }")}`,
  import.meta.url,
);
// piper-phonemize's emscripten loader takes its Node path but the bundle is
// ESM, where require and __dirname do not exist.
globalThis.require = require;
globalThis.__dirname = dirname(require.resolve('@diffusionstudio/piper-wasm/build/piper_phonemize.js'));
globalThis.__filename = join(globalThis.__dirname, 'piper_phonemize.js');

function installBrowserShims(voice, threads) {
  // Node 20 has no navigator. The runtime reads hardwareConcurrency for
  // onnxruntime-web's thread count and caches models in OPFS (navigator.storage):
  // an empty store that accepts writes, so it always "downloads".
  const store = { getDirectoryHandle: async () => store, getFileHandle: async (_name, o) => {
    if (!o?.create) throw new DOMException('not found', 'NotFoundError');
    return { createWritable: async () => ({ write: async () => {}, close: async () => {} }) };
  } };
  globalThis.navigator = { hardwareConcurrency: threads, storage: { getDirectory: async () => store } };
  // It fetches <voice>.onnx and .onnx.json from Hugging Face; serve the local files.
  globalThis.fetch = async (url) => {
    const u = String(url);
    if (!u.startsWith('https://huggingface.co/')) throw new Error(`offline benchmark: no fetch of ${u}`);
    return new Response(readFileSync(u.endsWith('.json') ? `${voice}.json` : voice));
  };
}

export async function open(voice, threads) {
  installBrowserShims(voice, threads);
  const { TtsSession } = await import('@mintplex-labs/piper-tts-web');
  const wasm = globalThis.__dirname;
  const session = await TtsSession.create({
    voiceId: 'bench-voice',
    wasmPaths: {
      onnxWasm: `${dirname(require.resolve('onnxruntime-web'))}/`,
      piperData: join(wasm, 'piper_phonemize.data'),
      piperWasm: join(wasm, 'piper_phonemize.wasm'),
    },
  });
  const sampleRate = JSON.parse(readFileSync(`${voice}.json`, 'utf8')).audio.sample_rate;
  // predict() returns a 16-bit mono WAV with a 44-byte header.
  const synthesize = async (text) => ((await session.predict(text)).size - 44) / 2;
  const ort = await import('onnxruntime-web');
  return {
    sampleRate,
    synthesize,
    // Its API hands back a message's audio only when all of it is made.
    async firstAudio(message) {
      const started = performance.now();
      await synthesize(message);
      return performance.now() - started;
    },
    notes: [`@mintplex-labs/piper-tts-web ${pkgVersion('@mintplex-labs/piper-tts-web')}, onnxruntime-web ${pkgVersion('onnxruntime-web')}, wasm threads ${ort.env.wasm.numThreads}`],
  };
}
