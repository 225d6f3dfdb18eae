// What the daemon should feed a Piper voice for a text: the sentences after
// normalization and splitting, each phonemized by the real espeak-ng and
// mapped to Piper ids. Used to check the ids read back from captured audio.
import { phonemesToIds } from '../../src/engines/piper.ts';
import { sentencesOf } from '../../src/text/split.ts';
import type { EspeakHost } from '../../src/text/espeak-host.ts';
import { phonemizeSentence } from '../../src/text/phonemize.ts';
import { defaultPhonemeIdMap } from '../../src/voices/piper-symbols.ts';

export async function expectedIds(espeak: EspeakHost, text: string, options: { lang?: string; espeakVoice?: string } = {}): Promise<number[][]> {
  const map = defaultPhonemeIdMap();
  const out: number[][] = [];
  for (const sentence of sentencesOf(text, options.lang ?? 'en')) {
    const phonemes = await phonemizeSentence(espeak, options.espeakVoice ?? 'en-us', sentence);
    out.push(phonemesToIds(phonemes, map).ids);
  }
  return out;
}
