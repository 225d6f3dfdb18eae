import { createHash } from 'node:crypto';
import type { RemoteSpeech, SentenceAudio } from '../engines/types.ts';
import type { SayJob } from '../queue/job.ts';
import type { PoolChunk, PoolRequest } from './protocol.ts';

export interface PoolTiming {
  // No first answer to a request within this: the next member, then the local voice.
  firstChunkDeadlineMs: number;
  // No next sentence within this after the last: the stream has stopped.
  chunkTimeoutMs: number;
  // Requests (members) tried before the local voice takes over.
  attempts: number;
}

// What a stream needs of the pool client.
export interface PoolSender {
  readonly connected: boolean;
  nextAttempt(): number;
  // Members online now.
  liveMembers(): string[];
  // To `member`, or to the shared subscription when none is given;
  // `unheard` when the broker says no one subscribes to it.
  send(request: PoolRequest, member: string | undefined, unheard: () => void): void;
  forget(stream: PoolStream): void;
}

// The pool gave up on this message: its voice here goes on from this sentence.
export class PoolGaveUp extends Error {}

interface Attempt {
  n: number;
  // The member answering: the one addressed, or the first that answered.
  member?: string;
  // When it was sent, then when its last answer came.
  lastAt: number;
  answered: boolean;
  // Why this attempt is over although no timer ran out.
  trouble?: string;
}

// One message's sentences as the pool makes them, in order. Each sentence is
// taken once: when a stream stops (its member died, a gap, an error) the next
// request asks for the sentences from the one not yet heard, so nothing is
// spoken twice and nothing is skipped.
export class PoolStream implements RemoteSpeech {
  readonly engine = 'piper' as const;
  source = 'pool';
  provider: RemoteSpeech['provider'] = 'cpu';
  sampleRate = 0;
  sentenceSilenceSeconds = 0;
  private cursor: number;
  private tries = 0;
  private current?: Attempt;
  private readonly failed = new Set<string>();
  private readonly chunks = new Map<number, PoolChunk>();
  // The parts so far of a sentence that comes in several frames.
  private partial?: { index: number; pcm: Int16Array[] };
  private wake?: () => void;
  private released = false;

  constructor(
    readonly job: SayJob,
    private readonly requester: string,
    private readonly sender: PoolSender,
    private readonly timing: PoolTiming,
  ) {
    this.cursor = job.resumeFrom;
  }

  get id(): string {
    return this.job.id;
  }

  get voice(): string {
    return this.job.voice;
  }

  async synthesize(sentence: string): Promise<SentenceAudio> {
    const index = this.cursor++;
    if (this.job.sentences[index] !== sentence) throw new Error(`pool stream out of step at sentence ${index}`);
    if (!this.current) {
      if (!this.sender.connected) throw new PoolGaveUp('not connected to the pool');
      this.request(index);
    }
    return this.take(index);
  }

  // An answer on the reply topic with this stream's id.
  receive(chunk: PoolChunk): void {
    const { header } = chunk;
    const now = this.current;
    // An earlier attempt's, or a second member answering the same request
    // (a broker that gave it to two): only one voice per sentence is heard.
    if (!now || header.attempt !== now.n || (now.member && header.member !== now.member)) return;
    now.member = header.member;
    now.answered = true;
    now.lastAt = Date.now();
    if (header.error) now.trouble = `${header.member}: ${header.error}`;
    else if (header.index >= this.cursor - 1) this.collect(chunk);
    this.wake?.();
  }

  // Parts come in order from one member (QoS 1 on one topic keeps it);
  // a sentence is ready once its last part is in.
  private collect(chunk: PoolChunk): void {
    const { index, part, parts } = chunk.header;
    if (parts === undefined || parts === 1) return void this.chunks.set(index, chunk);
    if (part === 0) this.partial = { index, pcm: [] };
    if (this.partial?.index !== index || this.partial.pcm.length !== part) return;
    this.partial.pcm.push(chunk.pcm);
    if (this.partial.pcm.length < parts) return;
    const pcm = new Int16Array(this.partial.pcm.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.partial.pcm) {
      pcm.set(p, at);
      at += p.length;
    }
    this.partial = undefined;
    this.chunks.set(index, { header: chunk.header, pcm });
  }

