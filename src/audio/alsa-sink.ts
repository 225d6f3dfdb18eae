import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { siblingEntry } from '../ipc/entry.ts';
import { IpcExitError, IpcHost } from '../ipc/host.ts';
import { processTransport } from '../ipc/transport.ts';
import { CHILD_V8_FLAGS } from '../ipc/v8-flags.ts';
import type { Logger } from '../log.ts';
import type { AlsaProtocol } from './alsa-protocol.ts';
import { AudioDropped, type AudioSink } from './sink.ts';

const CHILD = siblingEntry(import.meta.url, 'alsa-sink-child');

export interface AlsaSinkOptions {
  device: string;
  sampleRate: number;
  retrySeconds: number;
  // From ALSA to the air, beyond what the sink can see (audio.latencyMs).
  latencyMs?: number;
  log?: Logger;
}

// Plays through ALSA via a child process (see alsa-sink-child.ts). The child
// is restarted after it dies, every retrySeconds until the device opens; the
// sink says so through `ok` and the 'state' event.
export class AlsaSink extends EventEmitter implements AudioSink {
  readonly sampleRate: number;
  ok = false;
  lastError: string | undefined;
  // Last time the child took audio or confirmed a mark: the watchdog's view of the audio path.
  lastProgressAt = Date.now();
  private readonly host: IpcHost<AlsaProtocol>;
  // Bytes written to the current child's stdin: where a mark points.
  private written = 0;
  private writing = 0;
  private marking = 0;
  private closed = false;
  private readyWaiters = new Set<() => void>();
  // Anchors sent to the current child, by stdin offset, waiting for `anchored`.
  private anchors = new Map<number, { resolve: (shiftMs: number) => void; reject: (err: Error) => void }>();

  constructor(private readonly options: AlsaSinkOptions) {
    super();
    this.sampleRate = options.sampleRate;
    const retryMs = options.retrySeconds * 1000;
    this.host = new IpcHost<AlsaProtocol>({
      name: 'ALSA sink',
      spawn: () =>
        processTransport(CHILD, {
          stdin: true,
          v8Flags: CHILD_V8_FLAGS,
          env: { ...process.env, HERALD_SINK_DEVICE: options.device, HERALD_SINK_RATE: String(options.sampleRate), HERALD_SINK_LATENCY_MS: String(options.latencyMs ?? 0) },
        }),
      // A missing device is tried again at a steady pace, not with a growing wait.
      restart: { minMs: retryMs, maxMs: retryMs },
    });
    const progress = () => {
      this.lastProgressAt = Date.now();
    };
    this.host.on('spawn', () => {
      this.written = 0;
    });
    // The audio an anchor waited for went with the child.
    this.host.on('exit', () => {
      for (const { reject } of this.anchors.values()) reject(new AudioDropped());
      this.anchors.clear();
    });
    this.host.onEvent('anchored', ({ upTo, shiftMs }) => {
      this.anchors.get(upTo)?.resolve(shiftMs);
      this.anchors.delete(upTo);
    });
    this.host.onEvent('open', () => {
      progress();
      this.setOk(true);
    });
    this.host.onEvent('progress', progress);
    this.host.onEvent('error', ({ message }) => {
      progress();
      this.lastError = message;
    });
    this.host.on('exit', (err: IpcExitError) => {
      // A cut or close: the device itself is fine.
      if (err.expected) return;
      this.lastError = this.lastError ?? err.info.detail ?? err.message;
      this.options.log?.warn({ device: this.options.device, reason: this.lastError }, 'ALSA sink stopped; retrying');
      this.setOk(false);
    });
  }

  get device(): string {
    return this.options.device;
  }

  get pid(): number | undefined {
    return this.host.pid;
  }

