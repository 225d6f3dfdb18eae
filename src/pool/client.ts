import type { IPublishPacket } from 'mqtt';
import type { Logger } from '../log.ts';
import type { SayJob } from '../queue/job.ts';
import type { PoolLink } from './link.ts';
import { correlation, decodeChunk, PRESENCE, type PoolRequest, type PoolTopics } from './protocol.ts';
import { PoolStream, type PoolSender, type PoolTiming } from './stream.ts';

export interface PoolClientParts {
  topics: PoolTopics;
  device: string;
  link: PoolLink;
  timing: PoolTiming;
  log: Logger;
}

// The using side of a pool: sends a message's sentences to the pool, routes
// the answers to the message's stream, and follows which members are online
// (their retained presence and last will) so a stream whose member dies
// stops waiting at once and a retry goes to a live one.
export class PoolClient implements PoolSender {
  private readonly streams = new Map<string, PoolStream>();
  private readonly members = new Set<string>();
  private attempt = Date.now();

  constructor(private readonly parts: PoolClientParts) {
    const { topics, device, link } = parts;
    const reply = topics.reply(device);
    link.route({ filter: reply, matches: (t) => t === reply, handle: (payload, packet) => this.answer(payload, packet) });
    link.route({ filter: topics.members, matches: (t) => topics.memberOf(t) !== undefined, handle: (payload, packet) => this.presence(topics.memberOf(packet.topic)!, payload) });
  }

  get connected(): boolean {
    return this.parts.link.connected;
  }

  stream(job: SayJob): PoolStream {
    const stream = new PoolStream(job, this.parts.device, this, this.parts.timing);
    this.streams.set(job.id, stream);
    return stream;
  }

  nextAttempt(): number {
    return ++this.attempt;
  }

  liveMembers(): string[] {
    return [...this.members];
  }

  send(request: PoolRequest, member: string | undefined, unheard: () => void): void {
    const { topics, link, device } = this.parts;
    const topic = member ? topics.memberSynthesize(member) : topics.synthesize;
    link.publish(topic, JSON.stringify(request), { properties: { responseTopic: topics.reply(device), correlationData: correlation(request.id, request.attempt) } }, unheard);
  }

  forget(stream: PoolStream): void {
    if (this.streams.get(stream.id) === stream) this.streams.delete(stream.id);
  }

  private answer(payload: Buffer, packet: IPublishPacket): void {
    const chunk = decodeChunk(payload);
    const stream = this.streams.get(chunk.header.id);
    // Correlation data is checked too: a member must echo what it was sent.
    if (!stream || !packet.properties?.correlationData?.equals(correlation(chunk.header.id, chunk.header.attempt))) return;
    stream.receive(chunk);
  }

  private presence(member: string, payload: Buffer): void {
    let state: unknown;
    try {
      state = JSON.parse(payload.toString('utf8'))?.state;
    } catch {
      state = undefined;
    }
    if (state === PRESENCE.online) {
      if (!this.members.has(member)) this.parts.log.info({ member }, 'pool member online');
      this.members.add(member);
      return;
    }
    // Offline, cleared or unreadable: not a member to count on.
    if (this.members.delete(member)) this.parts.log.info({ member }, 'pool member offline');
    for (const stream of this.streams.values()) stream.memberGone(member);
  }
}
