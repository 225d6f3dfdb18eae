import { z } from 'zod';
import { PROVIDERS } from '../config/schema.ts';
import { LANG_TAG } from '../mqtt/say-payload.ts';
import { RATE_RANGE } from '../queue/job.ts';

// The synthesis pool on the wire. Requests are JSON; each answer is one
// sentence of audio in a binary frame (see encodeChunk for why not JSON).
//
//   <base>/pool/<pool>/synthesize                 requests, read through $share/<pool>/…
//   <base>/pool/<pool>/member/<member>/synthesize requests for one member (a retry)
//   <base>/pool/<pool>/member/<member>            retained presence, last will "offline"
//   <base>/pool/<pool>/reply/<device>             answers (the MQTT 5 response topic)
export class PoolTopics {
  constructor(
    readonly base: string,
    readonly pool: string,
  ) {}

  get synthesize(): string {
    return `${this.base}/pool/${this.pool}/synthesize`;
  }
  // The share name is the pool's: every member of the pool is one group.
  get sharedSynthesize(): string {
    return `$share/${this.pool}/${this.synthesize}`;
  }
  memberSynthesize(member: string): string {
    return `${this.base}/pool/${this.pool}/member/${member}/synthesize`;
  }
  member(member: string): string {
    return `${this.base}/pool/${this.pool}/member/${member}`;
  }
  get members(): string {
    return `${this.base}/pool/${this.pool}/member/+`;
  }
  reply(device: string): string {
    return `${this.base}/pool/${this.pool}/reply/${device}`;
  }
  // A member answers only into this pool's reply topics, whatever a request asks.
  isReply(topic: string): boolean {
    const prefix = `${this.base}/pool/${this.pool}/reply/`;
    return topic.startsWith(prefix) && /^[A-Za-z0-9_.-]{1,64}$/.test(topic.slice(prefix.length));
  }
  memberOf(topic: string): string | undefined {
    const prefix = `${this.base}/pool/${this.pool}/member/`;
    const rest = topic.startsWith(prefix) ? topic.slice(prefix.length) : '';
    return /^[A-Za-z0-9_.-]{1,64}$/.test(rest) ? rest : undefined;
  }
}

const level = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

// The sentences of one message from `from` on. `id` is the message's id;
// `attempt` grows with each of the requester's tries (it starts from the
// clock, so it grows across the requester's restarts too): a member keeps the
// highest attempt it has seen per requester and id, serves a redelivered
// request once, and drops an older attempt's stream when a newer one comes.
export const poolRequest = z.strictObject({
  v: z.literal(1),
  id: z.string().min(1).max(128),
  attempt: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  requester: level,
  from: z.number().int().min(0),
  sentences: z.array(z.string().min(1).max(2000)).min(1).max(2000),
  voice: z.string().min(1).max(128),
  lang: z.string().regex(LANG_TAG),
  rate: z.number().min(RATE_RANGE.min).max(RATE_RANGE.max),
  speaker: z.number().int().min(0).optional(),
  // Synthesized without noise: a zone message, the same samples on every device.
  noiseless: z.boolean().optional(),
  // Epoch ms: a member that could not start by then leaves it (the requester has moved on).
  deadline: z.number().int().positive(),
});
export type PoolRequest = z.infer<typeof poolRequest>;

const chunkHeader = z.strictObject({
  id: z.string().min(1).max(128),
  attempt: z.number().int().positive(),
  member: level,
  // The sentence's index in the message.
  index: z.number().int().min(0),
  sampleRate: z.number().int().min(1000).max(192000).optional(),
  silence: z.number().min(0).max(5).optional(),
  provider: z.enum([...PROVIDERS, 'wasm']).optional(),
  synthMs: z.number().min(0).optional(),
  // A sentence longer than FRAME_SAMPLES comes in parts, in order.
  part: z.number().int().min(0).optional(),
  parts: z.number().int().min(1).max(1000).optional(),
  // Set instead of audio: this member cannot go on from `index`.
  error: z.string().max(500).optional(),
});
export type ChunkHeader = z.infer<typeof chunkHeader>;

export interface PoolChunk {
  header: ChunkHeader;
  // 16-bit mono at header.sampleRate; empty with an error.
  pcm: Int16Array;
}

export const PRESENCE = { online: 'online', offline: 'offline' } as const;

// Samples per frame at most: 120 KiB of audio (2.8 s at 22 050 Hz), which with
// the header, topic and properties stays under the 128 KiB packet limit of the
// shipped mosquitto config (and of brokers such as AWS IoT Core). A sentence
// of 300 characters is about 20 s, 880 kB: it comes in parts.
export const FRAME_SAMPLES = 61_440;

// One sentence's frames: its audio cut into FRAME_SAMPLES pieces, in order.
export function frames(header: ChunkHeader, pcm: Int16Array): Buffer[] {
  const parts = Math.max(1, Math.ceil(pcm.length / FRAME_SAMPLES));
  if (parts === 1) return [encodeChunk(header, pcm)];
  return Array.from({ length: parts }, (_, part) => encodeChunk({ ...header, part, parts }, pcm.subarray(part * FRAME_SAMPLES, (part + 1) * FRAME_SAMPLES)));
}

// "HP", version 1, header length (u16 BE), header JSON, 16-bit LE samples.
// Binary because JSON with base64 costs a third more bytes per sentence on
// every broker hop and the encoding both ways (scripts/measure-pool.ts).
const MAGIC = [0x48, 0x50, 1];

export function encodeChunk(header: ChunkHeader, pcm: Int16Array = new Int16Array(0)): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.allocUnsafe(5 + json.length + pcm.byteLength);
  out.set(MAGIC, 0);
  out.writeUInt16BE(json.length, 3);
  json.copy(out, 5);
  Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).copy(out, 5 + json.length);
  return out;
}

export function decodeChunk(frame: Buffer): PoolChunk {
  if (frame.length < 5 || frame[0] !== MAGIC[0] || frame[1] !== MAGIC[1]) throw new Error('not a pool audio frame');
  if (frame[2] !== MAGIC[2]) throw new Error(`pool frame version ${frame[2]}, this Herald reads ${MAGIC[2]}`);
  const length = frame.readUInt16BE(3);
  if (5 + length > frame.length) throw new Error('pool frame header runs past its end');
  const header = chunkHeader.parse(JSON.parse(frame.subarray(5, 5 + length).toString('utf8')));
  const body = frame.subarray(5 + length);
  if (body.length % 2) throw new Error('pool frame audio is not whole 16-bit samples');
  if (!header.error && header.sampleRate === undefined) throw new Error('pool frame has audio but no sampleRate');
  // Copied: an Int16Array needs an even offset, which the header does not promise.
  const pcm = new Int16Array(body.length / 2);
  Buffer.from(pcm.buffer).set(body);
  return { header, pcm };
}

// The correlation data of one attempt's answers.
export function correlation(id: string, attempt: number): Buffer {
  return Buffer.from(`${attempt}:${id}`, 'utf8');
}
