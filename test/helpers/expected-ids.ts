// What the daemon should feed a voice for a text: its sentences, each
// phonemized by the real espeak-ng of the voice's phonemizer and mapped to
// Piper ids. Used to check the ids read back from captured audio. Fixture
// voices are Piper voices (no `herald` block), so Piper's phonemizer is the
// default; that it gives Piper's own ids is piper-phonemes.test.ts's concern.
import { phonemesToIds } from '../../src/text/piper-ids.ts';
import { sentencesFor } from '../../src/text/split.ts';
import type { EspeakHost } from '../../src/text/espeak-host.ts';
import { voicePhonemes } from '../../src/text/voice-phonemes.ts';
import { defaultPhonemeIdMap } from '../../src/voices/piper-symbols.ts';
import type { Phonemizer } from '../../src/voices/types.ts';

export async function expectedIds(espeak: EspeakHost, text: string, options: { lang?: string; espeakVoice?: string; phonemizer?: Phonemizer } = {}): Promise<number[][]> {
  const map = defaultPhonemeIdMap();
  const voice = { espeakVoice: options.espeakVoice ?? 'en-us', phonemizer: options.phonemizer ?? 'piper' };
  const phonemes = await voicePhonemes(espeak, voice, sentencesFor(text, options.lang ?? 'en', voice.phonemizer));
  return phonemes.flat().map((p) => phonemesToIds(p, map).ids);
}
