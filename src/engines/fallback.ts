import type { EspeakEngine } from './espeak.ts';
import type { SentenceAudio, SpeechEngine, SynthOptions } from './types.ts';

// The one place where espeak-ng takes over from a neural voice: when the voice
// a message was given is not loaded (it failed to load, or a reload removed
// it), and when it fails while speaking. Either way the message is still
// spoken, and `fallbackReason` says why it sounds different.
export class JobSpeech {
  engine: SpeechEngine;
  fallbackReason?: string;
  onFallback?: (reason: string, engine: SpeechEngine) => void;

  constructor(
    wanted: SpeechEngine | undefined,
    private readonly espeak: EspeakEngine,
    whyMissing?: string,
  ) {
    this.engine = wanted ?? espeak;
    if (!wanted) this.fallbackReason = whyMissing;
  }

  prepare(sentence: string): void {
    this.engine.prepare?.(sentence);
  }

  async synthesize(sentence: string, options: SynthOptions): Promise<SentenceAudio> {
    try {
      return await this.engine.synthesize(sentence, options);
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
