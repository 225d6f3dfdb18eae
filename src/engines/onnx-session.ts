import * as ort from 'onnxruntime-node';
import type { ProviderName } from '../config/schema.ts';
import type { ExecutionProviderEntry } from './provider-options.ts';

export interface ProviderAttempt {
  provider: ProviderName;
  error: string;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  // The first provider of the session that opened: it takes every node it can.
  provider: ProviderName;
  // Providers dropped before it, and why each failed.
  skipped: ProviderAttempt[];
}

export interface SessionOptions {
  intraOpThreads?: number;
}

// A missing provider library is an expected outcome here, reported per
// provider below; onnxruntime's own log of it would only alarm.
ort.env.logLevel = 'fatal';

// Opens one session with the providers in order (TensorRT with CUDA behind
// it, so nodes TensorRT rejects still run on the GPU). When the session cannot
// be created, the first provider is dropped and the rest tried: a stock
// onnxruntime-node build, for example, lands on CPU.
export async function openSession(modelPath: string, entries: readonly (ProviderName | ExecutionProviderEntry)[], options: SessionOptions = {}): Promise<OpenedSession> {
  const skipped: ProviderAttempt[] = [];
  const list = entries.map((e) => (typeof e === 'string' ? { name: e } : e));
  for (let i = 0; i < list.length; i++) {
    const providers = list.slice(i);
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: providers as ort.InferenceSession.ExecutionProviderConfig[],
        graphOptimizationLevel: 'all',
        ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
        logSeverityLevel: 3,
      });
      return { session, provider: list[i].name, skipped };
    } catch (err) {
      skipped.push({ provider: list[i].name, error: (err as Error).message.split('\n')[0] });
    }
  }
  const detail = skipped.map((s) => `${s.provider}: ${s.error}`).join('; ');
  throw new Error(`no execution provider could load ${modelPath} (${detail})`);
}
