import { Worker } from 'node:worker_threads';
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

// An onnxruntime session that lives on the onnx thread (onnx-thread.mjs).
export interface ThreadSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  // The first output of the model.
  run(feeds: Record<string, FeedTensor>): Promise<SessionOutput>;
  release(): Promise<void>;
}

export interface OpenedSession {
  session: ThreadSession;
  // The first provider of the session that opened: it takes every node it can.
  provider: ProviderName;
  // Providers dropped before it, and why each failed.
  skipped: ProviderAttempt[];
}

export interface SessionOptions {
  intraOpThreads?: number;
}

interface Reply {
  id: number;
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

const THREAD = new URL('./onnx-thread.mjs', import.meta.url);

// One worker thread for all sessions: sentences are synthesized one at a time
// anyway, and the main thread stays free for MQTT, stop and the watchdog while
// a sentence is computed. The thread only holds the process open while a call
// is outstanding, so a command that is done exits without closing it.
class OnnxThread {
  private worker?: Worker;
  private generation = 0;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

  // `generation` is the thread a session was opened on: after a restart its sessions are gone.
  call(generation: number, message: Record<string, unknown>): Promise<Reply> {
    const worker = this.ensure();
    if (generation !== this.generation) {
      return Promise.reject(new Error('onnx session lost: the onnx thread exited'));
    }
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  get currentGeneration(): number {
    this.ensure();
    return this.generation;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD, { execArgv: [] });
    this.generation++;
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) p.resolve(reply);
      else p.reject(new Error(reply.error));
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', (err) => fail(new Error(`onnx thread failed: ${err.message}`)));
    worker.on('exit', (code) => fail(new Error(`onnx thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

const thread = new OnnxThread();

// Opens one session with the providers in order (TensorRT with CUDA behind
// it, so nodes TensorRT rejects still run on the GPU). When the session cannot
// be created, the first provider is dropped and the rest tried: a stock
// onnxruntime-node build, for example, lands on CPU.
export async function openSession(modelPath: string, entries: readonly (ProviderName | ExecutionProviderEntry)[], options: SessionOptions = {}): Promise<OpenedSession> {
  const list = entries.map((e) => (typeof e === 'string' ? { name: e } : e));
  const generation = thread.currentGeneration;
  const reply = await thread.call(generation, { op: 'open', modelPath, entries: list, options });
  const id = reply.session as number;
  const session: ThreadSession = {
    inputNames: reply.inputNames as string[],
    outputNames: reply.outputNames as string[],
    async run(feeds) {
      const r = await thread.call(generation, { op: 'run', session: id, feeds });
      return { data: r.data as Float32Array, dims: r.dims as number[] };
    },
    async release() {
      await thread.call(generation, { op: 'release', session: id }).catch(() => {});
    },
  };
  return { session, provider: reply.provider as ProviderName, skipped: reply.skipped as ProviderAttempt[] };
}
