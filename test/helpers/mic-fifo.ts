// Real ALSA capture without a microphone: an ALSA config whose capture PCM
// is the `file` plugin (over `null`) reading its samples from a FIFO, fed
// take by take by mic-fifo-writer.py. arecord reads it as it would a sound
// card; each take a test queues is what the next opening of the device hears,
// followed by silence until the recorder lets go. The null slave is not
// paced, so a take is recorded as fast as it can be read.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WRITER = fileURLToPath(new URL('./mic-fifo-writer.py', import.meta.url));
const PYTHON = process.env.HERALD_TEST_PYTHON ?? '/usr/bin/python3';

export interface MicFifo {
  fifo: string;
  // The ALSA config lines defining the capture PCM `pcmName`.
  alsaConfig: string;
  // Queues a take (mono, -1..1, at 22050 Hz as arecord is asked for).
  serve(take: Float32Array): void;
  // Takes a reader has opened so far, and those it has let go of.
  opened(): number;
  gone(): number;
  waitOpened(n: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startMicFifo(dir: string, pcmName = 'mic'): Promise<MicFifo> {
  const fifo = join(dir, 'mic.fifo');
  const child: ChildProcess = spawn(PYTHON, ['-u', WRITER, fifo], { stdio: ['pipe', 'pipe', 'pipe'] });
  let opened = 0;
  let gone = 0;
  let served = 0;
  let stderr = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  child.stderr?.on('data', (d) => (stderr += d));
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`mic-fifo-writer exited (${code}): ${stderr}`)));
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [kind] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (kind === 'READY') resolve();
        else if (kind === 'OPEN') opened++;
        else if (kind === 'GONE') gone++;
      }
    });
  });
  await ready;
  return {
    fifo,
    alsaConfig: `pcm.micnull { type null }
pcm.${pcmName} {
  type file
  slave.pcm "micnull"
  file "/dev/null"
  infile "${fifo}"
  format "raw"
}
`,
    serve(take) {
      const pcm = new Int16Array(take.length);
      for (let i = 0; i < take.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(take[i] * 32767)));
      const path = join(dir, `mic-take-${++served}.raw`);
      writeFileSync(path, pcm);
      child.stdin?.write(`${path}\n`);
    },
    opened: () => opened,
    gone: () => gone,
    waitOpened: async (n, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (opened < n) {
        if (Date.now() > deadline || exited) throw new Error(`the microphone was opened ${opened} time(s) in ${timeoutMs} ms, wanted ${n}: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop: async () => {
      if (exited) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}
