import type { Phonemizer } from '../voices/types.ts';
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

// A run of sentence marks, what closes a quote or bracket after it, spaces.
const MARKS = /([。！？]+|[!?]+|\.+)(["'”’»)\]」』）]*)(\s*)/gu;

// Text for a Piper voice is cut only where Piper's phonemizer (espeak-ng)
// ends a sentence too, so that each piece gets the ids Piper would give it:
// after 。！？, after ! or ? and a space, and after a single . and a space
// unless the next word starts in lower case (espeak-ng reads "p.m. today" as
// one sentence; "..." is no end either) or a digit precedes it (an ordinal in
// German: "am 1. - dem"; in English a capital after it ends the sentence). The cut comes before a closing quote or bracket and
// never leaves a piece without a letter or digit: espeak-ng would make each
// an empty sentence of its own. Where espeak-ng ends a sentence that this
// keeps whole (a paragraph break, two spaces before a lower-case word),
// Piper's phonemizer returns several sentences for the piece, and the engine
// speaks each. The text is not rewritten: espeak-ng reads numbers, times and
// abbreviations itself, as in Piper.
export function splitAsPiper(text: string, lang = 'en-us'): string[] {
  const english = lang.toLowerCase().startsWith('en');
  const cuts = [0];
  for (const match of text.matchAll(MARKS)) {
    const [all, marks, , space] = match;
    const at = match.index ?? 0;
    const next = text[at + all.length];
    if (next === undefined) break;
    const cjk = /^[。！？]/.test(marks);
    // After a number, a dot is an ordinal's in most languages ("am 1. Mai"),
    // unless, in English, a capital follows ("item 1. Notice" ends there).
    const word = /[\p{L}\p{N}]/u.exec(text.slice(at + all.length))?.[0] ?? '';
    const afterNumber = /\d/u.test(text[at - 1] ?? '') && !(english && /\p{Lu}/u.test(word));
    const dot = marks === '.' && !/\p{Ll}/u.test(next) && !afterNumber;
    if (cjk || (space !== '' && (marks[0] !== '.' || dot))) cuts.push(at + marks.length);
  }
  cuts.push(text.length);
  const pieces: string[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const piece = text.slice(cuts[i - 1], cuts[i]);
    if (pieces.length && (!hasSpeakableText(piece) || !hasSpeakableText(pieces[pieces.length - 1]))) pieces[pieces.length - 1] += piece;
    else pieces.push(piece);
  }
  return pieces.map((s) => s.trim()).filter(hasSpeakableText).flatMap((s) => cutLong(s));
}

// The sentences a message is spoken in, as the voice's phonemizer wants its text.
export function sentencesFor(text: string, lang: string, phonemizer: Phonemizer): string[] {
  return phonemizer === 'piper' ? splitAsPiper(text, lang) : sentencesOf(text, lang);
}
