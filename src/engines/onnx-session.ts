import * as ort from 'onnxruntime-node';
import type { ProviderName } from '../config/schema.ts';

export interface ProviderAttempt {
  provider: ProviderName;
  error: string;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: ProviderName;
  // Providers tried before the one that worked, and why each failed.
  skipped: ProviderAttempt[];
}

export interface SessionOptions {
  intraOpThreads?: number;
  // Extra per-provider options (TensorRT/CUDA); absent means the binding's defaults.
  providerOptions?: Partial<Record<ProviderName, Record<string, unknown>>>;
}

// Tries each execution provider in the configured order and keeps the first
// session that can be created; a stock onnxruntime-node build, for example,
// has no TensorRT or CUDA and so lands on CPU.
// A missing provider library is an expected outcome here, reported per
// provider below; onnxruntime's own log of it would only alarm.
ort.env.logLevel = 'fatal';

export async function openSession(modelPath: string, providers: readonly ProviderName[], options: SessionOptions = {}): Promise<OpenedSession> {
  const skipped: ProviderAttempt[] = [];
  for (const provider of providers) {
    try {
      const ep = { name: provider, ...(options.providerOptions?.[provider] ?? {}) } as ort.InferenceSession.ExecutionProviderConfig;
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: [ep],
        graphOptimizationLevel: 'all',
        ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
        logSeverityLevel: 3,
      });
      return { session, provider, skipped };
    } catch (err) {
      skipped.push({ provider, error: (err as Error).message.split('\n')[0] });
    }
  }
  const detail = skipped.map((s) => `${s.provider}: ${s.error}`).join('; ');
  throw new Error(`no execution provider could load ${modelPath} (${detail})`);
}
