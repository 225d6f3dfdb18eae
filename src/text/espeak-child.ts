// Runs espeak-ng (GPL-3.0, compiled to WebAssembly) in its own process. Herald
// talks to it only through IPC messages, so espeak-ng is never linked into
// Herald's process, and a crash in it cannot take the daemon down.
import EspeakModule from '@echogarden/espeak-ng-emscripten';

interface Request {
  id: number;
  op: 'phonemes' | 'synth' | 'voices';
  voice?: string;
  text?: string;
  rate?: number;
}

const module = await EspeakModule();
const worker = new module.eSpeakNGWorker();
let currentVoice = '';

function useVoice(voice: string): void {
  if (voice === currentVoice) return;
  if (worker.set_voice(voice) !== 0) throw new Error(`espeak-ng has no voice '${voice}'`);
  currentVoice = voice;
}

function readCString(ptr: number): string {
  const heap: Uint8Array = module.HEAPU8;
  let end = ptr;
  while (heap[end] !== 0) end++;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

// The voice files in the module's virtual file system name the languages.
function listVoices(dir = '/usr/share/espeak-ng-data/lang'): string[] {
  const out: string[] = [];
  for (const name of module.FS.readdir(dir) as string[]) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (module.FS.isDir(module.FS.stat(path).mode)) out.push(...listVoices(path));
    else out.push(name.toLowerCase());
  }
  return out;
}

function phonemes(text: string): string {
  const result = worker.convert_to_phonemes(text, true);
  return readCString(result.ptr);
}

function synth(text: string, rate: number): { samples: Int16Array; sampleRate: number } {
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

process.on('message', (msg: Request) => {
  try {
    if (msg.op === 'voices') {
      process.send?.({ id: msg.id, ok: true, result: listVoices() });
      return;
    }
    useVoice(msg.voice ?? 'en-us');
    if (msg.op === 'phonemes') {
      process.send?.({ id: msg.id, ok: true, result: phonemes(msg.text ?? '') });
    } else {
      process.send?.({ id: msg.id, ok: true, result: synth(msg.text ?? '', msg.rate ?? 1) });
    }
  } catch (err) {
    process.send?.({ id: msg.id, ok: false, error: (err as Error).message });
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, ok: true, result: 'ready' });
