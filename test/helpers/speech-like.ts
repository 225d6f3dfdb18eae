// Signals shaped like speech for the enrollment tests: a voiced 140 Hz
// harmonic tone cut into syllables (180 ms with a smooth rise and fall, 70 ms
// apart), with silence around them, written as WAV files and LJSpeech sets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import wavefile from 'wavefile';

export interface SpeechLikeOptions {
  rate?: number;
  // Peak amplitude of the voiced tone (0.3 ≈ -20 dBFS of speech).
  amplitude?: number;
  // Silence before and after the syllables.
  padSeconds?: number;
  channels?: number;
}

export function speechLike(seconds: number, options: SpeechLikeOptions = {}): Float32Array[] {
  const rate = options.rate ?? 22050;
  const amplitude = options.amplitude ?? 0.3;
  const pad = Math.round((options.padSeconds ?? 0.3) * rate);
  const body = Math.round(seconds * rate);
  const out = new Float32Array(body + 2 * pad);
  const syllable = 0.18;
  const period = 0.25;
  for (let i = 0; i < body; i++) {
    const t = i / rate;
    const inCycle = t % period;
    if (inCycle >= syllable) continue;
    const envelope = Math.sin((Math.PI * inCycle) / syllable) ** 2;
    // A slow pitch wobble so that no two syllables are identical.
    const f0 = 140 * (1 + 0.05 * Math.sin(2 * Math.PI * 0.7 * t));
    let v = 0;
    for (let h = 1; h <= 6; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    out[pad + i] = (amplitude * envelope * v) / 2.45;
  }
  const channels = options.channels ?? 1;
  return Array.from({ length: channels }, () => out.slice());
}

export function silence(seconds: number, rate = 22050): Float32Array[] {
  return [new Float32Array(Math.round(seconds * rate))];
}

export function wavFile(channels: Float32Array[], rate = 22050, bitDepth: '16' | '24' | '32f' = '16'): Uint8Array {
  const wav = new wavefile.WaveFile();
  const scale = bitDepth === '16' ? 32767 : bitDepth === '24' ? 8388607 : 1;
  const data = channels.map((ch) => Array.from(ch, (x) => (scale === 1 ? x : Math.round(Math.max(-1, Math.min(1, x)) * scale))));
  wav.fromScratch(channels.length, rate, bitDepth, channels.length === 1 ? data[0] : data);
  return wav.toBuffer();
}

export interface DatasetTakeSpec {
  id: string;
  transcript: string;
  // The file's bytes: a WAV from wavFile, or anything else.
  bytes: Uint8Array | string;
}

// DIR/metadata.csv and DIR/wavs/<id>.wav.
export function writeDataset(dir: string, takes: DatasetTakeSpec[], metadata?: string): string {
  mkdirSync(join(dir, 'wavs'), { recursive: true });
  for (const t of takes) writeFileSync(join(dir, 'wavs', `${t.id}.wav`), t.bytes);
  writeFileSync(join(dir, 'metadata.csv'), metadata ?? takes.map((t) => `${t.id}|${t.transcript}`).join('\n') + '\n');
  return dir;
}

export const SENTENCES = [
  'The train to Boston departs at seven thirty.',
  'Please keep your belongings with you at all times.',
  'The doors are closing, stand clear of the doors.',
  'Gate twelve is now boarding for all passengers.',
  'Thank you for travelling with us today.',
  'The next stop is the central station.',
];
