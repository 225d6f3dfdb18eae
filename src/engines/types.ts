import type { ProviderName } from '../config/schema.ts';

export interface SynthOptions {
  // 0.5 (slow) .. 2 (fast); Piper maps it to length_scale, espeak-ng to words per minute.
  rate: number;
  speakerId?: number;
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
