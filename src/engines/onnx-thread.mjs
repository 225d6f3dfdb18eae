// Worker thread that owns every onnxruntime session (see onnx-session.ts).
// onnxruntime-node's session.run computes on the calling thread, so on the
// daemon's main thread one sentence's inference would hold up MQTT, stop and
// interrupt handling and the watchdog for as long as it runs. Plain JS, so the
// thread starts without the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

// A missing provider library is an expected outcome, reported per provider by
// the caller; onnxruntime's own log of it would only alarm.
ort.env.logLevel = 'fatal';

const sessions = new Map();
let nextSession = 1;

function firstLine(err) {
  return String(err && err.message ? err.message : err).split('\n')[0];
}

// Providers in order; when the session cannot be created, the first is dropped
// and the rest tried (a stock build lands on CPU).
async function open({ modelPath, entries, options }) {
  const skipped = [];
  for (let i = 0; i < entries.length; i++) {
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: entries.slice(i),
        graphOptimizationLevel: 'all',
        ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
        logSeverityLevel: 3,
      });
      const id = nextSession++;
      sessions.set(id, session);
      return { session: id, provider: entries[i].name, skipped, inputNames: session.inputNames, outputNames: session.outputNames };
    } catch (err) {
      skipped.push({ provider: entries[i].name, error: firstLine(err) });
    }
  }
  const detail = skipped.map((s) => `${s.provider}: ${s.error}`).join('; ');
  throw new Error(`no execution provider could load ${modelPath} (${detail})`);
}

function session(id) {
  const s = sessions.get(id);
  if (!s) throw new Error(`onnx session ${id} is closed`);
  return s;
}

async function run({ session: id, feeds }) {
  const s = session(id);
  const tensors = {};
  for (const [name, f] of Object.entries(feeds)) tensors[name] = new ort.Tensor(f.type, f.data, f.dims);
  const result = await s.run(tensors);
  const out = result[s.outputNames[0]];
  // A copy of our own, so it can be handed to the main thread without copying again.
  const data = Float32Array.from(out.data);
  return { reply: { data, dims: out.dims }, transfer: [data.buffer] };
}

async function release({ session: id }) {
  const s = sessions.get(id);
  sessions.delete(id);
  if (s) await s.release();
  return {};
}

const ops = { open, run, release };

parentPort.on('message', async (msg) => {
  try {
    const out = await ops[msg.op](msg);
    const { reply, transfer } = out && 'reply' in out ? out : { reply: out, transfer: [] };
    parentPort.postMessage({ id: msg.id, ok: true, ...reply }, transfer);
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, error: err && err.message ? err.message : String(err) });
  }
});
