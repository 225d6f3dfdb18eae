import { fork } from 'node:child_process';
import type { Writable } from 'node:stream';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { forkArgs, workerScript, type ChildEntry } from './entry.ts';
import type { ToChild, ToHost } from './protocol.ts';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  // The child's last words: the end of its stderr, or a worker's uncaught error.
  detail?: string;
}

// One running child process or worker thread, seen the same way by the host.
export interface Transport {
  readonly kind: 'process' | 'worker';
  readonly pid: number | undefined;
  // A byte stream to the child (process only, when asked for).
  readonly stdin: Writable | undefined;
  send(message: ToChild, transfer?: readonly Transferable[]): void;
  onMessage(listener: (message: ToHost) => void): void;
  onExit(listener: (info: ExitInfo) => void): void;
  // Whether the child keeps this process alive.
  ref(): void;
  unref(): void;
  kill(signal?: NodeJS.Signals): void;
  // Asks the child to finish: end of stdin when it has one, else the end of the channel.
  close(): void;
}

export interface ProcessOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: boolean;
  v8Flags?: readonly string[];
}

export function processTransport(entry: ChildEntry, options: ProcessOptions = {}): Transport {
  const { modulePath, execArgv } = forkArgs(entry, options.v8Flags);
  const child = fork(modulePath, [], {
    execArgv,
    env: options.env ?? process.env,
    // Typed arrays (PCM) cross as they are.
    serialization: 'advanced',
    stdio: [options.stdin ? 'pipe' : 'ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-2000);
  });
  // EPIPE after the child died is reported through 'exit'.
  child.stdin?.on('error', () => {});
  const exitListeners: Array<(info: ExitInfo) => void> = [];
  let spawnError: string | undefined;
  child.on('error', (err) => {
    spawnError = err.message;
  });
  child.on('exit', (code, signal) => {
    const detail = spawnError ?? stderr.trim().split('\n').filter(Boolean).pop();
    for (const l of exitListeners) l({ code, signal, ...(detail ? { detail } : {}) });
  });
  return {
    kind: 'process',
    get pid() {
      return child.pid;
    },
    stdin: child.stdin ?? undefined,
    send(message) {
      if (!child.connected) throw new Error('channel closed');
      child.send(message);
    },
    onMessage: (listener) => void child.on('message', listener as (m: unknown) => void),
    onExit: (listener) => void exitListeners.push(listener),
    ref() {
      child.ref();
      child.channel?.ref();
    },
    unref() {
      child.unref();
      child.channel?.unref();
    },
    kill: (signal = 'SIGKILL') => void child.kill(signal),
    close() {
      if (child.stdin) child.stdin.end();
      else if (child.connected) child.disconnect();
    },
  };
}

export function workerTransport(entry: ChildEntry, options: { resourceLimits?: ResourceLimits } = {}): Transport {
  const { script, eval: isEval } = workerScript(entry);
  const worker = new Worker(script, { eval: isEval, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
  let failure: string | undefined;
  const exitListeners: Array<(info: ExitInfo) => void> = [];
  worker.on('error', (err) => {
    failure = err.message;
  });
  worker.on('exit', (code) => {
    for (const l of exitListeners) l({ code, signal: null, ...(failure ? { detail: failure } : {}) });
  });
  return {
    kind: 'worker',
    pid: undefined,
    stdin: undefined,
    send: (message, transfer) => worker.postMessage(message, transfer as never),
    onMessage: (listener) => void worker.on('message', listener),
    onExit: (listener) => void exitListeners.push(listener),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    kill: () => void worker.terminate(),
    close: () => void worker.terminate(),
  };
}
