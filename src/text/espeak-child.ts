// Runs espeak-ng (GPL-3.0, compiled to WebAssembly) in its own process. Herald
// talks to it only through IPC messages, so espeak-ng is never linked into
// Herald's process, and a crash in it cannot take the daemon down.
import EspeakModule from '@echogarden/espeak-ng-emscripten';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve } from '../ipc/serve.ts';
import type { EspeakAudio, EspeakProtocol } from './espeak-protocol.ts';
import { LazyEspeakData } from './lazy-espeak-data.ts';

// espeak-ng's data file is 24 MB, 23 MB of it the dictionaries of 117 languages.
const data = new LazyEspeakData(join(dirname(createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten')), 'espeak-ng.data'), '/usr/share/espeak-ng-data');
const module = await EspeakModule({ getPreloadedPackage: () => data.buffer });
data.fillStart(module.FS);
const worker = new module.eSpeakNGWorker();
let currentVoice = '';

function useVoice(voice: string): void {
  if (voice === currentVoice) return;
  // This build knows voices by file name (fr, en, pt); a language tag such as
  // fr-fr or en-gb (languages.ts, Piper's .onnx.json) falls back to its base.
  const base = voice.split('-')[0];
  data.fillDictionaryOf(module.FS, voice);
  if (worker.set_voice(voice) !== 0 && (base === voice || worker.set_voice(base) !== 0)) throw new Error(`espeak-ng has no voice '${voice}'`);
  currentVoice = voice;
}

const decoder = new TextDecoder();
function readCString(ptr: number): string {
  const heap = module.HEAPU8;
  let end = ptr;
  while (heap[end] !== 0) end++;
  return decoder.decode(heap.subarray(ptr, end));
}

// The voice files in the module's virtual file system name the languages.
function listVoices(dir = '/usr/share/espeak-ng-data/lang'): string[] {
  const out: string[] = [];
  for (const name of module.FS.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (module.FS.isDir(module.FS.stat(path).mode)) out.push(...listVoices(path));
    else out.push(name.toLowerCase());
  }
  return out;
}

function phonemes(voice: string, text: string): string {
  useVoice(voice);
  return readCString(worker.convert_to_phonemes(text, true).ptr);
}

function synth(voice: string, text: string, rate: number): EspeakAudio {
  useVoice(voice);
  worker.set_rate(Math.round(175 * rate));
  const chunks: Int16Array[] = [];
  let total = 0;
  worker.synthesize(text, (audio: Int16Array) => {
    chunks.push(audio);
    total += audio.length;
    return false;
  });
  const samples = new Int16Array(total);
  let offset = 0;
  for (const c of chunks) {
    samples.set(c, offset);
    offset += c.length;
  }
  return { samples, sampleRate: worker.get_samplerate() };
}

serve<EspeakProtocol>({
  phonemesMany: ({ voice, texts }) => texts.map((text) => phonemes(voice, text)),
  synth: ({ voice, text, rate }) => synth(voice, text, rate),
  voices: () => listVoices(),
});
