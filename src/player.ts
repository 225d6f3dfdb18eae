import type { AlsaSink } from './audio/alsa-sink.ts';
import type { RemoteSpeech } from './engines/types.ts';
import type { VoiceBank } from './engines/voice-bank.ts';
import type { EventBus } from './events.ts';
import type { Logger } from './log.ts';
import type { SayJob } from './queue/job.ts';
import type { Journal } from './queue/journal.ts';
import type { JobQueue } from './queue/priority-queue.ts';
import { SpeechCut, speak } from './speak.ts';
import type { SynthStats } from './system/synth-stats.ts';
import type { ZonePlan } from './zones/extension.ts';

// Why the job that is playing was cut: its AbortSignal's reason.
export type CutReason = 'interrupt' | 'stop' | 'shutdown';

interface Playing {
  job: SayJob;
  controller: AbortController;
  // Playing on a zone's timeline (a start time from its leader).
  onTimeline?: boolean;
  // Why a zone cut of it was not made in sync.
  cutNote?: string;
}

export interface PlayerParts {
  queue: JobQueue;
  sink: AlsaSink;
  voices: VoiceBank;
  journal: Journal;
  events: EventBus;
  stats: SynthStats;
  log: Logger;
  // A synthesis pool that speaks a message before the voices here (src/pool/).
  pool?: { stream(job: SayJob): RemoteSpeech | undefined };
  // When a zone job starts, and from which sentence; when a zone message
  // that cuts stops the one playing (src/zones/).
  zones: {
    plan(job: SayJob, signal: AbortSignal): Promise<ZonePlan>;
    cutAt(job: SayJob, signal: AbortSignal): Promise<number | undefined>;
  };
}

// Owns the queue loop: one job at a time from the queue to the device, the
// interrupt rule, and what happens to a job that is cut.
export class Player {
  private playing?: Playing;
  private wake?: () => void;
  private running = false;
  private done?: Promise<void>;

  constructor(private readonly parts: PlayerParts) {}

  get busy(): boolean {
    return this.playing !== undefined;
  }

  start(): void {
    this.running = true;
    this.done = this.loop();
  }

  // An emergency cuts anything but an emergency; `interrupt` cuts anything
  // but an emergency, unless it is one itself. The cut job comes back after.
  enqueue(job: SayJob): void {
    const now = this.playing;
    const cuts =
      now !== undefined &&
      !now.controller.signal.aborted &&
      ((job.priority === 'emergency' && now.job.priority !== 'emergency') || (job.interrupt && !(now.job.priority === 'emergency' && job.priority !== 'emergency')));
    this.dropped(cuts ? this.parts.queue.pushNext(job) : this.parts.queue.push(job));
    if (cuts) this.cut('interrupt', job);
    this.wake?.();
  }

  // Re-queues a job the journal kept from before a restart.
  requeue(job: SayJob): void {
    this.dropped(this.parts.queue.push(job));
  }

  stop(clear: boolean): void {
    if (clear) for (const job of this.parts.queue.clear()) this.emit(job, 'dropped', 'queue cleared by stop request');
    this.cut('stop');
  }

  dropExpired(now = Date.now()): void {
    const { sink } = this.parts;
    for (const job of this.parts.queue.takeExpired(now)) {
      const waitingForAudio = sink.ok ? '' : ` while the audio device '${sink.device}' was unavailable (${sink.lastError ?? 'not open'})`;
      this.emit(job, 'dropped', `ttl expired${waitingForAudio}`);
    }
  }

  // Cuts what plays and ends the loop; with a journal on disk the queue
  // waits for the next start, without one it is reported lost.
  async shutdown(): Promise<void> {
    this.running = false;
    this.cut('shutdown');
    const left = this.parts.queue.clear();
    if (this.parts.journal.durable) {
      if (left.length) this.parts.log.info({ kept: left.length }, 'queued messages kept in the journal for the next start');
    } else {
      for (const job of left) this.emit(job, 'dropped', 'daemon shutting down (journal not writable)');
    }
    this.wake?.();
    await this.done;
  }

  // `by`: the message that cuts. One of the same zone stops a zone message
  // at one instant of the zone's timeline on every device (cutInSync).
  private cut(reason: CutReason, by?: SayJob): void {
    const now = this.playing;
    if (!now || now.controller.signal.aborted) return;
    if (by?.syncZone !== undefined && by.syncZone === now.job.syncZone && now.onTimeline) {
      void this.cutInSync(now, by);
      return;
    }
    now.controller.abort(reason);
    this.parts.sink.cut();
  }

  // The message goes on playing (and being synthesized) up to the cut, which
  // the sink makes in samples; without the zone's cut instant, or with it
  // already in ALSA's hands, the cut is made now and the event says so.
  private async cutInSync(now: Playing, by: SayJob): Promise<void> {
    const { sink, zones } = this.parts;
    const signal = now.controller.signal;
    const at = await zones.cutAt(by, signal);
    const inSync = at !== undefined && !signal.aborted && (await sink.cutAt(at));
    if (this.playing !== now || signal.aborted) return;
    if (!inSync) now.cutNote = at === undefined ? `sync: no start time from the zone's leader for ${by.id}; cut here at once, not in sync` : `sync: the zone's cut instant was already in the audio device; cut here at once, not in sync`;
    now.controller.abort('interrupt');
    if (!inSync) sink.cut();
  }

