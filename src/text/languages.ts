import { normalizeEnglish } from './normalize-en.ts';

export interface LanguageRules {
  code: string;
  // The espeak-ng voice whose phonemes and fallback speech fit this language.
  espeakVoice: string;
  // Language-specific rewriting (numbers, times, abbreviations) before phonemes;
  // where absent, espeak-ng's own rules for the language read numbers.
  normalize?: (text: string) => string;
  // Characters that end a sentence when followed by space or end of text.
  sentenceEnd: RegExp;
}

const LATIN_END = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
const CJK_END = /[。！？!?]+["'”’）)]*/g;

const RULES: Record<string, LanguageRules> = {
  en: { code: 'en', espeakVoice: 'en-us', normalize: normalizeEnglish, sentenceEnd: LATIN_END },
  'en-us': { code: 'en-us', espeakVoice: 'en-us', normalize: normalizeEnglish, sentenceEnd: LATIN_END },
  'en-gb': { code: 'en-gb', espeakVoice: 'en-gb', normalize: normalizeEnglish, sentenceEnd: LATIN_END },
  de: { code: 'de', espeakVoice: 'de', sentenceEnd: LATIN_END },
  fr: { code: 'fr', espeakVoice: 'fr-fr', sentenceEnd: LATIN_END },
  es: { code: 'es', espeakVoice: 'es', sentenceEnd: LATIN_END },
  it: { code: 'it', espeakVoice: 'it', sentenceEnd: LATIN_END },
  nl: { code: 'nl', espeakVoice: 'nl', sentenceEnd: LATIN_END },
  pt: { code: 'pt', espeakVoice: 'pt', sentenceEnd: LATIN_END },
  zh: { code: 'zh', espeakVoice: 'cmn', sentenceEnd: CJK_END },
  cmn: { code: 'zh', espeakVoice: 'cmn', sentenceEnd: CJK_END },
};

// The languages with rules of their own, each once (cmn is zh).
export function languagesWithRules(): string[] {
  return [...new Set(Object.values(RULES).map((r) => r.code))];
}

// Accepts en, en-US, en_US, zh-CN, cmn … ; unknown languages get no rewriting
// and espeak-ng's voice of the same name.
export function languageRules(lang: string): LanguageRules {
  const key = lang.toLowerCase().replace('_', '-');
  return RULES[key] ?? RULES[key.split('-')[0]] ?? { code: key, espeakVoice: key, sentenceEnd: LATIN_END };
}
