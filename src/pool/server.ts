import type { IPublishPacket } from 'mqtt';
import type { SpeechEngine } from '../engines/types.ts';
import type { VoiceBank } from '../engines/voice-bank.ts';
import type { Logger } from '../log.ts';
import type { PoolLink } from './link.ts';
import { encodeChunk, frames, PRESENCE, poolRequest, type ChunkHeader, type PoolRequest, type PoolTopics } from './protocol.ts';
import { PastDeadline, type MadeSentence, type SharedSynthesis } from './shared-synthesis.ts';

export interface PoolServerParts {
  topics: PoolTopics;
  member: string;
  voices: Pick<VoiceBank, 'loaded'>;
  link: PoolLink;
  shared: SharedSynthesis;
  log: Logger;
}

interface Stream {
  attempt: number;
  // Set when a later attempt of the same message takes over.
  superseded: boolean;
}

// How many (requester, message) pairs a member remembers to serve each once.
const REMEMBERED = 2000;

// The serving side of one pool: takes requests from the shared subscription
// (and those addressed to this member), and answers each sentence, as soon as
// it is made, on the request's response topic with its correlation data.
export class PoolServer {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly parts: PoolServerParts) {
    const { topics, member, link } = parts;
    const handle = (payload: Buffer, packet: IPublishPacket) => this.request(payload, packet);
    link.route({ filter: topics.sharedSynthesize, matches: (t) => t === topics.synthesize, handle });
    link.route({ filter: topics.memberSynthesize(member), matches: (t) => t === topics.memberSynthesize(member), handle });
    link.whenConnected(() => link.publish(topics.member(member), this.presence(PRESENCE.online), { retain: true }));
  }

  presence(state: keyof typeof PRESENCE): string {
    return JSON.stringify({ state, member: this.parts.member });
  }

  private request(payload: Buffer, packet: IPublishPacket): void {
    const { log, topics } = this.parts;
    const replyTo = packet.properties?.responseTopic;
    const correlationData = packet.properties?.correlationData;
    if (!replyTo || !topics.isReply(replyTo) || !correlationData) {
      log.warn({ replyTo }, `pool request ignored: it needs a response topic under ${topics.reply('<device>')} and correlation data`);
      return;
    }
    let request: PoolRequest;
    try {
      request = poolRequest.parse(JSON.parse(payload.toString('utf8')));
    } catch (err) {
      const reason = `bad pool request: ${err instanceof SyntaxError ? err.message : ((err as { issues?: Array<{ path: unknown[]; message: string }> }).issues?.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? String(err))}`;
      log.warn({ replyTo }, reason);
      return;
    }
    // The answers go where the requester reads (its ACL allows its own reply topic only).
    if (replyTo !== topics.reply(request.requester)) {
      log.warn({ replyTo, requester: request.requester }, 'pool request ignored: its response topic is not its requester\'s');
      return;
    }
    const key = `${request.requester}\u0000${request.id}`;
    const known = this.streams.get(key);
    if (known && known.attempt >= request.attempt) {
      log.info({ id: request.id, requester: request.requester, attempt: request.attempt }, 'pool request already served; redelivery ignored');
      return;
    }
    if (known) known.superseded = true;
    const stream: Stream = { attempt: request.attempt, superseded: false };
    this.streams.delete(key);
    this.streams.set(key, stream);
    if (this.streams.size > REMEMBERED) this.streams.delete(this.streams.keys().next().value!);
    void this.serve(request, stream, (header, pcm) => {
      for (const frame of pcm ? frames(header, pcm) : [encodeChunk(header)]) this.parts.link.publish(replyTo, frame, { properties: { correlationData } });
    });
  }

  private async serve(request: PoolRequest, stream: Stream, send: (header: ChunkHeader, pcm?: Int16Array) => void): Promise<void> {
    const { voices, member, log } = this.parts;
    const base = { id: request.id, attempt: request.attempt, member };
    const engine = voices.loaded(request.voice);
    if (!engine) return send({ ...base, index: request.from, error: `voice ${request.voice} is not loaded on ${member}` });
    // One sentence at a time per request: the next is asked for once this one
    // is out, so requests that wait interleave with it sentence by sentence
    // and each gets its first audio early.
    for (let i = 0; i < request.sentences.length; i++) {
      const index = request.from + i;
      if (stream.superseded) return;
      let sentence: MadeSentence;
      try {
        sentence = await this.make(engine, request, i);
      } catch (err) {
        if (err instanceof PastDeadline) {
          log.info({ id: request.id, requester: request.requester, lateMs: Date.now() - request.deadline }, 'pool request not begun by its deadline; left to the requester');
          return;
        }
        log.warn({ id: request.id, index, err: (err as Error).message }, 'pool synthesis failed');
        return send({ ...base, index, error: `synthesis failed on ${member}: ${(err as Error).message}` });
      }
      if (stream.superseded) return;
      send({ ...base, index, sampleRate: sentence.sampleRate, silence: engine.sentenceSilenceSeconds, provider: engine.provider, synthMs: Math.round(sentence.synthMs) }, sentence.pcm);
    }
  }

  // The first sentence is begun only before the deadline: past it the
  // requester has gone to another member or to its own voice.
  private async make(engine: SpeechEngine, request: PoolRequest, i: number): Promise<MadeSentence> {
    const options = { rate: request.rate, speakerId: request.speaker, noiseless: request.noiseless };
    const sentence = request.sentences[i];
    if (i > 0) return this.parts.shared.make(engine, sentence, options);
    const inTime = () => Date.now() <= request.deadline;
    try {
      return await this.parts.shared.make(engine, sentence, options, inTime);
    } catch (err) {
      // Another requester's deadline, on a synthesis this one had joined.
      if (err instanceof PastDeadline && inTime()) return this.parts.shared.make(engine, sentence, options, inTime);
      throw err;
    }
  }
}
