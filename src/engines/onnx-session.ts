import type { ProviderName } from '../config/schema.ts';
import { siblingEntry } from '../ipc/entry.ts';
import { IpcExitError, IpcHost, type Call } from '../ipc/host.ts';
import { workerTransport } from '../ipc/transport.ts';
import type { FeedTensor, OnnxProtocol, OpenArgs, ProviderAttempt, SessionOptions, SessionOutput } from './onnx-protocol.ts';
import type { ExecutionProviderEntry } from './provider-options.ts';
import { RunLanes, type RunLane } from './run-lanes.ts';

export type { FeedTensor, ProviderAttempt, SessionOptions, SessionOutput };

// An onnxruntime session that lives on the onnx worker (onnx-worker.ts).
export interface ThreadSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  // The first output of the model; `lane` orders it among waiting runs (run-lanes.ts).
  run(feeds: Record<string, FeedTensor>, lane?: RunLane): Promise<SessionOutput>;
  release(): Promise<void>;
}

export interface OpenedSession {
  session: ThreadSession;
  // The first provider of the session that opened: it takes every node it can.
  provider: ProviderName;
  // Providers dropped before it, and why each failed.
  skipped: ProviderAttempt[];
}

// What a session needs to be opened again on a fresh worker, and its id on the current one.
interface Handle {
  spec: OpenArgs;
  remote: number;
  // Why it could not be reopened after a restart.
  lost?: string;
}

const open = new Set<Handle>();

// After the worker died, every session still open is opened again with what
// it was opened with; one that fails stays broken with the reason, the others work.
async function reopen(call: Call<OnnxProtocol>): Promise<void> {
  for (const handle of open) {
    try {
      handle.remote = (await call('open', handle.spec)).session;
      handle.lost = undefined;
    } catch (err) {
      handle.lost = (err as Error).message;
    }
  }
}

// One worker for all sessions: sentences are synthesized one at a time
// anyway, and the main thread stays free for MQTT, stop and the watchdog while
// a sentence is computed. The worker only holds the process open while a call
// is outstanding, so a command that is done exits without closing it.
const worker = new IpcHost<OnnxProtocol>({
  name: 'onnx worker',
  spawn: () => workerTransport(siblingEntry(import.meta.url, 'onnx-worker')),
  // No request timeout: building a TensorRT engine on first open takes minutes.
  restart: { minMs: 100, maxMs: 10_000 },
  init: reopen,
  keepAlive: 'busy',
});

// Every session's runs, whichever voice: they share the one worker.
const lanes = new RunLanes();

// Runs to go until the armed kill (0: none armed).
let killAtRun = 0;

// Test seam: ends the worker as a crash would, now, or with duringRun: n
// right after the n-th run from now has been handed to it.
export async function killOnnxWorker(options: { duringRun?: number } = {}): Promise<void> {
  if (options.duringRun) {
    killAtRun = options.duringRun;
    return;
  }
  if (!worker.running) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill();
  await exited;
}

// Opens one session with the providers in order (TensorRT with CUDA behind
// it, so nodes TensorRT rejects still run on the GPU). When the session cannot
// be created, the first provider is dropped and the rest tried: a stock
// onnxruntime-node build, for example, lands on CPU.
export async function openSession(modelPath: string, entries: readonly (ProviderName | ExecutionProviderEntry)[], options: SessionOptions = {}): Promise<OpenedSession> {
  const spec: OpenArgs = { modelPath, entries: entries.map((e) => (typeof e === 'string' ? { name: e } : e)), options };
  const reply = await worker.call('open', spec);
  const handle: Handle = { spec, remote: reply.session };
  open.add(handle);
  let released = false;
  const session: ThreadSession = {
    inputNames: reply.inputNames,
    outputNames: reply.outputNames,
    run(feeds, lane = 'foreground') {
      return lanes.run(lane, async () => {
        if (released) throw new Error(`onnx session for ${modelPath} was released`);
        await worker.ready();
        if (handle.lost) throw new Error(`onnx session for ${modelPath} could not be reopened after the worker restarted: ${handle.lost}`);
        const result = worker.callNow('run', { session: handle.remote, feeds });
        if (killAtRun && --killAtRun === 0) worker.kill();
        try {
          return await result;
        } catch (err) {
          if (err instanceof IpcExitError) throw new Error(`the onnx worker died while running ${modelPath} (${err.message}); it restarts and reopens its sessions`);
          throw err;
        }
      });
    },
    async release() {
      if (released) return;
      released = true;
      open.delete(handle);
      if (worker.running) await worker.callNow('release', { session: handle.remote }).catch(() => {});
    },
  };
  return { session, provider: reply.provider, skipped: reply.skipped };
}

// Asks the installed binding, on the worker, whether a provider opens at all.
export function probeProvider(provider: ProviderName): Promise<{ ok: boolean; error?: string }> {
  return worker.call('probe', { provider });
}

export function onnxRuntimeVersion(): Promise<string> {
  return worker.call('version', {});
}
