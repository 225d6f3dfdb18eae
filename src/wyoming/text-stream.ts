import { languageRules } from '../text/languages.ts';
import { sentencesOf } from '../text/split.ts';
import { WyomingRequestError } from './events.ts';

// The text of a streamed request (synthesize-chunk events), held until a
// sentence in it is complete, then normalized and split as an MQTT say is.
export class TextStream {
  private pending = '';
  private chars = 0;

  constructor(
    private readonly lang: string,
    private readonly maxChars: number,
  ) {}

  // The sentences that `text` completes; none while a sentence is still open.
  add(text: string): string[] {
    this.chars += text.length;
    // The whole stream counts against the limit of one say.
    if (this.chars > this.maxChars) throw new WyomingRequestError(`text too long: ${this.chars} characters, limit ${this.maxChars}`, 'text-too-long');
    this.pending += text;
    const end = completeUpTo(this.pending, this.lang);
    if (!end) return [];
    const complete = this.pending.slice(0, end);
    this.pending = this.pending.slice(end);
    return sentencesOf(complete, this.lang);
  }

  // The rest, at synthesize-stop.
  finish(): string[] {
    const rest = this.pending;
    this.pending = '';
    return sentencesOf(rest, this.lang);
  }
}

// Where the complete sentences in streamed text end: after the last sentence
// end that more text already follows (a "3." at the very end may yet become "3.5").
export function completeUpTo(text: string, lang: string): number {
  const { sentenceEnd } = languageRules(lang);
  let end = 0;
  for (const match of text.matchAll(new RegExp(sentenceEnd.source, sentenceEnd.flags))) {
    const after = (match.index ?? 0) + match[0].length;
    if (after < text.length) end = after;
  }
  return end;
}
