// A CommonJS package: its named export is reached through the default.
import recorder from 'node-record-lpcm16';
import { AdaptCancelled } from './adapter.ts';
import { FRAME_SECONDS, SILENCE_FLOOR_DBFS, SPEECH_RANGE_DB } from './take-checks.ts';
import { resample } from '../audio/resample.ts';

// A pause this long after speech is the speaker done with the sentence; a
// breath between clauses is shorter.
export const END_SILENCE_SECONDS = 1.2;
// A sentence of the prompt script takes 3–6 s; past this the speaker has
// stopped reading or the room is too loud to tell.
export const MAX_TAKE_SECONDS = 12;

export type CaptureEnd = 'silence' | 'max-length' | 'stopped';

export interface CaptureOptions {
  // An ALSA capture PCM, as arecord's -D takes it.
  device: string;
  // The rate the device is opened at; the take is returned at `outRate`.
  rate: number;
  outRate: number;
  // Called about 50 times a second with the last frame's level (dBFS).
  onLevel?: (dbfs: number) => void;
  // Aborting ends the take at once and rejects with the signal's reason.
  signal?: AbortSignal;
  endSilenceSeconds?: number;
  maxSeconds?: number;
}

export interface CapturedTake {
  // Mono at the device's rate (the clipping check looks at this) and at outRate.
  source: Float32Array;
  sourceRate: number;
  mono: Float32Array;
  end: CaptureEnd;
}

export interface CaptureHandle {
  result: Promise<CapturedTake>;
  // Ends the take now and keeps what was recorded (the speaker pressed Enter).
  stop(): void;
}

// arecord's last words when it fails, kept short for one error line.
const STDERR_KEEP = 500;
// arecord ends within milliseconds of SIGTERM; one that hangs in the driver is killed.
const ARECORD_EXIT_MS = 2000;

// One take from an ALSA capture device through node-record-lpcm16 (arecord,
// 16-bit mono), ended by the speaker falling silent, by the length limit, or
// by stop(). Speech is told from silence as the take checks do (a frame
// within SPEECH_RANGE_DB of the loudest so far, above the floor), so a take
// the recorder ended is one the checks see the same way. Durations are
// counted in samples, not wall time: what was recorded is what counts.
export function captureTake(options: CaptureOptions): CaptureHandle {
  let stopRequested = false;
  let stopNow: (() => void) | undefined;
  const result = new Promise<CapturedTake>((resolve, reject) => {
    options.signal?.throwIfAborted();
    const recording = recorder.record({ recorder: 'arecord', device: options.device, sampleRate: options.rate, channels: 1, audioType: 'raw' });
    const child = recording.process;
    const stream = recording.stream();
    const frame = Math.max(1, Math.round(FRAME_SECONDS * options.rate));
    const endFrames = Math.round((options.endSilenceSeconds ?? END_SILENCE_SECONDS) / FRAME_SECONDS);
    const maxSamples = Math.round((options.maxSeconds ?? MAX_TAKE_SECONDS) * options.rate);
    const chunks: Int16Array[] = [];
    let samples = 0;
    let pending: Buffer = Buffer.alloc(0);
    let frameSum = 0;
    let frameCount = 0;
    let loudest = -Infinity;
    let heardSpeech = false;
    let quietFrames = 0;
    let stderr = '';
    let settled = false;

    // A sound card's capture device is held by one arecord at a time: the
    // take is over only once this arecord has let go of it, or the next
    // take's arecord would find the device busy (or, on a shared PCM, read
    // on from where this one stopped).
    const exited = new Promise<void>((resolve) => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    const finish = (end: CaptureEnd | Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      let take: CapturedTake | undefined;
      if (!(end instanceof Error)) {
        const source = new Float32Array(samples);
        let at = 0;
        for (const c of chunks) for (let i = 0; i < c.length && at < samples; i++) source[at++] = c[i] / 32768;
        take = { source, sourceRate: options.rate, mono: resample(source, options.rate, options.outRate), end };
      }
      let force: NodeJS.Timeout | undefined;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        force = setTimeout(() => child.kill('SIGKILL'), ARECORD_EXIT_MS);
      }
      void exited.then(() => {
        clearTimeout(force);
        if (take) resolve(take);
        else reject(end);
      });
    };
    const onAbort = () => finish(options.signal?.reason instanceof Error ? options.signal.reason : new Error('recording cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stopNow = () => finish('stopped');
    if (stopRequested) stopNow();

    const frameDone = () => {
      const db = frameCount ? 10 * Math.log10(frameSum / frameCount || 1e-20) : -Infinity;
      frameSum = 0;
      frameCount = 0;
      options.onLevel?.(db);
      if (db > loudest) loudest = db;
      const threshold = Math.max(SILENCE_FLOOR_DBFS, loudest - SPEECH_RANGE_DB);
      if (db >= threshold) {
        heardSpeech = true;
        quietFrames = 0;
      } else if (heardSpeech && ++quietFrames >= endFrames) {
        finish('silence');
      }
    };

    stream.on('data', (data: Buffer) => {
      if (settled) return;
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      const whole = pending.length - (pending.length % 2);
      const copy = Buffer.from(pending.subarray(0, whole));
      pending = pending.subarray(whole);
      const pcm = new Int16Array(copy.buffer, copy.byteOffset, Math.min(whole / 2, maxSamples - samples));
      chunks.push(pcm);
      for (let i = 0; i < pcm.length && !settled; i++) {
        const x = pcm[i] / 32768;
        frameSum += x * x;
        if (++frameCount === frame) frameDone();
        samples++;
      }
      if (!settled && samples >= maxSamples) finish('max-length');
    });
    // node-record-lpcm16 reports a non-zero exit as a string on the stream,
    // also when the take was ended here by killing arecord.
    stream.on('error', () => {});
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (err) => finish(new Error(`cannot start arecord: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (settled) return;
      if (code === 0 && samples > 0) return finish('stopped');
      // Ctrl-C on the terminal reaches arecord too, and it may go first.
      if (signal === 'SIGINT') return finish(new AdaptCancelled('interrupted'));
      const why = stderr.trim().split('\n').filter(Boolean).pop() ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
      finish(new Error(`recording from ALSA device '${options.device}' failed: ${why}`));
    });
  });
  return {
    result,
    stop: () => {
      stopRequested = true;
      stopNow?.();
    },
  };
}
