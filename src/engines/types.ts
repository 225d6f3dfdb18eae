import type { ProviderName } from '../config/schema.ts';

export interface SynthOptions {
  // 0.5 (slow) .. 2 (fast); Piper maps it to length_scale, espeak-ng to words per minute.
  rate: number;
  speakerId?: number;
  // Zone messages: Piper's noise (noise_scale, noise_w) off, so that every
  // device of a zone makes the same samples, sentence lengths included.
  noiseless?: boolean;
}

export interface SentenceAudio {
  samples: Float32Array;
  sampleRate: number;
  // Time spent producing it, for the synthesis figures.
  synthMs: number;
}

// One loaded voice that can speak a sentence of normalized text.
export interface SpeechEngine {
  readonly engine: 'piper' | 'espeak';
  readonly voice: string;
  readonly provider: ProviderName | 'wasm';
  readonly sampleRate: number;
  readonly language: string;
  readonly sentenceSilenceSeconds: number;
  synthesize(sentence: string, options: SynthOptions): Promise<SentenceAudio>;
  // A hint that `sentence` comes next, so its text work can start early.
  prepare?(sentence: string): void;
  close(): Promise<void>;
}
