import type { EspeakHost } from './espeak-host.ts';
import { hasSpeakableText } from './normalize.ts';

// Clause punctuation that Piper voices were trained to see as phonemes; a
// comma, colon or semicolon is followed by a space, as piper-phonemize does.
const CLAUSE = /([,:;.!?，、：；。！？]+)/;
const PUNCT_PHONEMES: Record<string, string> = {
  ',': ', ', '，': ', ', '、': ', ',
  ':': ': ', '：': ': ',
  ';': '; ', '；': '; ',
  '.': '.', '。': '.',
  '!': '!', '！': '!',
  '?': '?', '？': '?',
};

// espeak-ng's IPA output drops punctuation, so the sentence is cut into
// clauses here, all clauses phonemized in one round trip, and each clause's
// punctuation put back.
export async function phonemizeSentence(espeak: EspeakHost, voice: string, sentence: string): Promise<string> {
  const parts = sentence.split(CLAUSE);
  const clauses: string[] = [];
  for (let i = 0; i < parts.length; i += 2) clauses.push(parts[i].trim());
  const speakable = clauses.filter(hasSpeakableText);
  const raw = speakable.length ? await espeak.rawPhonemesMany(voice, speakable) : [];
  let next = 0;
  let out = '';
  for (let i = 0; i < parts.length; i += 2) {
    const punct = parts[i + 1] ?? '';
    if (hasSpeakableText(clauses[i / 2])) out += cleanPhonemes(raw[next++]);
    // Of a run like "?!" or "...", the last mark says how the clause ends.
    const mark = punct ? PUNCT_PHONEMES[punct[punct.length - 1]] ?? '' : '';
    if (mark && out && !out.endsWith(' ')) out += mark;
    else if (mark && out) out = out.trimEnd() + mark;
    else if (out && !out.endsWith(' ') && i + 2 < parts.length) out += ' ';
  }
  return out.trimEnd().normalize('NFD');
}

function cleanPhonemes(raw: string): string {
  return raw
    .replace(/\([a-z-]+\)/g, '') // language-switch flags such as (en)
    .replace(/_/g, '')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
