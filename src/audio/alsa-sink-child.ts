// The only process that touches ALSA. `speaker` aborts its whole process with
// a C assertion when the device cannot be opened, so it runs here, apart from
// the daemon, which sees the exit and carries on.
import Speaker from 'speaker';
import { serve } from '../ipc/serve.ts';
import { wallNow } from '../system/wall-clock.ts';
import type { AlsaProtocol } from './alsa-protocol.ts';

const device = process.env.HERALD_SINK_DEVICE ?? 'default';
const sampleRate = Number(process.env.HERALD_SINK_RATE ?? 22050);
const BYTES_PER_MS = (sampleRate * 2) / 1000;

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
// Audio given to speaker but not yet to ALSA is out of reach of a zone cut:
// kept small, the rest waits in `input`.
const WRITE_AHEAD = 8192;
const PIECE = 4096;
// A zone start is placed this long before its audio is due to leave ALSA:
// late enough that the moment is quiet (the daemons have synthesized what
// they needed), early enough that the audio behind it is handed over in time.
const PLACE_AHEAD_MS = 120;

let heardBy = 0;
function handedOver(bytes: number): void {
  const now = Date.now();
  heardBy = Math.min(Math.max(heardBy, now) + bytes / BYTES_PER_MS, now + BUFFER_MS);
}

// Where the device is on its own clock: output byte `out` (everything given
// to speaker, silence included) is heard at wall-clock `at`. Known from a
// zone start's placement on, for as long as the device never runs dry; then
// a later start or cut is worked out in samples from it, not from estimates.
let line: { out: number; at: number } | undefined;
let out = 0;
const heardAt = (byte: number) => line!.at + (byte - line!.out) / BYTES_PER_MS;
// Closer than this to running dry counts as dry: the line is only as good
// as the placement it came from, and a device that ran dry restarted its clock.
const DRY_MARGIN_MS = 50;
function onLine(): boolean {
  if (line && heardAt(out) - LATENCY_MS - DRY_MARGIN_MS <= wallNow()) line = undefined;
  return line !== undefined;
}

// Bytes of stdin that ALSA has taken, and the marks waiting for more. A mark
// behind audio that a zone cut threw away is answered `dropped`.
let handed = 0;
const marks: Array<{ upTo: number; done: (dropped: boolean) => void }> = [];
function answerMarks(): void {
  while (marks.length && marks[0].upTo <= handed) {
    const { done } = marks.shift()!;
    setTimeout(() => done(false), Math.max(0, heardBy - Date.now()));
  }
}

// Zone timelines (see AlsaProtocol's anchor): where they start in stdin,
// waiting to be reached, and the audio still to drop to catch one up.
type Anchor = AlsaProtocol['requests']['anchor']['args'];
const anchors: Anchor[] = [];
let dropBytes = 0;
// A zone cut (AlsaProtocol's cutAt): the stdin offset where the audio stops,
// then, once there, the offset it stopped at; stdin is thrown away from
// there to the next timeline's first anchor.
let stop: { upTo: number; done: (inSync: boolean) => void } | undefined;
let cutFrom: number | undefined;

const port = serve<AlsaProtocol>({
  mark: ({ upTo }) =>
    new Promise((resolve) => {
      const done = (dropped: boolean) => resolve({ dropped });
      // Behind a zone cut and before the next timeline (whose anchor comes first).
      const next = anchors.find((a) => a.first)?.upTo ?? Infinity;
      if (cutFrom !== undefined && upTo > cutFrom && upTo < next) return done(true);
      marks.push({ upTo, done });
      answerMarks();
    }),
  anchor: (anchor) => {
    anchors.push(anchor);
    pump();
    return null;
  },
  cutAt: ({ at: when }) =>
    new Promise((resolve) => {
      stop?.done(false);
      stop = undefined;
      const upTo = cutOffset(when);
      // Already in ALSA's hands (or no timeline to find it on): out of reach.
      if (upTo === undefined || upTo < at) return resolve({ inSync: false });
      stop = { upTo, done: (inSync) => resolve({ inSync }) };
      pump();
    }),
});

