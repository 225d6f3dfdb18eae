import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.ts';

const CHILD = fileURLToPath(new URL('./espeak-child.mjs', import.meta.url));

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export interface EspeakAudio {
  samples: Int16Array;
  sampleRate: number;
}

// One long-lived espeak-ng process shared by the phonemizer and the fallback
// engine. It is started on first use and again after it dies; requests that
// were in flight when it died are rejected, never left hanging.
export class EspeakHost {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly log?: Logger) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): Promise<void> {
    if (this.ready) return this.ready;
    this.ready = new Promise<void>((resolve, reject) => {
      const child = fork(CHILD, [], {
        execArgv: [],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      this.child = child;
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr = (stderr + d).slice(-2000);
      });
      child.on('message', (msg: { id: number; ok: boolean; result?: unknown; error?: string }) => {
        if (msg.id === 0) return resolve();
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new Error(msg.error));
      });
      child.on('exit', (code, signal) => {
        const err = new Error(`espeak-ng process exited (${signal ?? code})${stderr ? `: ${stderr.trim()}` : ''}`);
        if (this.child === child) this.log?.warn({ code, signal }, 'espeak-ng process exited');
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        reject(err);
      });
      child.on('error', reject);
    });
    return this.ready;
  }

  private async call<T>(op: string, args: Record<string, unknown>): Promise<T> {
    await this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child?.send({ id, op, ...args });
    });
  }

  // espeak-ng's IPA for text without clause punctuation: phonemes separated
  // by '_', words by ' ', clauses by ' | '.
  rawPhonemes(voice: string, text: string): Promise<string> {
    return this.call<string>('phonemes', { voice, text });
  }

  synthesize(voice: string, text: string, rate = 1): Promise<EspeakAudio> {
    return this.call<EspeakAudio>('synth', { voice, text, rate });
  }

  voices(): Promise<string[]> {
    return this.call<string[]>('voices', {});
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
    this.ready = undefined;
  }
}
