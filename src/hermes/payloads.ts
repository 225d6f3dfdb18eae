import { z } from 'zod';
import { LANG_TAG } from '../mqtt/say-payload.ts';

// Payloads as rhasspyhermes (rhasspyhermes/tts.py) writes and reads them:
// camelCase keys, optional fields null when unset, siteId "default" when
// unset. Keys Herald does not know are ignored, so that a say from a Rhasspy
// that sends more fields is still spoken.

const DEFAULT_SITE = 'default';

// `volume` (0–1) is not in every rhasspyhermes' TtsSay; where it is sent it
// scales the audio, as Herald's own volume does.
export const ttsSay = z.object({
  text: z.string({ error: 'text is required and must be a string' }),
  // "" is what older rhasspyhermes sent for no language.
  lang: z
    .string({ error: 'lang must be a string' })
    .refine((lang) => lang === '' || LANG_TAG.test(lang), 'lang must be a language tag such as en, en_US, de')
    .nullish(),
  id: z.string({ error: 'id must be a string' }).max(128, 'id longer than 128 characters').nullish(),
  sessionId: z.string({ error: 'sessionId must be a string' }).nullish(),
  volume: z.number({ error: 'volume must be a number' }).min(0, 'volume must be between 0 and 1').max(1, 'volume must be between 0 and 1').nullish(),
});

export interface TtsSayFinished {
  siteId: string;
  id: string | null;
  sessionId: string | null;
}

export interface TtsError {
  error: string;
  siteId: string;
  // The say's id, as Rhasspy's TTS services fill it.
  context: string | null;
  sessionId: string | null;
}

export interface Voices {
  voices: { voiceId: string; description: string | null }[];
  id: string | null;
  siteId: string;
}

// What a message says of its site: its siteId, "default" when it has none,
// undefined when it has one that is not a string (the site is unknown).
export function siteOf(message: Record<string, unknown>): string | undefined {
  const site = message.siteId;
  if (site === undefined || site === null) return DEFAULT_SITE;
  return typeof site === 'string' ? site : undefined;
}

// An optional string field echoed back: as sent, or null.
export function echo(message: Record<string, unknown>, key: string): string | null {
  const value = message[key];
  return typeof value === 'string' ? value : null;
}
