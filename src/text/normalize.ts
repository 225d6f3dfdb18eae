import { languageRules } from './languages.ts';

// Cleanup every language needs: one Unicode form, no control characters,
// plain quotes and dashes, single spaces.
function cleanup(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .replace(/[“”„]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeText(text: string, lang: string): string {
  const rules = languageRules(lang);
  const clean = cleanup(text);
  return rules.normalize ? rules.normalize(clean).replace(/\s+/g, ' ').trim() : clean;
}

// Something espeak-ng can say: a letter or digit in any script. Emoji,
// punctuation and symbols alone are not.
export function hasSpeakableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
