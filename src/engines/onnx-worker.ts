// The worker thread that owns every onnxruntime session (see onnx-session.ts),
// and the only place in Herald that loads onnxruntime-node: the binding and
// its memory exist once. onnxruntime-node's session.run computes on the
// calling thread, so on the daemon's main thread one sentence's inference
// would hold up MQTT, stop and interrupt handling and the watchdog.
import * as ort from 'onnxruntime-node';
import { serve, Transfer } from '../ipc/serve.ts';
import type { OnnxProtocol, OpenArgs, Opened, ProviderAttempt } from './onnx-protocol.ts';

// A missing provider library is an expected outcome, reported per provider by
// the caller; onnxruntime's own log of it would only alarm.
ort.env.logLevel = 'fatal';

// A one-node ONNX model (Identity, float[1]), small enough to keep inline: it
// asks the installed binding whether a provider works at all, with no voice installed.
const PROBE_MODEL = Buffer.from('CAg6OwoQCgF4EgF5IghJZGVudGl0eRIFcHJvYmVaDwoBeBIKCggIARIECgIIAWIPCgF5EgoKCAgBEgQKAggBQgQKABAN', 'base64');

const sessions = new Map<number, ort.InferenceSession>();
let nextSession = 1;

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

// Providers in order; when the session cannot be created, the first is dropped
// and the rest tried (a stock build lands on CPU).
async function open({ modelPath, entries, options }: OpenArgs): Promise<Opened> {
  const skipped: ProviderAttempt[] = [];
  for (let i = 0; i < entries.length; i++) {
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: entries.slice(i) as ort.InferenceSession.ExecutionProviderConfig[],
        graphOptimizationLevel: 'all',
        ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
        logSeverityLevel: 3,
      });
      const id = nextSession++;
      sessions.set(id, session);
      return { session: id, provider: entries[i].name, skipped, inputNames: [...session.inputNames], outputNames: [...session.outputNames] };
    } catch (err) {
      skipped.push({ provider: entries[i].name, error: firstLine(err) });
    }
  }
  const detail = skipped.map((s) => `${s.provider}: ${s.error}`).join('; ');
  throw new Error(`no execution provider could load ${modelPath} (${detail})`);
}

function session(id: number): ort.InferenceSession {
  const s = sessions.get(id);
  if (!s) throw new Error(`onnx session ${id} is closed`);
  return s;
}

serve<OnnxProtocol>({
  open,
  async run({ session: id, feeds }) {
    const s = session(id);
    const tensors: Record<string, ort.Tensor> = {};
    for (const [name, f] of Object.entries(feeds)) tensors[name] = new ort.Tensor(f.type, f.data, f.dims);
    const result = await s.run(tensors);
    const out = result[s.outputNames[0]];
    // A copy of our own, so it can be handed to the main thread without copying again.
    const data = Float32Array.from(out.data as Float32Array);
    return new Transfer({ data, dims: out.dims }, [data.buffer]);
  },
  async release({ session: id }) {
    const s = sessions.get(id);
    sessions.delete(id);
    if (s) await s.release();
    return null;
  },
  async probe({ provider }) {
    try {
      const s = await ort.InferenceSession.create(new Uint8Array(PROBE_MODEL), { executionProviders: [provider], logSeverityLevel: 4 });
      await s.run({ x: new ort.Tensor('float32', Float32Array.from([1]), [1]) });
      await s.release();
      return { ok: true };
    } catch (err) {
      return { ok: false, error: firstLine(err) };
    }
  },
  version: () => ort.env.versions.node ?? ort.env.versions.common ?? 'unknown',
});
