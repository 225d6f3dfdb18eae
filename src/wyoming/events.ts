// The Wyoming events Herald sends and the TTS requests it reads (wyoming's
// audio.py, tts.py, error.py): field names as the Python package has them.
import type { WyomingEvent } from './codec.ts';

// 16-bit little-endian mono, as Piper voices and espeak-ng produce it.
const WIDTH = 2;
const CHANNELS = 1;

export const audioStart = (rate: number): WyomingEvent => ({ type: 'audio-start', data: { rate, width: WIDTH, channels: CHANNELS } });

export const audioChunk = (rate: number, pcm: Buffer): WyomingEvent => ({ type: 'audio-chunk', data: { rate, width: WIDTH, channels: CHANNELS }, payload: pcm });

export const audioStop = (): WyomingEvent => ({ type: 'audio-stop', data: {} });

export const synthesizeStopped = (): WyomingEvent => ({ type: 'synthesize-stopped', data: {} });

export const errorEvent = (text: string, code: string): WyomingEvent => ({ type: 'error', data: { text, code } });

// A request that cannot be served as asked: answered with one `error` event.
export class WyomingRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

// SynthesizeVoice: a name (with an optional speaker) wins over a language.
export interface VoiceRequest {
  name?: string;
  language?: string;
  speaker?: string;
}

export function voiceRequest(data: Record<string, unknown>): VoiceRequest | undefined {
  const voice = data.voice;
  if (voice === undefined || voice === null) return undefined;
  if (typeof voice !== 'object' || Array.isArray(voice)) throw new WyomingRequestError('"voice" must be an object with "name", "language" or "speaker"', 'bad-request');
  const { name, language, speaker } = voice as Record<string, unknown>;
  const text = (value: unknown, field: string): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && field === 'speaker') return String(value);
    if (typeof value !== 'string') throw new WyomingRequestError(`voice.${field} must be a string`, 'bad-request');
    return value;
  };
  if (name !== undefined && name !== null) return { name: text(name, 'name'), speaker: text(speaker, 'speaker') };
  return { language: text(language, 'language') };
}

export function textOf(data: Record<string, unknown>, event: string): string {
  if (typeof data.text !== 'string') throw new WyomingRequestError(`${event} needs "text" (a string)`, 'bad-request');
  return data.text;
}
