// Runs espeak-ng (GPL-3.0, compiled to WebAssembly) in its own process. Herald
// talks to it only through IPC messages, so espeak-ng is never linked into
// Herald's process, and a crash in it cannot take the daemon down.
// Plain JavaScript, started without tsx: loading the 0.8 MB espeak-ng.js
// through tsx's loader costs about 120 MB more RSS (measured 209 MB vs 86 MB)
// and a slower start.
import EspeakModule from '@echogarden/espeak-ng-emscripten';

const module = await EspeakModule();
const worker = new module.eSpeakNGWorker();
let currentVoice = '';

function useVoice(voice) {
  if (voice === currentVoice) return;
  // This build knows voices by file name (fr, en, pt); a language tag such as
  // fr-fr or en-gb (languages.ts, Piper's .onnx.json) falls back to its base.
  const base = voice.split('-')[0];
  if (worker.set_voice(voice) !== 0 && (base === voice || worker.set_voice(base) !== 0)) throw new Error(`espeak-ng has no voice '${voice}'`);
  currentVoice = voice;
}

function readCString(ptr) {
  const heap = module.HEAPU8;
  let end = ptr;
  while (heap[end] !== 0) end++;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

// The voice files in the module's virtual file system name the languages.
function listVoices(dir = '/usr/share/espeak-ng-data/lang') {
  const out = [];
  for (const name of module.FS.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (module.FS.isDir(module.FS.stat(path).mode)) out.push(...listVoices(path));
    else out.push(name.toLowerCase());
  }
  return out;
}

function phonemes(text) {
  return readCString(worker.convert_to_phonemes(text, true).ptr);
}

function synth(text, rate) {
  worker.set_rate(Math.round(175 * rate));
  const chunks = [];
  let total = 0;
  worker.synthesize(text, (audio) => {
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

process.on('message', (msg) => {
  try {
    if (msg.op === 'voices') {
      process.send?.({ id: msg.id, ok: true, result: listVoices() });
      return;
    }
    useVoice(msg.voice ?? 'en-us');
    const result = msg.op === 'phonemes' ? phonemes(msg.text ?? '') : synth(msg.text ?? '', msg.rate ?? 1);
    process.send?.({ id: msg.id, ok: true, result });
  } catch (err) {
    process.send?.({ id: msg.id, ok: false, error: err.message });
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, ok: true, result: 'ready' });
