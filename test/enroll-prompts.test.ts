// The prompt script of enrollment by recording (src/enroll/prompts.ts),
// through Herald's own phonemizer (sentenceIds, what `herald phonemize`
// prints) with the bundled voice's phoneme map and espeak-ng's en-us voice:
// what it covers is measured per phoneme symbol (one Piper id: a vowel, a
// consonant, a stress or length mark; not spaces or punctuation).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONSENT_SENTENCE, PROMPTS } from '../src/enroll/prompts.ts';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { sentenceIds } from '../src/text/piper-ids.ts';
import { SENTENCES } from './helpers/speech-like.ts';

const CONFIG = fileURLToPath(new URL('../models/en_US-herald_slt-low.onnx.json', import.meta.url));
const BENCH = fileURLToPath(new URL('../scripts/bench-peers/sentences.json', import.meta.url));
const WORDS = '/usr/share/dict/words';
// Not phonemes: word and clause boundaries, and Piper's framing.
const NOT_PHONEMES = new Set([' ', ',', '.', '!', '?', ';', ':', '^', '$', '_']);
// Every 25th word of the word list: 4 k words, a few seconds to phonemize.
const WORD_STRIDE = 25;

let espeak: EspeakHost;
let idMap: Record<string, number[]>;

before(() => {
  espeak = new EspeakHost();
  idMap = JSON.parse(readFileSync(CONFIG, 'utf8')).phoneme_id_map;
});
after(() => espeak.stop());

async function symbols(texts: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const s of await sentenceIds(espeak, text, { lang: 'en-us', espeakVoice: 'en-us', idMap })) {
      for (const ch of s.phonemes) if (!NOT_PHONEMES.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  return counts;
}

describe('the prompt script', () => {
  test('about twenty sentences, the first the consent sentence, about a minute of reading', () => {
    assert.equal(PROMPTS[0], 'I agree that this device may learn and speak in my voice.');
    assert.equal(PROMPTS[0], CONSENT_SENTENCE);
    assert.ok(PROMPTS.length >= 18 && PROMPTS.length <= 22, `${PROMPTS.length} prompts`);
    assert.equal(new Set(PROMPTS).size, PROMPTS.length, 'no prompt twice');
    const words = PROMPTS.join(' ').split(/\s+/).length;
    // Read aloud at 150–180 words a minute: 200 words is a little over a minute.
    assert.ok(words >= 150 && words <= 240, `${words} words`);
    for (const p of PROMPTS) assert.ok(p.split(/\s+/).length <= 14, `short enough to read in one go: ${p}`);
  });

  test('every phoneme symbol of a sample of announcements is in the prompts', async () => {
    const prompts = await symbols(PROMPTS);
    const bench = JSON.parse(readFileSync(BENCH, 'utf8')) as { warmup: string[]; sentences: string[] };
    const sample = await symbols([...bench.warmup, ...bench.sentences, ...SENTENCES]);
    assert.ok(sample.size >= 35, `the sample uses ${sample.size} symbols`);
    const missing = [...sample.keys()].filter((s) => !prompts.has(s));
    assert.deepEqual(missing, [], `symbols of the sample not in the prompts: ${missing.join(' ')}`);
    // Not once by luck: most symbols come several times.
    const rare = [...prompts.entries()].filter(([, n]) => n < 3).map(([s]) => s);
    assert.ok(rare.length <= 4, `symbols heard fewer than 3 times: ${rare.join(' ')}`);
  });

  test('at least 90 % of the symbols espeak-ng gives for English words are in the prompts', { skip: existsSync(WORDS) ? false : `${WORDS} is not installed` }, async () => {
    const words = readFileSync(WORDS, 'utf8')
      .split('\n')
      .filter((w, i) => i % WORD_STRIDE === 0 && /^[a-z]+$/.test(w));
    const chunks: string[] = [];
    for (let i = 0; i < words.length; i += 200) chunks.push(`${words.slice(i, i + 200).join(', ')}.`);
    const english = await symbols(chunks);
    const prompts = await symbols(PROMPTS);
    const covered = [...english.keys()].filter((s) => prompts.has(s));
    const share = covered.length / english.size;
    process.stdout.write(`# prompts cover ${covered.length} of the ${english.size} symbols of ${words.length} words (missing: ${[...english.keys()].filter((s) => !prompts.has(s)).join(' ') || 'none'})\n`);
    assert.ok(share >= 0.9, `${(share * 100).toFixed(1)} %`);
  });
});