  private async loop(): Promise<void> {
    const { queue, sink } = this.parts;
    while (this.running) {
      if (!sink.ok) {
        await this.sleep(sink.waitReady());
        continue;
      }
      const job = queue.shift();
      if (!job) await this.sleep();
      else if (job.expiresAt <= Date.now()) this.emit(job, 'dropped', 'ttl expired');
      else await this.play(job);
    }
  }

  private sleep(until?: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
      until?.then(() => this.wake?.(), () => this.wake?.());
    });
  }

  private async play(job: SayJob): Promise<void> {
    const { events, voices, sink, log, stats, pool } = this.parts;
    const playing: Playing = { job, controller: new AbortController() };
    this.playing = playing;
    const speech = voices.speechFor(job.voice, job.lang, pool?.stream(job));
    speech.onFallback = (reason, now) => log.warn({ id: job.id, reason, engine: now.engine, voice: now.voice }, 'speech falls back; the rest of the message is spoken here');
    let ttfaMs: number | undefined;
    const signal = playing.controller.signal;
    try {
      const zone = job.syncZone ? await this.parts.zones.plan(job, signal) : undefined;
      if (signal.aborted) throw new SpeechCut(job.resumeFrom);
      if (zone) job.resumeFrom = zone.sentence;
      playing.onTimeline = zone?.startAt !== undefined;
      const sync = zone && { zone: job.syncZone, playAt: zone.playAt };
      const result = await speak(job, speech, sink, signal, (at, e, shiftMs) => {
        ttfaMs = job.resumeFrom === 0 ? at - job.receivedAt : undefined;
        const lateMs = shiftMs === undefined ? undefined : Math.round(shiftMs);
        const late = lateMs !== undefined && lateMs >= 1 ? `sync: late by ${lateMs} ms for the zone's start; joined ${lateMs} ms into the audio` : undefined;
        const reason = joined(speech.fallbackReason ?? job.note, zone?.note, late);
        events.emitEvent({ id: job.id, event: 'started', voice: e.voice, engine: e.engine, provider: e.provider, ttfaMs, firstAudioAt: at, sentence: job.resumeFrom, ...sync, lateMs, reason, ...(speech.sources && { source: e.source ?? 'local' }) });
      }, zone?.startAt);
      stats.record(ttfaMs, result.synthMs, result.audioMs);
      const { engine } = result;
      const resynced = result.resyncs.length ? `sync: ran dry and was put back on the zone's timeline (${result.resyncs.join(', ')} ms)` : undefined;
      events.emitEvent({ id: job.id, event: 'finished', voice: engine.voice, engine: engine.engine, provider: engine.provider, ttfaMs, synthMs: round(result.synthMs), audioMs: round(result.audioMs), ...sync, reason: joined(result.fallbackReason ?? job.note, resynced), ...(speech.sources && { sources: speech.sources }) });
    } catch (err) {
      if (err instanceof SpeechCut) this.afterCut(job, playing.controller.signal.reason as CutReason | undefined, err.sentence, playing.cutNote);
      else {
        log.error({ id: job.id, err: (err as Error).message }, 'speaking failed');
        events.emitEvent({ id: job.id, event: 'failed', reason: `synthesis failed: ${(err as Error).message}`, voice: speech.engine.voice, engine: speech.engine.engine });
      }
    } finally {
      speech.release();
      this.playing = undefined;
    }
  }

  // A cut job goes on later from the sentence that was audible: now (after
  // the message that interrupted it, or once the device is back), or after a
  // restart (shutdown); a stopped one is over.
  private afterCut(job: SayJob, reason: CutReason | undefined, sentence: number, note?: string): void {
    const { journal, queue, log } = this.parts;
    if (reason === 'stop') return this.emit(job, 'dropped', 'stopped by request', sentence);
    job.resumeFrom = sentence;
    journal.progress(job.id, sentence);
    if (reason === 'shutdown') {
      if (journal.durable) log.info({ id: job.id, sentence }, 'kept for the next start');
      else this.emit(job, 'dropped', 'daemon shutting down (journal not writable)', sentence);
      return;
    }
    const why = reason === 'interrupt' ? 'interrupted by a more urgent message' : `audio device failed: ${this.parts.sink.lastError ?? 'device lost'}`;
    this.emit(job, 'interrupted', joined(why, note)!, sentence);
    this.dropped(queue.pushFront(job));
  }

  private dropped(job: SayJob | undefined): void {
    if (job) this.emit(job, 'dropped', `queue full (${this.parts.queue.maxLength}); dropped the oldest ${job.priority}-priority message`);
  }

  private emit(job: SayJob, event: 'dropped' | 'interrupted', reason: string, sentence?: number): void {
    this.parts.events.emitEvent({ id: job.id, event, reason, sentence });
  }
}

function joined(...notes: Array<string | undefined>): string | undefined {
  return notes.filter(Boolean).join('; ') || undefined;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
