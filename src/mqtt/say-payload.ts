import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PRIORITIES, RATE_RANGE, VOLUME_RANGE, type SayRequest } from '../queue/job.ts';

export type { SayRequest };

// Language tags as `lang` takes them: en, en-US, en_US (Hermes writes it_IT), zh.
export const LANG_TAG = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;
const VOLUME_MESSAGE = `volume must be between ${VOLUME_RANGE.min} and ${VOLUME_RANGE.max}`;
const RATE_MESSAGE = `rate must be between ${RATE_RANGE.min} and ${RATE_RANGE.max}`;

// A `say` payload is plain UTF-8 text or a JSON object; this is the object.
const sayObject = z.strictObject({
  text: z.string({ error: 'text is required and must be a string' }),
  id: z.string().min(1).max(128).optional(),
  voice: z.string().min(1).max(128).optional(),
  lang: z.string().regex(LANG_TAG, 'lang must be a language tag such as en, en-US, de, zh').optional(),
  speaker: z.number().int().min(0).optional(),
  priority: z.enum(PRIORITIES, { error: `priority must be one of ${PRIORITIES.join(', ')}` }).optional(),
  volume: z.number({ error: 'volume must be a number' }).min(VOLUME_RANGE.min, VOLUME_MESSAGE).max(VOLUME_RANGE.max, VOLUME_MESSAGE).optional(),
  rate: z.number({ error: 'rate must be a number' }).min(RATE_RANGE.min, RATE_MESSAGE).max(RATE_RANGE.max, RATE_MESSAGE).optional(),
  interrupt: z.boolean({ error: 'interrupt must be true or false' }).optional(),
  ttlSeconds: z.number({ error: 'ttlSeconds must be a number' }).positive('ttlSeconds must be positive').max(7 * 24 * 3600).optional(),
  // Zone sync (docs/zones.md): a say on a device's own topic joins zone
  // `zone`'s timeline with sync: true; playAt (epoch ms) sets the start.
  sync: z.boolean({ error: 'sync must be true or false' }).optional(),
  zone: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'zone must be a zone name').optional(),
  playAt: z.number({ error: 'playAt must be epoch milliseconds' }).int().positive().optional(),
});

export type ParseResult = { ok: true; request: SayRequest } | { ok: false; id: string; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

// `plain`: the payload is text to speak even if it looks like JSON (Home
// Assistant's notify sends the message as it was written).
export function parseSayPayload(payload: Buffer, maxPayloadBytes: number, plain = false): ParseResult {
  if (payload.length > maxPayloadBytes) {
    return { ok: false, id: randomUUID(), reason: `payload too large: ${payload.length} bytes, limit ${maxPayloadBytes}` };
  }
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return { ok: false, id: randomUUID(), reason: 'payload is not valid UTF-8 text' };
  }
  // Binary data that happens to be valid UTF-8 still has control characters.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return { ok: false, id: randomUUID(), reason: 'payload contains control characters; send UTF-8 text or JSON' };
  }
  const trimmed = text.trim();
  if (plain || !trimmed.startsWith('{')) {
    return { ok: true, request: { id: randomUUID(), text, priority: 'normal', interrupt: false } };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (err) {
    return { ok: false, id: randomUUID(), reason: `invalid JSON: ${(err as Error).message}` };
  }
  const idGuess = typeof (json as { id?: unknown })?.id === 'string' && (json as { id: string }).id ? (json as { id: string }).id.slice(0, 128) : randomUUID();
  const parsed = sayObject.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.path.length && !issue.message.startsWith(String(issue.path[0])) ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
    return { ok: false, id: idGuess, reason };
  }
  const m = parsed.data;
  return {
    ok: true,
    request: {
      id: m.id ?? randomUUID(),
      text: m.text,
      voice: m.voice,
      lang: m.lang,
      speaker: m.speaker,
      priority: m.priority ?? 'normal',
      volume: m.volume,
      rate: m.rate,
      interrupt: m.interrupt ?? false,
      ttlSeconds: m.ttlSeconds,
      // Zone sync only when asked for.
      ...(m.sync !== undefined && { sync: m.sync }),
      ...(m.zone !== undefined && { zone: m.zone }),
      ...(m.playAt !== undefined && { playAt: m.playAt }),
    },
  };
}
