import { z } from 'zod';

// What `herald enroll` and the daemon say to the adaptation process
// (scripts/train-voice/adapt.py, Python + PyTorch), over the typed IPC layer
// as JSON lines on its stdin and stdout (src/ipc/transport.ts, stdioTransport).

export interface AdaptTake {
  // A 22050 Hz mono 16-bit WAV, already checked and trimmed by the caller.
  wav: string;
  // Piper ids of the transcript, from Herald's own phonemizer (^ _ (p _)* $).
  ids: number[];
  // Highest frequency the recording holds (half its original sample rate): the
  // loss ignores what lies above, so a phone-band take does not teach silence there.
  bandHz?: number;
}

export interface AdaptArgs {
  // The base model's checkpoint (models/base/*.pt).
  base: string;
  takes: AdaptTake[];
  // How many of the takes (the last ones) are held out for the validation loss.
  heldOut: number;
  // Where to write the voice's .onnx (the caller writes its .onnx.json).
  outOnnx: string;
  // Whichever budget runs out first ends adaptation.
  steps: number;
  minutes: number;
  threads: number;
}

// The Python side is written separately: its answer is checked, not trusted.
export const adaptResultSchema = z.object({
  steps: z.number(),
  seconds: z.number(),
  // Mean training loss over the last steps, and the held-out takes' loss
  // before (base voice with the mean speaker) and after adaptation; null
  // where there was nothing to measure (no steps, no takes held out).
  trainLoss: z.number().nullable(),
  baseValLoss: z.number().nullable(),
  valLoss: z.number().nullable(),
  onnxBytes: z.number(),
});
export type AdaptResult = z.infer<typeof adaptResultSchema>;

export interface AdaptProgress {
  phase: 'features' | 'align' | 'adapt' | 'export';
  step: number;
  steps: number;
  loss?: number;
  etaSeconds?: number;
}

export type AdaptProtocol = {
  requests: {
    adapt: { args: AdaptArgs; result: AdaptResult };
  };
  events: {
    progress: AdaptProgress;
  };
};
