import type { EspeakEngine } from './espeak.ts';
import type { PreparedSentence, SentenceAudio, SpeechEngine, SynthOptions } from './types.ts';

// The one place where espeak-ng takes over from a neural voice: when the voice
// a message was given is not loaded (it failed to load, or a reload removed
// it), and when it fails while speaking. Either way the message is still
// spoken, and `fallbackReason` says why it sounds different.
export class JobSpeech {
  engine: SpeechEngine;
  fallbackReason?: string;
  onFallback?: (reason: string, engine: SpeechEngine) => void;
  // This job's look-ahead: per job, so jobs speaking at once (the announcement
  // player, Wyoming clients) on one engine never take each other's.
  private next?: { engine: SpeechEngine; prepared: PreparedSentence };

  constructor(
    wanted: SpeechEngine | undefined,
    private readonly espeak: EspeakEngine,
    whyMissing?: string,
  ) {
    this.engine = wanted ?? espeak;
    if (!wanted) this.fallbackReason = whyMissing;
  }

  prepare(sentence: string): void {
    const prepared = this.engine.prepare?.(sentence);
    this.next = prepared && { engine: this.engine, prepared };
  }

  async synthesize(sentence: string, options: SynthOptions): Promise<SentenceAudio> {
    const next = this.next?.engine === this.engine ? this.next.prepared : undefined;
    this.next = undefined;
    try {
      return await this.engine.synthesize(sentence, options, next);
    } catch (err) {
      if (this.engine === this.espeak) throw err;
      // From this sentence on, for the rest of the message.
      this.fallbackReason = `${this.engine.voice} failed: ${(err as Error).message}`;
      this.engine = this.espeak;
      this.onFallback?.(this.fallbackReason, this.engine);
      return this.engine.synthesize(sentence, options);
    }
  }
}
