import { EventEmitter } from 'node:events';
import type { Args, EventName, Op, Protocol, Result, ToHost } from './protocol.ts';
import type { ExitInfo, Transport } from './transport.ts';

// The child exited (or was killed) while requests were waiting on it.
export class IpcExitError extends Error {
  constructor(
    readonly host: string,
    readonly info: ExitInfo,
    // True when this side killed it on purpose (restart, stop).
    readonly expected: boolean,
  ) {
    super(`${host} exited (${info.signal ?? `code ${info.code}`})${info.detail ? `: ${info.detail}` : ''}`);
  }
}

export class IpcTimeoutError extends Error {}

export interface CallOptions {
  timeoutMs?: number;
  transfer?: readonly Transferable[];
}

export type Call<P extends Protocol> = <K extends Op<P>>(op: K, args: Args<P, K>, options?: CallOptions) => Promise<Result<P, K>>;

export interface HostOptions<P extends Protocol> {
  // Names the child in errors and logs: 'espeak-ng process', 'onnx worker'.
  name: string;
  spawn: () => Transport;
  // Default per-request limit; none when omitted.
  timeoutMs?: number;
  // How long a child may take to say it is ready.
  startTimeoutMs?: number;
  // After an exit that was not asked for, start again after minMs, doubling
  // up to maxMs while it keeps dying young. Without it, the next call starts it.
  restart?: { minMs: number; maxMs: number };
  // Runs after every start, before any waiting call is sent: the place to
  // rebuild state the child lost when it died.
  init?: (call: Call<P>) => Promise<void>;
  // 'busy': the child holds this process open only while a request is waiting.
  keepAlive?: 'always' | 'busy';
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

// A child that has lived this long counts as healthy: the next death starts the backoff afresh.
const STABLE_MS = 30_000;

// One child process or worker thread behind typed requests: ids, per-request
// timeouts, every waiting request rejected when the child exits, restart with
// backoff and re-initialisation. Events: 'spawn' (transport), 'ready',
// 'exit' (IpcExitError), and each child event by its own name.
export class IpcHost<P extends Protocol> extends EventEmitter {
  private transport?: Transport;
  private starting?: Promise<void>;
  private up = false;
  private upSince = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private restartTimer?: NodeJS.Timeout;
  private restartWaiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  private failures = 0;
  private stopped = false;
  private relaunchNow = false;
  private killedOnPurpose = false;
  private lastExit?: IpcExitError;
  private launching = false;
  private spawned = 0;

  constructor(private readonly options: HostOptions<P>) {
    super();
  }

  get pid(): number | undefined {
    return this.transport?.pid;
  }

  // The current child's stdin, when it has one; writes made while it starts wait in the pipe.
  get stdin() {
    return this.transport?.stdin;
  }

  get running(): boolean {
    return this.up;
  }

  // Counts the children started: a request meant for one child is not sent to its successor.
  get generation(): number {
    return this.spawned;
  }

  get waiting(): number {
    return this.pending.size;
  }

  start(): Promise<void> {
    return this.ready();
  }

  // Resolves once a child is running and initialised: the current one, the
  // one a pending restart will bring, or a new one (also after stop()).
  ready(): Promise<void> {
    if (this.starting) return this.starting;
    if (this.restartTimer) {
      this.restartTimer.ref();
      return new Promise((resolve, reject) => this.restartWaiters.push({ resolve, reject }));
    }
    return this.launch();
  }

  async call<K extends Op<P>>(op: K, args: Args<P, K>, options?: CallOptions): Promise<Result<P, K>> {
    await this.ready();
    return this.callNow(op, args, options);
  }

  // Sends to the child running now, without waiting for one; rejects when none is.
  callNow<K extends Op<P>>(op: K, args: Args<P, K>, options: CallOptions = {}): Promise<Result<P, K>> {
    if (!this.up || !this.transport) return Promise.reject(this.lastExit ?? new Error(`${this.options.name} is not running`));
    return this.send(this.transport, op, args, options) as Promise<Result<P, K>>;
  }

  onEvent<K extends EventName<P>>(name: K, listener: (data: P['events'][K]) => void): this {
    return this.on(`event:${name}`, listener);
  }

  // Kills the child now and starts a fresh one at once, no backoff (a cut).
  restart(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.transport) {
      void this.ready().catch(() => {});
      return;
    }
    this.relaunchNow = true;
    this.killedOnPurpose = true;
    this.transport.kill(signal);
  }

