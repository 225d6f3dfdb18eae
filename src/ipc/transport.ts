import { fork, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
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

export interface StdioOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

// How long an exited child's stdout may take to deliver its last lines (its
// final result can still sit in the pipe when 'exit' fires).
const STDOUT_DRAIN_MS = 1000;

// A child that is not Node (Python): the same messages as JSON lines, ToChild
// on its stdin and ToHost on its stdout; its stderr is kept for the exit
// detail. A stdout line that is not a message is not obeyed, only remembered
// as a last word in case the child then dies.
export function stdioTransport(command: string, args: readonly string[], options: StdioOptions = {}): Transport {
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stray: string | undefined;
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-2000);
  });
  // EPIPE after the child died is reported through 'exit'.
  child.stdin.on('error', () => {});
  const messageListeners: Array<(message: ToHost) => void> = [];
  const exitListeners: Array<(info: ExitInfo) => void> = [];
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const message = parseToHost(line);
    if (!message) {
      if (line.trim()) stray = line.trim().slice(0, 300);
      return;
    }
    for (const l of messageListeners) l(message);
  });
  const stdoutDone = new Promise<void>((resolve) => lines.once('close', resolve));
  let spawnError: string | undefined;
  let reported = false;
  const report = (code: number | null, signal: NodeJS.Signals | null) => {
    if (reported) return;
    reported = true;
    const detail = spawnError ?? stderr.trim().split('\n').filter(Boolean).pop() ?? stray;
    for (const l of exitListeners) l({ code, signal, ...(detail ? { detail } : {}) });
  };
  child.on('error', (err) => {
    spawnError = `${command}: ${err.message}`;
    // A child that never started emits no 'exit'.
    if (child.pid === undefined) report(null, null);
  });
  child.on('exit', (code, signal) => {
    const timer = setTimeout(() => report(code, signal), STDOUT_DRAIN_MS);
    void stdoutDone.then(() => {
      clearTimeout(timer);
      report(code, signal);
    });
  });
  const pipes = [child.stdin, child.stdout, child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
  return {
    kind: 'process',
    get pid() {
      return child.pid;
    },
    // Its stdin carries the messages: no byte stream besides.
    stdin: undefined,
    send(message) {
      if (!child.stdin.writable || child.exitCode !== null || child.signalCode !== null) throw new Error('channel closed');
      child.stdin.write(`${JSON.stringify(message)}\n`);
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    ref() {
      child.ref();
      for (const p of pipes) p.ref?.();
    },
    unref() {
      child.unref();
      for (const p of pipes) p.unref?.();
    },
    kill: (signal = 'SIGKILL') => void child.kill(signal),
    close: () => void child.stdin.end(),
  };
}

function parseToHost(line: string): ToHost | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const m = value as Record<string, unknown>;
  if (m.t === 'ready') return { t: 'ready' };
  if (m.t === 'evt' && typeof m.name === 'string') return { t: 'evt', name: m.name, data: m.data };
  if (m.t === 'res' && typeof m.id === 'number') {
    return m.ok === true ? { t: 'res', id: m.id, ok: true, result: m.result } : { t: 'res', id: m.id, ok: false, error: typeof m.error === 'string' ? m.error : 'the child reported a failure without a message' };
  }
  return undefined;
}
