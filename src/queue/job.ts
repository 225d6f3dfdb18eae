export const PRIORITIES = ['emergency', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

// What a `say` message asks for, once parsed and checked. Voice, volume and
// rate left out are the device's defaults, settled at admission.
export interface SayRequest {
  id: string;
  text: string;
  voice?: string;
  lang?: string;
  speaker?: number;
  priority: Priority;
  volume?: number;
  rate?: number;
  interrupt: boolean;
  ttlSeconds?: number;
  // Zone sync (src/zones/): join `zone`'s timeline; start at playAt (epoch ms).
  sync?: boolean;
  zone?: string;
  playAt?: number;
}

// What a message that sets no volume or rate of its own is spoken with.
export interface SpeechDefaults {
  volume: number;
  rate: number;
}

export const PLAIN_DEFAULTS: SpeechDefaults = { volume: 1, rate: 1 };

// What a message (or Home Assistant's numbers) may set them to.
export const VOLUME_RANGE = { min: 0, max: 1 } as const;
export const RATE_RANGE = { min: 0.5, max: 2 } as const;

// One admitted `say` message on its way to the speaker. Voice, language and
// sentences are settled once, at admission; the journal keeps them, so a
// replayed message resumes at the same sentence index it was cut at.
export interface SayJob extends SayRequest {
  voice: string;
  lang: string;
  volume: number;
  rate: number;
  sentences: string[];
  receivedAt: number;
  expiresAt: number;
  // Sentence to start from: set when the job was interrupted and comes back.
  resumeFrom: number;
  // The topic it came in on, or 'cli'.
  receivedOn: string;
  // Something about the request worth telling in its events (a parameter ignored).
  note?: string;
  // The zone whose devices play it in sync (src/zones/), settled at admission.
  syncZone?: string;
}
