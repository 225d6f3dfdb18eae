import { captureTake, type CaptureEnd } from './capture-take.ts';
import { checkTake, type TakeCheck } from './take-checks.ts';
import { TAKE_SAMPLE_RATE } from './wav-read.ts';

export interface PromptTake {
  // Mono at the device's rate (kept as recorded) and at TAKE_SAMPLE_RATE.
  source: Float32Array;
  sourceRate: number;
  mono: Float32Array;
  end: CaptureEnd;
  // The same checks a take of `herald enroll --from` gets.
  check: TakeCheck;
}

export interface RecordPromptOptions {
  device: string;
  // The rate the capture device is opened at (ALSA's plug layer converts).
  rate?: number;
  signal?: AbortSignal;
  onLevel?: (dbfs: number) => void;
  // Set to a function that ends the take early, keeping it (Enter).
  onStopper?: (stop: () => void) => void;
}

// One reading of one prompt: recorded until the speaker falls silent, then checked.
export async function recordPrompt(transcript: string, options: RecordPromptOptions): Promise<PromptTake> {
  const handle = captureTake({ device: options.device, rate: options.rate ?? TAKE_SAMPLE_RATE, outRate: TAKE_SAMPLE_RATE, signal: options.signal, onLevel: options.onLevel });
  options.onStopper?.(handle.stop);
  const take = await handle.result;
  const check = checkTake([take.source], take.mono, TAKE_SAMPLE_RATE, transcript);
  return { ...take, check };
}

// A take's problems in one line, for a person: "too-quiet (speech at -52.1 dBFS …)".
export function describeProblems(check: TakeCheck): string {
  return check.problems.map((p) => `${p.code} (${p.detail})`).join(', ');
}
