export const PRIORITIES = ['emergency', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

// What a `say` message asks for, once parsed and checked.
export interface SayRequest {
  id: string;
  text: string;
  voice?: string;
  lang?: string;
  speaker?: number;
  priority: Priority;
  volume: number;
  rate: number;
  interrupt: boolean;
  ttlSeconds?: number;
}

// One admitted `say` message on its way to the speaker. Voice, language and
// sentences are settled once, at admission; the journal keeps them, so a
// replayed message resumes at the same sentence index it was cut at.
export interface SayJob extends SayRequest {
  voice: string;
  lang: string;
  sentences: string[];
  receivedAt: number;
  expiresAt: number;
  // Sentence to start from: set when the job was interrupted and comes back.
  resumeFrom: number;
  // The topic it came in on, or 'cli'.
  receivedOn: string;
  // Something about the request worth telling in its events (a parameter ignored).
  note?: string;
}
