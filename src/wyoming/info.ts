// The answer to `describe`: one TTS program with every voice of the
// VoiceBank, in the shape wyoming's Info.from_event reads (info.py).
import { ESPEAK_VOICE, type VoiceBank } from '../engines/voice-bank.ts';
import { languagesWithRules } from '../text/languages.ts';
import { VERSION } from '../version.ts';
import type { WyomingEvent } from './codec.ts';

const PIPER = { name: 'Piper', url: 'https://github.com/rhasspy/piper' };
const ESPEAK_NG = { name: 'eSpeak NG', url: 'https://github.com/espeak-ng/espeak-ng' };
// Herald has no public address to point to; the field is required, so it is empty.
const HERALD = { name: 'Herald', url: '' };

export function infoEvent(voices: VoiceBank): WyomingEvent {
  const neural = voices.names().map((name) => {
    const info = voices.info(name)!;
    const speakers = info.numSpeakers > 1 ? speakerNames(info.speakerIdMap, info.numSpeakers) : undefined;
    return {
      name,
      description: `${name} (${info.language})`,
      attribution: PIPER,
      // A voice that failed to load is spoken by espeak-ng; clients should not offer it.
      installed: voices.loaded(name) !== undefined,
      version: null,
      languages: [info.language],
      ...(speakers ? { speakers } : {}),
    };
  });
  const espeak = { name: ESPEAK_VOICE, description: 'eSpeak NG (formant synthesis)', attribution: ESPEAK_NG, installed: true, version: null, languages: languagesWithRules() };
  const tts = {
    name: 'herald',
    description: 'Herald offline text-to-speech',
    attribution: HERALD,
    installed: true,
    version: VERSION,
    voices: [...neural, espeak],
    supports_synthesize_streaming: true,
  };
  // Every list present, as the Python package writes them.
  return { type: 'info', data: { asr: [], tts: [tts], handle: [], intent: [], wake: [], mic: [], snd: [] } };
}

// Speakers by the names of the voice's speaker_id_map, in id order; an id without a name is listed by its number.
function speakerNames(idMap: Record<string, number>, count: number): Array<{ name: string }> {
  const byId = new Map<number, string>();
  for (const [name, id] of Object.entries(idMap)) if (!byId.has(id)) byId.set(id, name);
  return Array.from({ length: count }, (_, id) => ({ name: byId.get(id) ?? String(id) }));
}