  memberGone(member: string): void {
    if (this.current?.member !== member) return;
    this.current.trouble = `${member} went offline`;
    this.wake?.();
  }

  // The message is over here (spoken, cut, stopped): a wait ends, no retry follows.
  release(): void {
    this.released = true;
    this.sender.forget(this);
    this.wake?.();
  }

  private async take(index: number): Promise<SentenceAudio> {
    for (;;) {
      if (this.released) throw new PoolGaveUp('the message ended here');
      const chunk = this.chunks.get(index);
      const now = this.current!;
      if (chunk) {
        this.chunks.delete(index);
        return this.audio(chunk);
      }
      const limit = now.answered ? this.timing.chunkTimeoutMs : this.timing.firstChunkDeadlineMs;
      const left = now.lastAt + limit - Date.now();
      if (!now.trouble && left > 0) {
        await this.sleep(left);
        continue;
      }
      const why = now.trouble ?? (now.answered ? `no sentence from ${now.member} for ${limit} ms` : `no answer within ${limit} ms`);
      if (now.member) this.failed.add(now.member);
      if (this.tries >= this.timing.attempts) throw new PoolGaveUp(`${why} (${this.tries} ${this.tries === 1 ? 'try' : 'tries'})`);
      // A request now would wait in mqtt.js for the broker to come back.
      if (!this.sender.connected) throw new PoolGaveUp(`${why}; the pool connection is down`);
      this.request(index);
    }
  }

  // A retry goes to a member that has not failed this message, by name: the
  // shared subscription could hand it to the same one again. A zone
  // message's first request goes, by name too, to the member every device
  // of the zone picks for it (rendezvous), so the pool makes it once.
  private request(from: number): void {
    this.tries++;
    const live = this.sender.liveMembers();
    const others = this.tries > 1 ? live.filter((m) => !this.failed.has(m)) : [];
    const member = this.tries === 1 && this.job.syncZone !== undefined ? rendezvous(this.job.id, live) : others.length ? others[Math.floor(Math.random() * others.length)] : undefined;
    const n = this.sender.nextAttempt();
    this.current = { n, member, lastAt: Date.now(), answered: false };
    this.chunks.clear();
    this.partial = undefined;
    const { job } = this;
    this.sender.send(
      {
        v: 1,
        id: job.id,
        attempt: n,
        requester: this.requester,
        from,
        sentences: job.sentences.slice(from),
        voice: job.voice,
        lang: job.lang,
        rate: job.rate,
        speaker: job.speaker,
        // Every device of a zone plays the same samples (docs/zones.md).
        ...(job.syncZone !== undefined && { noiseless: true }),
        deadline: Date.now() + this.timing.firstChunkDeadlineMs,
      },
      member,
      () => {
        if (this.current?.n !== n) return;
        this.current.trouble = 'no pool member subscribed on this broker';
        this.wake?.();
      },
    );
  }

  private audio({ header, pcm }: PoolChunk): SentenceAudio {
    this.source = `pool:${header.member}`;
    this.provider = header.provider ?? this.provider;
    this.sampleRate = header.sampleRate!;
    this.sentenceSilenceSeconds = header.silence ?? 0;
    const samples = new Float32Array(pcm.length);
    for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i] / 32767;
    return { samples, sampleRate: header.sampleRate!, synthMs: header.synthMs ?? 0 };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

// The member with the highest hash of (member, message): every device that
// knows the same members picks the same one, and when it goes only its
// messages move. Undefined without members (the shared subscription then).
export function rendezvous(id: string, members: string[]): string | undefined {
  let best: string | undefined;
  let bestHash = '';
  for (const m of members) {
    const hash = createHash('sha1').update(`${m}\0${id}`).digest('hex');
    if (hash > bestHash) [best, bestHash] = [m, hash];
  }
  return best;
}
