// The only process that touches ALSA. `speaker` aborts its whole process with
// a C assertion when the device cannot be opened, so it runs here, apart from
// the daemon, which sees the exit and carries on.
import Speaker from 'speaker';
import { serve } from '../ipc/serve.ts';
import type { AlsaProtocol } from './alsa-protocol.ts';

const device = process.env.HERALD_SINK_DEVICE ?? 'default';
const sampleRate = Number(process.env.HERALD_SINK_RATE ?? 22050);

// `signed` and `device` are read by speaker but missing from its type declarations.
const speaker = new Speaker({ channels: 1, bitDepth: 16, sampleRate, signed: true, device } as Speaker.Options);

// A write returns once ALSA has the audio in its buffer, not once it was
// heard. `heardBy` estimates when everything handed over so far will have
// left the speaker: audio plays at the sample rate, and ALSA never holds more
// than its buffer (speaker asks for about 0.5 s). A mark is answered then, so
// a message counts as spoken only when it could have been heard, and an
// interrupted one resumes from the sentence that was audible.
const BUFFER_MS = Number(process.env.HERALD_SINK_BUFFER_MS ?? 500);
let heardBy = 0;
function handedOver(bytes: number): void {
  const now = Date.now();
  const ms = (bytes / 2 / sampleRate) * 1000;
  heardBy = Math.min(Math.max(heardBy, now) + ms, now + BUFFER_MS);
}

// Bytes of stdin that ALSA has taken, and the marks waiting for more.
let handed = 0;
const marks: Array<{ upTo: number; done: () => void }> = [];
function answerMarks(): void {
  while (marks.length && marks[0].upTo <= handed) {
    const { done } = marks.shift()!;
    setTimeout(done, Math.max(0, heardBy - Date.now()));
  }
}

const port = serve<AlsaProtocol>({
  mark: ({ upTo }) =>
    new Promise<null>((resolve) => {
      marks.push({ upTo, done: () => resolve(null) });
      answerMarks();
    }),
});

speaker.on('error', (err: Error) => {
  port.emit('error', { message: err.message });
  process.exit(3);
});
speaker.on('open', () => port.emit('open', null));

let lastProgress = 0;
function write(data: Buffer, counted: boolean): boolean {
  return speaker.write(data, () => {
    handedOver(data.length);
    if (counted) {
      handed += data.length;
      answerMarks();
    }
    const now = Date.now();
    if (now - lastProgress >= 200) {
      lastProgress = now;
      port.emit('progress', null);
    }
  });
}

// Opening the device at start tells the daemon at once whether audio works:
// 10 ms of silence, inaudible.
write(Buffer.alloc(Math.round(sampleRate / 100) * 2), false);

// A pipe may split a sample; ALSA is handed whole samples only.
let odd: Buffer | undefined;
process.stdin.on('data', (chunk: Buffer) => {
  let data = odd ? Buffer.concat([odd, chunk]) : chunk;
  odd = undefined;
  if (data.length % 2) {
    odd = data.subarray(data.length - 1);
    data = data.subarray(0, data.length - 1);
  }
  if (data.length && !write(data, true)) {
    process.stdin.pause();
    speaker.once('drain', () => process.stdin.resume());
  }
});
// The end of input (the daemon closing the sink): play what is left, then
// exit. The IPC channel would otherwise keep this process alive.
process.stdin.on('end', () => {
  speaker.once('close', () => process.exit(0));
  speaker.end();
});
