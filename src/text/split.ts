import { languageRules } from './languages.ts';
import { hasSpeakableText, normalizeText } from './normalize.ts';

// Longer sentences are cut at clause punctuation, then at spaces, so that one
// sentence never holds back the first audio for long nor exceeds what a voice
// was trained on.
export const MAX_SENTENCE_CHARS = 300;

export function splitSentences(text: string, lang: string): string[] {
  const { sentenceEnd } = languageRules(lang);
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(new RegExp(sentenceEnd.source, sentenceEnd.flags))) {
    const end = (match.index ?? 0) + match[0].length;
    sentences.push(text.slice(start, end));
    start = end;
  }
  sentences.push(text.slice(start));
  return sentences.map((s) => s.trim()).filter(hasSpeakableText).flatMap((s) => cutLong(s));
}

function cutLong(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE_CHARS) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const window = rest.slice(0, MAX_SENTENCE_CHARS);
    let cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '), window.lastIndexOf('，'), window.lastIndexOf('、'));
    if (cut < MAX_SENTENCE_CHARS / 3) cut = window.lastIndexOf(' ');
    if (cut < MAX_SENTENCE_CHARS / 3) cut = MAX_SENTENCE_CHARS - 1;
    pieces.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

// Text as it arrives → the sentences that are spoken, each normalized.
export function sentencesOf(text: string, lang: string): string[] {
  return splitSentences(normalizeText(text, lang), lang);
}
