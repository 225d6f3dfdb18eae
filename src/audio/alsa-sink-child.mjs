// The only process that touches ALSA. `speaker` aborts its whole process with
// a C assertion when the device cannot be opened, so it runs here, apart from
// the daemon, which sees the exit and carries on. Plain JavaScript, started
// without tsx, to keep this always-running process small and quick to restart.
import Speaker from 'speaker';
import { FRAME_MARK, FRAME_PCM, FrameReader } from './alsa-frames.mjs';

const device = process.env.HERALD_SINK_DEVICE ?? 'default';
const sampleRate = Number(process.env.HERALD_SINK_RATE ?? 22050);

const speaker = new Speaker({ channels: 1, bitDepth: 16, sampleRate, signed: true, device });
speaker.on('error', (err) => {
  process.send?.({ type: 'error', message: err.message });
  process.exit(3);
});
speaker.on('open', () => process.send?.({ type: 'open' }));

let lastWrite = Promise.resolve();
const reader = new FrameReader();

// A write returns once ALSA has the audio in its buffer, not once it was
// heard. `heardBy` estimates when everything handed over so far will have
// left the speaker: audio plays at the sample rate, and ALSA never holds more
// than its buffer (speaker asks for about 0.5 s). A mark is answered then, so
// a message counts as spoken only when it could have been heard, and an
// interrupted one resumes from the sentence that was audible.
const BUFFER_MS = Number(process.env.HERALD_SINK_BUFFER_MS ?? 500);
let heardBy = 0;
function handedOver(bytes) {
  const now = Date.now();
  const ms = (bytes / 2 / sampleRate) * 1000;
  heardBy = Math.min(Math.max(heardBy, now) + ms, now + BUFFER_MS);
}

// Each write done tells the daemon that audio is moving (at most every 200 ms):
// the watchdog stops when it is not.
let lastProgress = 0;
function write(data) {
  let done;
  lastWrite = new Promise((resolve) => {
    done = resolve;
  });
  return speaker.write(data, () => {
    handedOver(data.length);
    done();
    const now = Date.now();
    if (now - lastProgress >= 200) {
      lastProgress = now;
      process.send?.({ type: 'progress' });
    }
  });
}

// Opening the device at start tells the daemon at once whether audio works:
// 10 ms of silence, inaudible.
write(Buffer.alloc(Math.round(sampleRate / 100) * 2));

process.stdin.on('data', (chunk) => {
  let more = true;
  for (const frame of reader.push(chunk)) {
    if (frame.type === FRAME_PCM) {
      more = write(Buffer.from(frame.payload)) && more;
    } else if (frame.type === FRAME_MARK) {
      const id = frame.payload.readUInt32LE(0);
      void lastWrite.then(() => setTimeout(() => process.send?.({ type: 'mark', id }), Math.max(0, heardBy - Date.now())));
    }
  }
  if (!more) {
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
process.on('disconnect', () => process.exit(0));
