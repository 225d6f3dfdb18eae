import { BOS, EOS, PAD } from '../voices/piper-symbols.ts';
import type { EspeakHost } from './espeak-host.ts';
import { phonemizeSentence } from './phonemize.ts';
import { sentencesOf } from './split.ts';

// Piper's id sequence: BOS, PAD, then every phoneme followed by PAD, then EOS.
// Phonemes missing from the voice's map are skipped, as piper-phonemize does.
export function phonemesToIds(phonemes: string, idMap: Record<string, number[]>): { ids: number[]; missing: string[] } {
  const ids = [...idMap[BOS], ...idMap[PAD]];
  const missing: string[] = [];
  for (const phoneme of phonemes.normalize('NFD')) {
    const mapped = idMap[phoneme];
    if (!mapped) {
      missing.push(phoneme);
      continue;
    }
    ids.push(...mapped, ...idMap[PAD]);
  }
  ids.push(...idMap[EOS]);
  return { ids, missing };
}

export interface SentenceIds {
  text: string;
  phonemes: string;
  ids: number[];
}

export interface IdOptions {
  // Language of the text (its normalization and sentence rules).
  lang: string;
  espeakVoice: string;
  idMap: Record<string, number[]>;
}

// Text as the daemon feeds it to a Piper voice: normalized, split into
// sentences, each phonemized and turned into ids. `herald phonemize` prints
// this; `herald enroll` trains on it, so a voice learns what it will be fed.
export async function sentenceIds(espeak: EspeakHost, text: string, options: IdOptions): Promise<SentenceIds[]> {
  const out: SentenceIds[] = [];
  for (const sentence of sentencesOf(text, options.lang)) {
    const phonemes = await phonemizeSentence(espeak, options.espeakVoice, sentence);
    out.push({ text: sentence, phonemes, ids: phonemesToIds(phonemes, options.idMap).ids });
  }
  return out;
}

// One recording's transcript as one id sequence, as Piper's own training
// data is built: the sentences' phonemes joined by a space, one ^ … $ around
// them all. For a single sentence it is exactly that sentence's ids.
export function utteranceIds(sentences: SentenceIds[], idMap: Record<string, number[]>): number[] {
  if (sentences.length === 1) return sentences[0].ids;
  return phonemesToIds(sentences.map((s) => s.phonemes).join(' '), idMap).ids;
}