// The stdin offset of the sample heard at `when` on the timeline playing
// (or about to: a start held for placing); undefined without one.
function cutOffset(when: number): number | undefined {
  const samples = (ms: number) => Math.round((ms * BYTES_PER_MS) / 2) * 2;
  if (held) return held.upTo + Math.max(0, samples(when - held.startAt!));
  if (!onLine()) return undefined;
  // Since the line's last placement stdin and output move together, but for audio still to drop.
  return at + dropBytes + samples(when - heardAt(out));
}

// The silence or dropped audio is worked out here, in samples: from the
// device's own line when it is playing, else at the moment the start is
// placed, so that no delay before this point moves the start. While audio
// flows each sentence follows the last sample for sample; a timeline's first
// anchor, and any anchor reached by a device that ran dry (a late start, a
// sentence synthesized too slowly), puts the audio back on it. Returns the
// ms to wait before placing it (a start far ahead on an idle device).
function reach(anchor: Anchor): number {
  dropBytes = 0;
  if (anchor.first && stop) {
    // The cut job ended before its cut: nothing left to cut.
    stop.done(true);
    stop = undefined;
  }
  if (anchor.first) cutFrom = undefined;
  if (anchor.startAt === null) return 0;
  // Audio a cut threw away, or a sentence that follows the last on the line.
  if (cutFrom !== undefined || (!anchor.first && onLine())) {
    port.emit('anchored', { upTo: anchor.upTo, shiftMs: 0 });
    return 0;
  }
  if (onLine()) {
    const shiftMs = heardAt(out) - anchor.startAt;
    shift(shiftMs, anchor.startAt);
    port.emit('anchored', { upTo: anchor.upTo, shiftMs });
    return 0;
  }
  const queuedMs = Math.max(0, heardBy - Date.now()) + ((speaker.writableLength ?? 0) / BYTES_PER_MS);
  if (!anchor.first && queuedMs > 0) {
    port.emit('anchored', { upTo: anchor.upTo, shiftMs: 0 });
    return 0;
  }
  const shiftMs = wallNow() + queuedMs + LATENCY_MS - anchor.startAt;
  port.emit('anchored', { upTo: anchor.upTo, shiftMs });
  if (queuedMs === 0 && -shiftMs > PLACE_AHEAD_MS + 20) return -shiftMs - PLACE_AHEAD_MS;
  shift(shiftMs, anchor.startAt);
  return 0;
}

// Silence before the audio (shift < 0) or audio dropped (> 0), so that what
// comes next is heard at `startAt`; from then on the device's line is known.
function shift(shiftMs: number, startAt: number): void {
  const bytes = Math.round((Math.abs(shiftMs) * BYTES_PER_MS) / 2) * 2;
  if (shiftMs < 0) write(Buffer.alloc(bytes));
  else dropBytes = bytes;
  line = { out, at: startAt + (shiftMs > 0 ? bytes / BYTES_PER_MS : 0) };
}

// A start placed when it comes due (see PLACE_AHEAD_MS): measured again then.
let held: Anchor | undefined;
function placeLater(anchor: Anchor, waitMs: number): void {
  held = anchor;
  setTimeout(() => {
    held = undefined;
    const queuedMs = Math.max(0, heardBy - Date.now());
    shift(wallNow() + queuedMs + LATENCY_MS - anchor.startAt!, anchor.startAt!);
    pump();
  }, waitMs);
}

speaker.on('error', (err: Error) => {
  port.emit('error', { message: err.message });
  process.exit(3);
});
speaker.on('open', () => port.emit('open', null));

let lastProgress = 0;
function write(data: Buffer, stdinBytes = 0): void {
  onLine();
  out += data.length;
  speaker.write(data, () => {
    handedOver(data.length);
    if (stdinBytes) {
      handed += stdinBytes;
      answerMarks();
    }
    const now = Date.now();
    if (now - lastProgress >= 200) {
      lastProgress = now;
      port.emit('progress', null);
    }
    pump();
  });
}

