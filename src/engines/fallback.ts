import type { EspeakEngine } from './espeak.ts';
import type { PreparedSentence, RemoteSpeech, SentenceAudio, SpeechEngine, SpeechSource, SynthOptions } from './types.ts';

// A run of sentences spoken from one source ("pool:<member>" or "local").
export interface SourceRun {
  source: string;
  sentences: number;
}

// The one place where a message's speech changes hands: from a synthesis pool
// to the voice here when the pool gives up, and from a neural voice to
// espeak-ng when the voice is not loaded (it failed to load, or a reload
// removed it) or fails while speaking. Either way the message is still spoken
// from the sentence it had reached; `fallbackReason` says why it sounds
// different, `sources` (with a pool) which sentences came from where.
export class JobSpeech {
  engine: SpeechSource;
  fallbackReason?: string;
  onFallback?: (reason: string, engine: SpeechSource) => void;
  readonly sources?: SourceRun[];
  private local: SpeechEngine;
  private pool?: RemoteSpeech;
  private released = false;
  // This job's look-ahead: per job, so jobs speaking at once (the announcement
  // player, Wyoming clients) on one engine never take each other's.
  private next?: { engine: SpeechEngine; prepared: PreparedSentence };

  constructor(
    wanted: SpeechEngine | undefined,
    private readonly espeak: EspeakEngine,
    private readonly whyMissing?: string,
    pool?: RemoteSpeech,
  ) {
    this.local = wanted ?? espeak;
    this.pool = pool;
    this.engine = pool ?? this.local;
    if (pool) this.sources = [];
    // With a pool, said once espeak-ng is heard (the pool may have the voice).
    else if (!wanted) this.fallbackReason = whyMissing;
  }

  prepare(sentence: string): void {
    // The pool makes sentences ahead by itself.
    if (this.pool) return;
    const prepared = this.local.prepare?.(sentence);
    this.next = prepared && { engine: this.local, prepared };
  }

  async synthesize(sentence: string, options: SynthOptions): Promise<SentenceAudio> {
    const audio = await this.make(sentence, options);
    const source = this.engine.source ?? 'local';
    const last = this.sources?.at(-1);
    if (last?.source === source) last.sentences++;
    else this.sources?.push({ source, sentences: 1 });
    return audio;
  }

  // The message is over (spoken, cut or failed).
  release(): void {
    this.released = true;
    this.pool?.release();
  }

  private async make(sentence: string, options: SynthOptions): Promise<SentenceAudio> {
    if (this.pool) {
      try {
        return await this.pool.synthesize(sentence);
      } catch (err) {
        // A cut message whose pool wait ended: nothing more to make.
        if (this.released) throw err;
        // From this sentence on, for the rest of the message.
        this.pool.release();
        this.pool = undefined;
        this.engine = this.local;
        this.onFallback?.(`pool: ${(err as Error).message}`, this.engine);
      }
    }
    if (this.local === this.espeak && this.whyMissing) this.fallbackReason ??= this.whyMissing;
    const next = this.next?.engine === this.local ? this.next.prepared : undefined;
    this.next = undefined;
    try {
      return await this.local.synthesize(sentence, options, next);
    } catch (err) {
      if (this.local === this.espeak) throw err;
      this.fallbackReason = `${this.local.voice} failed: ${(err as Error).message}`;
      this.local = this.espeak;
      this.engine = this.espeak;
      this.onFallback?.(this.fallbackReason, this.engine);
      return this.local.synthesize(sentence, options);
    }
  }
}
