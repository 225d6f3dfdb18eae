import { randomUUID } from 'node:crypto';
import type { VoiceBank } from '../engines/voice-bank.ts';
import { TERMINAL_EVENTS, type EventBus, type HeraldEvent } from '../events.ts';
import type { Logger } from '../log.ts';
import type { MqttExtension } from '../mqtt/adapter.ts';
import type { SayRequest } from '../queue/job.ts';
import { echo, siteOf, ttsSay, type TtsError, type TtsSayFinished, type Voices } from './payloads.ts';
import { HERMES_TOPICS } from './topics.ts';

export interface HermesParts {
  // This device's Hermes site id first, then its zones: a say for any of them is spoken.
  sites: readonly string[];
  maxPayloadBytes: number;
  events: EventBus;
  voices: Pick<VoiceBank, 'known' | 'info'>;
  // The daemon's one path for a say: admission, journal, queue.
  enqueue(request: SayRequest, receivedOn: string): string;
  // Accepted or ended before: enqueue ignores it, and it is answered once.
  seen(id: string): boolean;
  publish(topic: string, payload: object): void;
  log: Logger;
}

type Read = { ok: true; message: Record<string, unknown> } | { ok: false; reason: string };

// Rhasspy Hermes text to speech: a say for this site becomes a Herald message
// (the Hermes id is its id, so a redelivery is spoken once) and is answered
// with sayFinished when it ends, however it ends; getVoices lists the voices.
export class HermesExtension implements MqttExtension {
  readonly handlers = {
    [HERMES_TOPICS.say]: (payload: Buffer) => this.say(payload),
    [HERMES_TOPICS.getVoices]: (payload: Buffer) => this.getVoices(payload),
  };
  private readonly sites: ReadonlySet<string>;
  // Herald message id → the sayFinished that answers it once it has ended.
  private readonly waiting = new Map<string, TtsSayFinished>();

  constructor(private readonly parts: HermesParts) {
    this.sites = new Set(parts.sites);
    parts.events.on('event', (e) => this.ended(e));
    parts.log.info({ sites: parts.sites }, 'Rhasspy Hermes TTS on');
  }

  private say(payload: Buffer): void {
    const read = this.read(payload);
    if (!read.ok) {
      // Its site cannot be known, so no sayFinished; a Hermes error tells it happened here.
      const reason = `${HERMES_TOPICS.say}: ${read.reason}`;
      this.parts.events.emitEvent({ id: randomUUID(), event: 'failed', reason });
      this.parts.publish(HERMES_TOPICS.error, { error: reason, siteId: this.parts.sites[0], context: null, sessionId: null } satisfies TtsError);
      return;
    }
    const { message } = read;
    const siteId = siteOf(message);
    if (siteId === undefined || !this.sites.has(siteId)) return;
    const finished: TtsSayFinished = { siteId, id: echo(message, 'id'), sessionId: echo(message, 'sessionId') };
    const parsed = ttsSay.safeParse(message);
    if (!parsed.success) {
      const id = finished.id && finished.id.length <= 128 ? finished.id : randomUUID();
      this.waiting.set(id, finished);
      this.parts.events.emitEvent({ id, event: 'failed', reason: `${HERMES_TOPICS.say}: ${parsed.error.issues[0].message}` });
      return;
    }
    const m = parsed.data;
    const request: SayRequest = { id: m.id || randomUUID(), text: m.text, lang: m.lang || undefined, volume: m.volume ?? 1, priority: 'normal', rate: 1, interrupt: false };
    // Before enqueue: admission may end the message (failed) before it returns.
    if (!this.parts.seen(request.id)) this.waiting.set(request.id, finished);
    this.parts.enqueue(request, HERMES_TOPICS.say);
  }

  // Hermes has no failure reply to a say: Rhasspy's own TTS services publish
  // an error, then sayFinished all the same, so a dialogue waiting on it goes on.
  private ended(e: HeraldEvent): void {
    if (!TERMINAL_EVENTS.has(e.event)) return;
    const finished = this.waiting.get(e.id);
    if (!finished) return;
    this.waiting.delete(e.id);
    if (e.event !== 'finished') {
      this.parts.publish(HERMES_TOPICS.error, { error: `${e.event}: ${e.reason ?? 'no reason given'}`, siteId: finished.siteId, context: finished.id, sessionId: finished.sessionId } satisfies TtsError);
    }
    this.parts.publish(HERMES_TOPICS.sayFinished, finished);
  }

  private getVoices(payload: Buffer): void {
    const read = this.read(payload);
    if (!read.ok) {
      this.parts.log.warn({ topic: HERMES_TOPICS.getVoices, reason: read.reason }, 'Hermes getVoices not answered');
      return;
    }
    const siteId = siteOf(read.message);
    if (siteId === undefined || !this.sites.has(siteId)) return;
    const voices = this.parts.voices.known().map((voiceId) => {
      const info = this.parts.voices.info(voiceId);
      return { voiceId, description: info ? `Piper voice, ${info.language}, ${info.sampleRate} Hz` : 'espeak-ng, any language it reads' };
    });
    this.parts.publish(HERMES_TOPICS.voices, { voices, id: echo(read.message, 'id'), siteId } satisfies Voices);
  }

  private read(payload: Buffer): Read {
    if (payload.length > this.parts.maxPayloadBytes) return { ok: false, reason: `payload too large: ${payload.length} bytes, limit ${this.parts.maxPayloadBytes}` };
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch (err) {
      return { ok: false, reason: `invalid JSON: ${(err as Error).message}` };
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reason: 'payload must be a JSON object' };
    return { ok: true, message: json as Record<string, unknown> };
  }
}
