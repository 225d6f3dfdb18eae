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

// One accepted `say` message on its way to the speaker.
export interface SayJob extends SayRequest {
  receivedAt: number;
  expiresAt: number;
  // Sentence to start from: set when the job was interrupted and comes back.
  resumeFrom: number;
  source: string;
  // Something about the request worth telling in its events (a parameter ignored).
  note?: string;
}

export function priorityRank(p: Priority): number {
  return PRIORITIES.indexOf(p);
}
