import { hasSpeakableText } from '../text/normalize.ts';

// Shorter than this, a take is mostly onset and release: too little of one
// voice's steady sound to learn from, and alignment to text is unreliable.
export const MIN_TAKE_SECONDS = 1.0;
// A sample at or beyond this is taken as clipped (the converter's rail).
export const CLIP_LEVEL = 0.999;
// More clipped samples than this is audible distortion the voice would learn.
export const MAX_CLIPPED_FRACTION = 0.001;
// Speech quieter than this is buried in the noise floor of ordinary
// microphones once brought to a usable level (close speech sits near -20 dBFS).
export const MIN_SPEECH_DBFS = -40;
// Level frames are judged in: the span of one speech sound.
export const FRAME_SECONDS = 0.02;
// A frame is speech when it is within this many dB of the take's loudest
// frame (the range between vowels and quiet consonants) and above the floor.
export const SPEECH_RANGE_DB = 30;
export const SILENCE_FLOOR_DBFS = -60;
// Under this share of speech frames a take is mostly pause or room noise.
export const MIN_SPEECH_FRACTION = 0.3;
// Silence kept before the first and after the last speech frame.
export const KEEP_SILENCE_SECONDS = 0.1;

export type TakeProblemCode = 'too-short' | 'clipped' | 'too-quiet' | 'mostly-silence' | 'empty-transcript';

export interface TakeProblem {
  code: TakeProblemCode;
  detail: string;
}

export interface TakeCheck {
  problems: TakeProblem[];
  // The take as recorded, and after trimming its silence.
  seconds: number;
  trimmedSeconds: number;
  trimStart: number;
  trimEnd: number;
  speechFraction: number;
  speechDbfs: number;
  clippedFraction: number;
}

// `channels` at the source rate (clipping is a property of what was
// recorded); `mono` at `rate` for everything else.
export function checkTake(channels: Float32Array[], mono: Float32Array, rate: number, transcript: string): TakeCheck {
  const problems: TakeProblem[] = [];
  const seconds = mono.length / rate;
  if (seconds < MIN_TAKE_SECONDS) problems.push({ code: 'too-short', detail: `${seconds.toFixed(2)} s of audio (at least ${MIN_TAKE_SECONDS.toFixed(1)} s)` });

  let clipped = 0;
  let total = 0;
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) if (Math.abs(ch[i]) >= CLIP_LEVEL) clipped++;
    total += ch.length;
  }
  const clippedFraction = total ? clipped / total : 0;
  if (clippedFraction > MAX_CLIPPED_FRACTION) problems.push({ code: 'clipped', detail: `${(clippedFraction * 100).toFixed(2)} % of samples clipped (at most ${MAX_CLIPPED_FRACTION * 100} %)` });

  const frame = Math.max(1, Math.round(FRAME_SECONDS * rate));
  const frames = frameDbfs(mono, frame);
  const loudest = frames.length ? Math.max(...frames) : -Infinity;
  const threshold = Math.max(SILENCE_FLOOR_DBFS, loudest - SPEECH_RANGE_DB);
  const speech = frames.map((db) => db >= threshold);
  const speechCount = speech.filter(Boolean).length;
  const speechFraction = frames.length ? speechCount / frames.length : 0;
  let energy = 0;
  speech.forEach((isSpeech, f) => {
    if (!isSpeech) return;
    for (let i = f * frame; i < Math.min(mono.length, (f + 1) * frame); i++) energy += mono[i] * mono[i];
  });
  const speechSamples = Math.min(mono.length, speechCount * frame);
  const speechDbfs = speechSamples ? toDb(Math.sqrt(energy / speechSamples)) : -Infinity;
  if (speechDbfs < MIN_SPEECH_DBFS) problems.push({ code: 'too-quiet', detail: `speech at ${formatDb(speechDbfs)} (at least ${MIN_SPEECH_DBFS} dBFS)` });
  if (speechFraction < MIN_SPEECH_FRACTION) problems.push({ code: 'mostly-silence', detail: `${Math.round(speechFraction * 100)} % of the take is speech (at least ${MIN_SPEECH_FRACTION * 100} %)` });
  if (!hasSpeakableText(transcript)) problems.push({ code: 'empty-transcript', detail: 'the transcript has no words' });

  const keep = Math.round(KEEP_SILENCE_SECONDS * rate);
  const first = speech.indexOf(true);
  const last = speech.lastIndexOf(true);
  const trimStart = first < 0 ? 0 : Math.max(0, first * frame - keep);
  const trimEnd = last < 0 ? mono.length : Math.min(mono.length, (last + 1) * frame + keep);
  return { problems, seconds, trimmedSeconds: (trimEnd - trimStart) / rate, trimStart, trimEnd, speechFraction, speechDbfs, clippedFraction };
}

function frameDbfs(x: Float32Array, frame: number): number[] {
  const out: number[] = [];
  for (let start = 0; start < x.length; start += frame) {
    const end = Math.min(x.length, start + frame);
    let sum = 0;
    for (let i = start; i < end; i++) sum += x[i] * x[i];
    out.push(toDb(Math.sqrt(sum / (end - start))));
  }
  return out;
}

function toDb(rms: number): number {
  return rms > 0 ? 20 * Math.log10(rms) : -Infinity;
}

function formatDb(db: number): string {
  return Number.isFinite(db) ? `${db.toFixed(1)} dBFS` : 'digital silence';
}
