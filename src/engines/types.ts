import type { ProviderName } from '../config/schema.ts';
import type { RunLane } from './run-lanes.ts';

export interface SynthOptions {
  // 0.5 (slow) .. 2 (fast); Piper maps it to length_scale, espeak-ng to words per minute.
  rate: number;
  speakerId?: number;
  // Default 'foreground': the device's own announcements.
  lane?: RunLane;
  // Zone messages: Piper's noise (noise_scale, noise_w) off, so that every
  // device of a zone makes the same samples, sentence lengths included.
  noiseless?: boolean;
}

// Text work for a sentence started ahead of its synthesis (see prepare).
export interface PreparedSentence {
  sentence: string;
  // One string per sentence its phonemizer found (Piper's may find several).
  phonemes: Promise<string[]>;
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
  // `prepared`: what prepare() returned for this sentence, if it did.
  synthesize(sentence: string, options: SynthOptions, prepared?: PreparedSentence): Promise<SentenceAudio>;
  // Starts the text work of a sentence that comes next. The caller keeps the
  // result, so that callers speaking at the same time never take each other's.
  prepare?(sentence: string): PreparedSentence;
  close(): Promise<void>;
}

// Audio made elsewhere for one message (a synthesis pool member, src/pool/):
// its sentences asked for in order, each once.
export interface RemoteSpeech {
  readonly engine: 'piper';
  readonly voice: string;
  readonly provider: ProviderName | 'wasm';
  readonly sampleRate: number;
  readonly sentenceSilenceSeconds: number;
  // Who made the last sentence, for the events ("pool:<member>").
  readonly source: string;
  synthesize(sentence: string): Promise<SentenceAudio>;
  // The message is over here, however it ended.
  release(): void;
}

// What speaks a message's sentences now: a voice here or a remote one.
export type SpeechSource = Pick<SpeechEngine, 'engine' | 'voice' | 'provider' | 'sampleRate' | 'sentenceSilenceSeconds'> & { readonly source?: string };
