// The only process that touches ALSA. `speaker` aborts its whole process with
// a C assertion when the device cannot be opened, so it runs here, apart from
// the daemon, which sees the exit and carries on.
import Speaker from 'speaker';
import { serve } from '../ipc/serve.ts';
import { wallNow } from '../zones/wall-clock.ts';
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
// What heardBy cannot see: from ALSA's hands to the air (codec, amplifier,
// a plugin that holds a buffer back). Calibrated per device: audio.latencyMs.
const LATENCY_MS = Number(process.env.HERALD_SINK_LATENCY_MS ?? 0);
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

// Zone timelines (see AlsaProtocol's anchor): where they start in stdin,
// waiting to be reached, and the audio still to drop to catch one up.
type Anchor = AlsaProtocol['requests']['anchor']['args'];
const anchors: Anchor[] = [];
let dropBytes = 0;

const port = serve<AlsaProtocol>({
  mark: ({ upTo }) =>
    new Promise<null>((resolve) => {
      marks.push({ upTo, done: () => resolve(null) });
      answerMarks();
    }),
  anchor: (anchor) => {
    anchors.push(anchor);
    return null;
  },
});

// The silence or dropped audio is worked out here, in samples, at the moment
// audio is handed over, so that no delay before this point moves the start.
// While audio flows the stream is already on the timeline (each sentence
// follows the last sample for sample); a timeline's first anchor, and any
// anchor reached by a device that ran dry (a late start, a sentence
// synthesized too slowly), puts the audio back on it.
function reach(anchor: Anchor): void {
  dropBytes = 0;
  if (anchor.startAt === null) return;
  const queuedMs = Math.max(0, heardBy - Date.now()) + (inFlight / 2 / sampleRate) * 1000;
  let shiftMs = 0;
  if (anchor.first || queuedMs === 0) {
    shiftMs = wallNow() + queuedMs + LATENCY_MS - anchor.startAt;
    const samples = Math.round((Math.abs(shiftMs) * sampleRate) / 1000);
    if (shiftMs < 0) write(Buffer.alloc(samples * 2), false);
    else dropBytes = samples * 2;
  }
  port.emit('anchored', { upTo: anchor.upTo, shiftMs });
}

speaker.on('error', (err: Error) => {
  port.emit('error', { message: err.message });
  process.exit(3);
});
speaker.on('open', () => port.emit('open', null));

let lastProgress = 0;
// Bytes given to speaker that ALSA has not taken yet: heardBy does not hold them.
let inFlight = 0;
function write(data: Buffer, counted: boolean): boolean {
  inFlight += data.length;
  return speaker.write(data, () => {
    inFlight -= data.length;
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

// Audio to hand over, past the part an anchor says to drop; dropped bytes
// count as handed, so marks behind them are answered.
function play(data: Buffer): boolean {
  const drop = Math.min(dropBytes, data.length);
  if (drop) {
    dropBytes -= drop;
    handed += drop;
    answerMarks();
  }
  return drop === data.length || write(data.subarray(drop), true);
}

// A pipe may split a sample; ALSA is handed whole samples only. `at`: the
// stdin offset of the next whole sample, where anchors are matched.
let odd: Buffer | undefined;
let at = 0;
process.stdin.on('data', (chunk: Buffer) => {
  let data = odd ? Buffer.concat([odd, chunk]) : chunk;
  odd = undefined;
  if (data.length % 2) {
    odd = data.subarray(data.length - 1);
    data = data.subarray(0, data.length - 1);
  }
  let ok = true;
  while (anchors.length && anchors[0].upTo < at + data.length) {
    const head = Math.max(0, anchors[0].upTo - at);
    if (head) ok = play(data.subarray(0, head)) && ok;
    at += head;
    data = data.subarray(head);
    reach(anchors.shift()!);
  }
  if (data.length) ok = play(data) && ok;
  at += data.length;
  if (!ok) {
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
