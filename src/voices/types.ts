// Whose phonemes a voice was trained on: Herald's (its espeak-ng build,
// Herald's normalization) or Piper's (Piper's espeak-ng fork, text as is).
export type Phonemizer = 'herald' | 'piper';

// What Herald knows of an installed voice before loading it. `family` names
// the engine that can run it; Piper is the first, GPT-SoVITS comes later.
export interface VoiceInfo {
  name: string;
  family: 'piper';
  modelPath: string;
  configPath: string;
  sampleRate: number;
  language: string;
  espeakVoice: string;
  phonemizer: Phonemizer;
  numSpeakers: number;
  speakerIdMap: Record<string, number>;
  phonemeIdMap: Record<string, number[]>;
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  sentenceSilenceSeconds: number;
  sizeBytes: number;
}

export interface VoiceProblem {
  name: string;
  path: string;
  reason: string;
}
