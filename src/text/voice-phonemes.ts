import type { VoiceInfo } from '../voices/types.ts';
import type { EspeakHost } from './espeak-host.ts';
import { phonemizeSentence } from './phonemize.ts';

// Each sentence (as sentencesFor cut it for this voice) → the phonemes of the
// sentences the voice's phonemizer makes of it, in one round trip: Herald's
// makes one of each; Piper's one per sentence espeak-ng reads in it, as Piper
// feeds its voices one id sequence per sentence.
export async function voicePhonemes(espeak: EspeakHost, info: Pick<VoiceInfo, 'espeakVoice' | 'phonemizer'>, sentences: string[]): Promise<string[][]> {
  if (info.phonemizer === 'piper') return espeak.piper.phonemesMany(info.espeakVoice, sentences);
  return Promise.all(sentences.map(async (s) => [await phonemizeSentence(espeak, info.espeakVoice, s)]));
}
