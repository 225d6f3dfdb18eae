// Which voice, language, speaker and rate a Wyoming request gets.
import type { VoiceBank } from '../engines/voice-bank.ts';
import { WyomingRequestError, type VoiceRequest } from './events.ts';

export interface VoiceSettings {
  voice: string;
  lang: string;
  speaker?: number;
  rate: number;
}

// Herald's extension for speed: "<voice>@<rate>", rate 0.5 (slow) to 2 (fast),
// as the `rate` of an MQTT say. A voice name is the one field every Wyoming
// client passes through (Home Assistant's `voice` option included).
const RATE_SUFFIX = /^(.+)@(\d+(?:\.\d+)?)$/;

export function voiceSettings(voices: VoiceBank, asked: VoiceRequest | undefined): VoiceSettings {
  let name = asked?.name;
  let rate = 1;
  const suffix = name ? RATE_SUFFIX.exec(name) : null;
  if (suffix) {
    name = suffix[1];
    rate = Number(suffix[2]);
    if (!(rate >= 0.5 && rate <= 2)) throw new WyomingRequestError(`rate ${suffix[2]} in voice name out of range: 0.5 to 2`, 'bad-rate');
  }
  if (name && !voices.has(name)) throw new WyomingRequestError(`unknown voice '${name}' (installed: ${voices.known().join(', ')})`, 'unknown-voice');
  const chosen = voices.choose(name, name ? undefined : asked?.language);
  return { voice: chosen.voice, lang: chosen.lang, rate, speaker: speakerId(voices, chosen.voice, chosen.numSpeakers, asked?.speaker) };
}

// By a name of the voice's speaker_id_map, or by number.
function speakerId(voices: VoiceBank, voice: string, count: number, asked: string | undefined): number | undefined {
  if (asked === undefined || asked === '') return undefined;
  const named = voices.info(voice)?.speakerIdMap[asked];
  if (named !== undefined) return named;
  if (/^\d+$/.test(asked) && Number(asked) < count) return Number(asked);
  const names = Object.keys(voices.info(voice)?.speakerIdMap ?? {});
  const choices = names.length ? `${names.join(', ')} or 0–${count - 1}` : `0–${count - 1}`;
  throw new WyomingRequestError(`unknown speaker '${asked}' for voice ${voice} (speakers: ${choices})`, 'unknown-speaker');
}
