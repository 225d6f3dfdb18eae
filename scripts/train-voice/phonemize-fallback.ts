// Fallback for `tsx src/cli.ts phonemize --lang en-us` while that CLI does not
// exist: the same JSON lines, built from the same modules the daemon uses
// (normalizeText -> splitSentences -> phonemizeSentence -> Piper ids).
// stdin: one text per line; stdout: {"text", "sentences": [{"phonemes", "ids"}]}
import { createInterface } from 'node:readline';
import { EspeakHost } from '../../src/text/espeak-host.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { splitSentences } from '../../src/text/split.ts';
import { phonemizeSentence } from '../../src/text/phonemize.ts';
import { languageRules } from '../../src/text/languages.ts';
import { defaultPhonemeIdMap, PAD, BOS, EOS } from '../../src/voices/piper-symbols.ts';

const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'en-us';
const rules = languageRules(lang);
const map = defaultPhonemeIdMap();
const espeak = new EspeakHost();

function toIds(phonemes: string): number[] {
  const ids = [map[BOS][0], map[PAD][0]];
  for (const ch of phonemes) {
    const id = map[ch];
    if (!id) continue;
    ids.push(id[0], map[PAD][0]);
  }
  ids.push(map[EOS][0]);
  return ids;
}

const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  const text = line;
  const sentences = [];
  for (const s of splitSentences(normalizeText(text, lang), lang)) {
    const phonemes = await phonemizeSentence(espeak, rules.espeakVoice, s);
    sentences.push({ phonemes, ids: toIds(phonemes) });
  }
  process.stdout.write(JSON.stringify({ text, sentences }) + '\n');
}
espeak.stop();
