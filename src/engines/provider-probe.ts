import * as ort from 'onnxruntime-node';
import type { ProviderName } from '../config/schema.ts';

// The onnxruntime environment is one per process and takes its log level from
// whichever thread creates the first session; a missing provider library is
// an expected outcome here, and onnxruntime's own log of it would only alarm.
ort.env.logLevel = 'fatal';

// A one-node ONNX model (Identity, float[1]), small enough to keep inline: it
// asks the installed onnxruntime binding whether a provider works at all,
// with no voice installed.
const PROBE_MODEL = Buffer.from('CAg6OwoQCgF4EgF5IghJZGVudGl0eRIFcHJvYmVaDwoBeBIKCggIARIECgIIAWIPCgF5EgoKCAgBEgQKAggBQgQKABAN', 'base64');

export async function probeProvider(provider: ProviderName): Promise<{ ok: boolean; error?: string }> {
  try {
    const session = await ort.InferenceSession.create(new Uint8Array(PROBE_MODEL), { executionProviders: [provider], logSeverityLevel: 4 });
    await session.run({ x: new ort.Tensor('float32', Float32Array.from([1]), [1]) });
    await session.release();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0] };
  }
}

export async function onnxRuntimeVersion(): Promise<string> {
  return ort.env.versions.node ?? ort.env.versions.common ?? 'unknown';
}