  start(): void {
    if (this.closed) return;
    // A child that fails to start is retried by the host; `ok` tells the rest.
    this.host.start().catch(() => {});
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
    if (this.ok && this.host.running) return Promise.resolve();
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

  // Sent in pieces of about 0.1 s, so the child reports progress steadily
  // while a long sentence plays.
  async write(pcm: Int16Array): Promise<void> {
    const frame = Math.max(256, Math.round(this.sampleRate / 10));
    // The stall clock starts when audio starts to wait, not at the last idle moment.
    if (!this.writing && !this.marking) this.lastProgressAt = Date.now();
    this.writing++;
    try {
      for (let offset = 0; offset < pcm.length; offset += frame) {
        const stdin = this.host.stdin;
        if (!stdin) throw new AudioDropped('audio device not available');
        const part = pcm.subarray(offset, offset + frame);
        this.written += part.byteLength;
        if (!stdin.write(new Uint8Array(part.buffer, part.byteOffset, part.byteLength))) await this.drained(stdin);
      }
    } finally {
      this.writing--;
    }
  }

  private drained(stdin: Writable): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onExit = () => {
        stdin.off('drain', onDrain);
        reject(new AudioDropped('audio device failed while playing'));
      };
      const onDrain = () => {
        this.host.off('exit', onExit);
        resolve();
      };
      this.host.once('exit', onExit);
      stdin.once('drain', onDrain);
    });
  }

  // False when audio is waiting to be played and the device has taken none
  // for `stallMs`: a hung device or driver. Idle is healthy.
  healthy(stallMs: number, now = Date.now()): boolean {
    const busy = this.writing > 0 || this.marking > 0;
    return !busy || now - this.lastProgressAt < stallMs;
  }

  async mark(): Promise<void> {
    if (!this.host.stdin) throw new AudioDropped('audio device not available');
    if (!this.marking && !this.writing) this.lastProgressAt = Date.now();
    const upTo = this.written;
    const generation = this.host.generation;
    this.marking++;
    try {
      // Just after a cut the fresh child may still be starting; the audio waits in its pipe.
      if (!this.host.running) await this.host.ready();
      // The child it was meant for is gone, and its audio with it.
      if (this.host.generation !== generation) throw new AudioDropped();
      const { dropped } = await this.host.callNow('mark', { upTo });
      this.lastProgressAt = Date.now();
      if (dropped) throw new AudioDropped();
    } catch (err) {
      if (err instanceof AudioDropped) throw err;
      if (err instanceof IpcExitError && err.expected) throw new AudioDropped();
      throw new AudioDropped(`audio device failed: ${this.lastError ?? (err as Error).message}`);
    } finally {
      this.marking--;
    }
  }

  // What is written next belongs to a zone timeline: its first sample is to
  // be heard at `startAt` (wall clock, epoch ms; null ends the timeline). The
  // child has it when this returns, before that audio; `shiftMs` settles when
  // the audio reaches it (see AlsaProtocol's anchor).
  async anchor(startAt: number | null, first: boolean): Promise<{ shiftMs: Promise<number> }> {
    if (!this.host.stdin) throw new AudioDropped('audio device not available');
    const upTo = this.written;
    const generation = this.host.generation;
    if (!this.host.running) await this.host.ready();
    if (this.host.generation !== generation) throw new AudioDropped();
    // The end of a timeline moves nothing: the child does not answer it.
    const shiftMs = startAt === null ? Promise.resolve(0) : new Promise<number>((resolve, reject) => this.anchors.set(upTo, { resolve, reject }));
    // A cut rejects it while nobody may be waiting.
    shiftMs.catch(() => {});
    try {
      await this.host.callNow('anchor', { upTo, startAt, first });
    } catch (err) {
      throw new AudioDropped(`audio device failed: ${this.lastError ?? (err as Error).message}`);
    }
    return { shiftMs };
  }

  // A zone cut at `at` (wall clock) on the timeline playing now, made in the
  // child in samples (see AlsaProtocol's cutAt). False when it cannot be:
  // the caller cuts at once instead.
  async cutAt(at: number): Promise<boolean> {
    if (!this.host.running) return false;
    try {
      return (await this.host.callNow('cutAt', { at })).inSync;
    } catch {
      return false;
    }
  }

  // Killing the child drops what sits in the pipe and in ALSA's buffer at once;
  // a fresh child opens the device again for what comes next.
  cut(): void {
    if (this.closed || !this.host.stdin) return;
    this.host.restart('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    // The end of stdin lets the child play what it has and exit.
    await this.host.stop(3000);
  }
}
