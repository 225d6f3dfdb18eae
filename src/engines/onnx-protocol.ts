// What the main thread and the onnx worker say to each other (onnx-session.ts, onnx-worker.ts).
import type { ProviderName } from '../config/schema.ts';
import type { ExecutionProviderEntry } from './provider-options.ts';

export interface ProviderAttempt {
  provider: ProviderName;
  error: string;
}

export interface FeedTensor {
  type: 'int64' | 'float32';
  data: BigInt64Array | Float32Array;
  dims: number[];
}

export interface SessionOutput {
  data: Float32Array;
  dims: readonly number[];
}

export interface SessionOptions {
  intraOpThreads?: number;
}

export interface OpenArgs {
  modelPath: string;
  entries: ExecutionProviderEntry[];
  options: SessionOptions;
}

export interface Opened {
  session: number;
  provider: ProviderName;
  skipped: ProviderAttempt[];
  inputNames: string[];
  outputNames: string[];
}

export type OnnxProtocol = {
  requests: {
    open: { args: OpenArgs; result: Opened };
    // The first output of the model.
    run: { args: { session: number; feeds: Record<string, FeedTensor> }; result: SessionOutput };
    release: { args: { session: number }; result: null };
    // Whether a provider opens a one-node model at all.
    probe: { args: { provider: ProviderName }; result: { ok: boolean; error?: string } };
    version: { args: Record<string, never>; result: string };
  };
  events: Record<string, never>;
};
