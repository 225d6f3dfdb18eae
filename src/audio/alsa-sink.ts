import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.ts';
import { encodeFrame, encodeMark, FRAME_PCM } from './alsa-frames.mjs';
import { AudioDropped, type AudioSink } from './sink.ts';

const CHILD = fileURLToPath(new URL('./alsa-sink-child.mjs', import.meta.url));

interface PendingMark {
  resolve: () => void;
  reject: (err: Error) => void;
}

export interface AlsaSinkOptions {
  device: string;
  sampleRate: number;
  retrySeconds: number;
  log?: Logger;
}

// Plays through ALSA via a child process (see alsa-sink-child.mjs). The child
// is restarted after it dies, every retrySeconds until the device opens; the
// sink says so through `ok` and the 'state' event.
export class AlsaSink extends EventEmitter implements AudioSink {
  readonly sampleRate: number;
  ok = false;
  lastError: string | undefined;
  // Last time the child took audio or confirmed a mark: the watchdog's view of the audio path.
  lastProgressAt = Date.now();
  private child?: ChildProcess;
  private pending = new Map<number, PendingMark>();
  private nextMark = 1;
  private writing = 0;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  private readyWaiters = new Set<() => void>();

  constructor(private readonly options: AlsaSinkOptions) {
    super();
    this.sampleRate = options.sampleRate;
  }

  get device(): string {
    return this.options.device;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.child || this.closed) return;
    clearTimeout(this.retryTimer);
    const child = fork(CHILD, [], {
      execArgv: [],
      env: { ...process.env, HERALD_SINK_DEVICE: this.options.device, HERALD_SINK_RATE: String(this.sampleRate) },
      stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr = (stderr + d).slice(-1000);
    });
    // EPIPE after the child died is reported through 'exit'.
    child.stdin?.on('error', () => {});
    child.on('message', (msg: { type: string; id?: number; message?: string }) => {
      this.lastProgressAt = Date.now();
      if (msg.type === 'open') {
        this.setOk(true);
      } else if (msg.type === 'mark' && msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p?.resolve();
      } else if (msg.type === 'error') {
        this.lastError = msg.message;
      }
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      const reason = this.lastError ?? (stderr.trim().split('\n').pop() || `sink exited (${signal ?? code})`);
      for (const p of this.pending.values()) p.reject(new AudioDropped(`audio device failed: ${reason}`));
      this.pending.clear();
      if (this.closed) return;
      if (signal !== 'SIGKILL') {
        this.lastError = reason;
        this.options.log?.warn({ device: this.options.device, reason }, 'ALSA sink stopped; retrying');
        this.setOk(false);
        this.retryTimer = setTimeout(() => this.start(), this.options.retrySeconds * 1000);
      } else {
        this.start();
      }
    });
  }

  private setOk(ok: boolean): void {
    if (ok) this.lastError = undefined;
    if (this.ok === ok) return;
    this.ok = ok;
    this.emit('state', ok);
    if (ok) {
      for (const wake of this.readyWaiters) wake();
      this.readyWaiters.clear();
    }
  }

  waitReady(signal?: AbortSignal): Promise<void> {
    if (this.ok && this.child) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.readyWaiters.delete(wake);
        reject(signal?.reason ?? new Error('aborted'));
      };
      this.readyWaiters.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  // Sent in frames of about 0.1 s, so the child reports progress steadily
  // while a long sentence plays.
  async write(pcm: Int16Array): Promise<void> {
    const frame = Math.max(256, Math.round(this.sampleRate / 10));
    // The stall clock starts when audio starts to wait, not at the last idle moment.
    if (!this.writing && !this.pending.size) this.lastProgressAt = Date.now();
    this.writing++;
    try {
      for (let offset = 0; offset < pcm.length; offset += frame) {
        const stdin = this.child?.stdin;
        if (!stdin || !this.child?.connected) throw new AudioDropped('audio device not available');
        const part = pcm.subarray(offset, offset + frame);
        if (!stdin.write(encodeFrame(FRAME_PCM, new Uint8Array(part.buffer, part.byteOffset, part.byteLength)))) await this.drained(stdin);
      }
    } finally {
      this.writing--;
    }
  }

  private drained(stdin: NodeJS.WritableStream): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const child = this.child;
      const onExit = () => reject(new AudioDropped('audio device failed while playing'));
      child?.once('exit', onExit);
      stdin.once('drain', () => {
        child?.off('exit', onExit);
        resolve();
      });
    });
  }

  // False when audio is waiting to be played and the device has taken none
  // for `stallMs`: a hung device or driver. Idle is healthy.
  healthy(stallMs: number, now = Date.now()): boolean {
    const busy = this.writing > 0 || this.pending.size > 0;
    return !busy || now - this.lastProgressAt < stallMs;
  }

  mark(): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin) return Promise.reject(new AudioDropped('audio device not available'));
    const id = this.nextMark++;
    if (!this.pending.size && !this.writing) this.lastProgressAt = Date.now();
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      stdin.write(encodeMark(id));
    });
  }

  // Killing the child drops what sits in the pipe and in ALSA's buffer at once;
  // a fresh child opens the device again for what comes next.
  cut(): void {
    const child = this.child;
    if (!child) return;
    for (const p of this.pending.values()) p.reject(new AudioDropped());
    this.pending.clear();
    child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin?.end();
    });
  }
}
