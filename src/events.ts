import { EventEmitter } from 'node:events';

export type EventName = 'queued' | 'started' | 'finished' | 'failed' | 'dropped' | 'interrupted';
export const TERMINAL_EVENTS: ReadonlySet<EventName> = new Set(['finished', 'failed', 'dropped']);

// What `herald/<id>/event` carries. Every message received ends in exactly one
// terminal event: finished, failed or dropped.
export interface HeraldEvent {
  id: string;
  event: EventName;
  reason?: string;
  voice?: string;
  engine?: string;
  provider?: string;
  ttfaMs?: number;
  synthMs?: number;
  audioMs?: number;
  // Epoch milliseconds when the first audio went to the device (for `herald bench`).
  firstAudioAt?: number;
  sentence?: number;
  // With a synthesis pool: who made the first sentence ("pool:<member>" or
  // "local"), and at the end who made which run of sentences, in order.
  source?: string;
  sources?: Array<{ source: string; sentences: number }>;
  // Zone sync: the zone, and the start on the zone leader's clock (epoch ms).
  zone?: string;
  playAt?: number;
  // How late this device's first audio was for playAt: it skipped that much
  // of the audio. Negative: early by that much (the lead it had left), and
  // it played that much silence first.
  lateMs?: number;
  ts: number;
}

export class EventBus extends EventEmitter<{ event: [HeraldEvent] }> {
  emitEvent(event: Omit<HeraldEvent, 'ts'>): void {
    this.emit('event', { ...event, ts: Date.now() });
  }
}