// Opening the device at start tells the daemon at once whether audio works:
// 10 ms of silence, inaudible.
write(Buffer.alloc(Math.round(sampleRate / 100) * 2));

// stdin waiting to be handed over, in whole samples (a pipe may split one);
// `at`: the stdin offset of its first byte, where anchors are matched.
const input: Buffer[] = [];
let inputBytes = 0;
let at = 0;
let odd: Buffer | undefined;
let ended = false;
const INPUT_MAX = 65536;

process.stdin.on('data', (chunk: Buffer) => {
  let data = odd ? Buffer.concat([odd, chunk]) : chunk;
  odd = undefined;
  if (data.length % 2) {
    odd = data.subarray(data.length - 1);
    data = data.subarray(0, data.length - 1);
  }
  input.push(data);
  inputBytes += data.length;
  if (inputBytes >= INPUT_MAX) process.stdin.pause();
  pump();
});
// The end of input (the daemon closing the sink): play what is left, then
// exit. The IPC channel would otherwise keep this process alive.
process.stdin.on('end', () => {
  ended = true;
  pump();
});

function take(bytes: number): Buffer {
  const head = input[0];
  const piece = head.subarray(0, bytes);
  if (bytes === head.length) input.shift();
  else input[0] = head.subarray(bytes);
  inputBytes -= bytes;
  at += bytes;
  return piece;
}

// Hands stdin to speaker a piece at a time, as far as WRITE_AHEAD allows:
// anchors are reached, dropped audio skipped, a cut's audio thrown away.
function pump(): void {
  while (!held) {
    const next = anchors[0];
    if (next && next.upTo <= at) {
      anchors.shift();
      const waitMs = reach(next);
      if (waitMs > 0) placeLater(next, waitMs);
      continue;
    }
    if (stop && at >= stop.upTo) cut();
    if (!input.length || (speaker.writableLength ?? 0) >= WRITE_AHEAD) break;
    let bytes = Math.min(input[0].length, PIECE, next ? next.upTo - at : Infinity);
    // Thrown away (a zone cut) or dropped (late for the timeline): passed
    // over as if heard, so the marks behind it are answered.
    const skipping = cutFrom !== undefined || dropBytes > 0;
    if (skipping) {
      if (cutFrom === undefined) bytes = Math.min(bytes, dropBytes);
      if (cutFrom === undefined) dropBytes -= bytes;
      take(bytes);
      handed += bytes;
      answerMarks();
      continue;
    }
    if (stop) bytes = Math.min(bytes, stop.upTo - at);
    if (bytes > 0) write(take(bytes), bytes);
  }
  if (inputBytes < INPUT_MAX && !ended) process.stdin.resume();
  if (ended && !input.length && !held && !closing) {
    closing = true;
    speaker.once('close', () => process.exit(0));
    speaker.end();
  }
}
let closing = false;

// The zone cut's byte is in ALSA's hands: the rest of the cut job's audio is
// thrown away, and the marks behind it say so.
function cut(): void {
  cutFrom = at;
  for (const m of marks.filter((m) => m.upTo > at)) m.done(true);
  marks.splice(0, marks.length, ...marks.filter((m) => m.upTo <= at));
  stop!.done(true);
  stop = undefined;
  keepAlive(wallNow() + KEEP_ALIVE_MS);
}

// After a cut the message that cut comes on the same line (its start a
// little after the cut), but the daemon needs a moment to send it. Silence,
// written just ahead of the card, keeps the device playing meanwhile: a
// device that ran dry would have to be placed again, by a clock reading.
const KEEP_ALIVE_MS = 3000;
function keepAlive(until: number): void {
  const timer = setInterval(() => {
    if (cutFrom === undefined || !onLine() || wallNow() > until) return clearInterval(timer);
    // What is left before ALSA runs dry.
    if (heardAt(out) - LATENCY_MS - wallNow() < 150) write(Buffer.alloc(Math.round(sampleRate / 10) * 2));
  }, 40);
}
