// Real ALSA output captured without a sound card: the default PCM is ALSA's
// `file` plugin (over `null`) writing into a FIFO, drained by
// pcm-fifo-reader.py into a capture file. The reader reopens the FIFO after
// each writer leaves (the sink probes the device at start and is restarted
// on every interrupt), so one capture file holds everything ever played.
// With `bytesPerSecond` set, the reader drains at that rate through a 4 KB
// pipe, and playback takes real time, as on a sound card.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAlsaFileConfig } from './alsa.ts';

const READER = fileURLToPath(new URL('./pcm-fifo-reader.py', import.meta.url));
const PYTHON = process.env.HERALD_TEST_PYTHON ?? '/usr/bin/python3';

export interface PcmCapture {
  // For ALSA_CONFIG_PATH.
  configPath: string;
  fifo: string;
  capturePath: string;
  // The reader process: SIGSTOP it to make the device hang.
  pid: number;
  // Writers (device opens) seen so far, with where their bytes start.
  opens: Array<{ n: number; offset: number }>;
  // Paced only: where playback restarted after the device ran dry (byte
  // offset) and when (epoch ms, fractional); see pcm-fifo-reader.py.
  bursts: Array<{ offset: number; at: number }>;
  // When the byte at `offset` was played, by the burst it belongs to.
  playedAt(offset: number): number | undefined;
  bytes(): Buffer;
  samples(): Int16Array;
  // Resolves once the capture holds at least n bytes.
  waitForBytes(n: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface PcmCaptureOptions {
  // 0 or absent: drain as fast as ALSA writes.
  bytesPerSecond?: number;
  pipeSize?: number;
  // Appended to the ALSA config (e.g. a capture PCM).
  alsaExtra?: string;
  // Run the reader under SCHED_FIFO (root only): a sound card's clock does
  // not wait for a busy scheduler, and a zone's start skew is measured
  // against it to the millisecond.
  realtime?: boolean;
}

export async function startPcmCapture(dir: string, options: PcmCaptureOptions = {}): Promise<PcmCapture> {
  const fifo = join(dir, 'pcm.fifo');
  const capturePath = join(dir, 'capture.raw');
  const { configPath } = writeAlsaFileConfig(dir, fifo, options.alsaExtra);
  const reader = [PYTHON, '-u', READER, fifo, capturePath, String(options.bytesPerSecond ?? 0), String(options.pipeSize ?? 4096)];
  const command = options.realtime && process.getuid?.() === 0 ? ['chrt', '-f', '20', ...reader] : reader;
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const opens: Array<{ n: number; offset: number }> = [];
  const bursts: Array<{ offset: number; at: number }> = [];
  let stderr = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  child.stderr?.on('data', (d) => (stderr += d));
  let buffer = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`pcm-fifo-reader exited (${code}): ${stderr}`)));
    child.once('error', reject);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [kind, a, b] = line.split(' ');
        if (kind === 'READY') resolve();
        else if (kind === 'OPEN') opens.push({ n: Number(a), offset: Number(b) });
        else if (kind === 'BURST') bursts.push({ offset: Number(a), at: Number(BigInt(b) / 1000n) / 1000 });
        else if (kind === 'WARN') stderr += `${line}\n`;
      }
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exit;
    clearTimeout(timer);
  };
  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  const bytes = () => (existsSync(capturePath) ? readFileSync(capturePath) : Buffer.alloc(0));
  return {
    configPath,
    fifo,
    capturePath,
    pid: child.pid as number,
    opens,
    bursts,
    playedAt: (offset) => {
      let burst: { offset: number; at: number } | undefined;
      for (const b of bursts) if (b.offset <= offset) burst = b;
      return burst && options.bytesPerSecond ? burst.at + ((offset - burst.offset) / options.bytesPerSecond) * 1000 : undefined;
    },
    bytes,
    samples: () => {
      const b = bytes();
      const copy = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
      return new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2);
    },
    waitForBytes: async (n, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (bytes().length < n) {
        if (Date.now() > deadline) throw new Error(`capture holds ${bytes().length} bytes after ${timeoutMs} ms, wanted ${n}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop,
  };
}