  // Kills the child as a crash would: what follows is the ordinary exit path.
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.transport?.kill(signal);
  }

  // Asks the child to finish, waits up to graceMs, then kills it. No restart follows.
  async stop(graceMs = 2000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    for (const w of this.restartWaiters.splice(0)) w.reject(new Error(`${this.options.name} is stopped`));
    const transport = this.transport;
    if (!transport) return;
    this.killedOnPurpose = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => transport.kill('SIGKILL'), graceMs);
      this.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      transport.close();
    });
  }

  private launch(): Promise<void> {
    const transport = this.options.spawn();
    this.transport = transport;
    this.spawned++;
    this.stopped = false;
    this.up = false;
    this.upSince = 0;
    this.killedOnPurpose = false;
    // Held open while it starts: a caller is usually waiting for it.
    this.launching = true;
    this.updateRef();
    let handshake!: { resolve: () => void; reject: (err: Error) => void };
    const ready = new Promise<void>((resolve, reject) => {
      handshake = { resolve, reject };
    });
    const startTimeout = this.options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      handshake.reject(new Error(`${this.options.name} did not start within ${startTimeout} ms`));
      transport.kill('SIGKILL');
    }, startTimeout);
    timer.unref();
    transport.onMessage((message) => this.receive(transport, message, handshake.resolve));
    transport.onExit((info) => {
      clearTimeout(timer);
      const err = this.exited(transport, info);
      handshake.reject(err);
    });
    this.emit('spawn', transport);
    const started = ready.then(async () => {
      clearTimeout(timer);
      const init = this.options.init;
      if (init) {
        await init((op, args, options) => this.send(transport, op, args, options ?? {}) as never);
      }
      if (this.transport !== transport) throw this.lastExit ?? new Error(`${this.options.name} exited while starting`);
      this.up = true;
      this.upSince = Date.now();
      this.emit('ready');
    });
    this.starting = started;
    started.then(
      () => {
        this.launching = false;
        this.updateRef();
      },
      () => {
        this.launching = false;
        // A child that cannot initialise is no use: the exit path takes over.
        if (this.transport === transport) transport.kill('SIGKILL');
      },
    );
    return started;
  }

  private send(transport: Transport, op: string, args: unknown, options: CallOptions): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry: Pending = { resolve, reject };
      const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
      if (timeoutMs !== undefined) {
        entry.timer = setTimeout(() => {
          this.settle(id);
          reject(new IpcTimeoutError(`${this.options.name}: ${op} got no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.pending.set(id, entry);
      this.updateRef();
      try {
        transport.send({ t: 'req', id, op, args }, options.transfer);
      } catch (err) {
        this.settle(id);
        reject(new Error(`${this.options.name}: could not send ${op}: ${(err as Error).message}`));
      }
    });
  }

  private settle(id: number): Pending | undefined {
    const entry = this.pending.get(id);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    this.updateRef();
    return entry;
  }

  private updateRef(): void {
    if (this.options.keepAlive !== 'busy' || !this.transport) return;
    if (this.pending.size > 0 || this.launching) this.transport.ref();
    else this.transport.unref();
  }

  private receive(transport: Transport, message: ToHost, onReady: () => void): void {
    if (transport !== this.transport) return;
    if (message.t === 'ready') return onReady();
    if (message.t === 'evt') {
      this.emit(`event:${message.name}`, message.data);
      return;
    }
    const entry = this.settle(message.id);
    if (!entry) return;
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.error));
  }

  private exited(transport: Transport, info: ExitInfo): IpcExitError {
    const expected = this.killedOnPurpose || this.stopped;
    const err = new IpcExitError(this.options.name, info, expected);
    if (transport !== this.transport) return err;
    const livedMs = this.up ? Date.now() - this.upSince : 0;
    this.transport = undefined;
    this.starting = undefined;
    this.up = false;
    this.lastExit = err;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(err);
    this.emit('exit', err);
    if (this.stopped) return err;
    if (this.relaunchNow) {
      this.relaunchNow = false;
      this.failures = 0;
      void this.launch().catch(() => {});
      return err;
    }
    const policy = this.options.restart;
    if (!policy) return err;
    if (this.upSince && livedMs >= STABLE_MS) this.failures = 0;
    const delay = Math.min(policy.maxMs, policy.minMs * 2 ** this.failures);
    this.failures++;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      const waiters = this.restartWaiters.splice(0);
      this.launch().then(
        () => waiters.forEach((w) => w.resolve()),
        (e: Error) => waiters.forEach((w) => w.reject(e)),
      );
    }, delay);
    if (this.options.keepAlive === 'busy' && !this.restartWaiters.length) this.restartTimer.unref();
    this.emit('restarting', delay);
    return err;
  }
}
