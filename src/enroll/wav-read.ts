import { readFileSync } from 'node:fs';
import wavefile from 'wavefile';
import { resample } from '../audio/resample.ts';
import { EnrollError } from './enroll-error.ts';

// Every take is stored and used at the rate of the voices Herald builds.
export const TAKE_SAMPLE_RATE = 22050;
// Below this a recording has lost most of what makes a voice recognisable.
const MIN_SOURCE_RATE = 8000;

// WAV format tags wavefile can decode: PCM, IEEE float, A-law, mu-law,
// IMA ADPCM, and WAVE_FORMAT_EXTENSIBLE (PCM or float inside).
const FORMATS: Record<number, string> = { 1: 'PCM', 3: 'float', 6: 'A-law', 7: 'mu-law', 17: 'IMA ADPCM', 0xfffe: 'extensible' };

export interface DecodedTake {
  // Each channel at the source rate, -1..1: the clipping check looks at these.
  channels: Float32Array[];
  sourceRate: number;
  // The channels mixed to one and resampled to TAKE_SAMPLE_RATE.
  mono: Float32Array;
}

export function readTakeWav(path: string): DecodedTake {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new EnrollError(`${path}: cannot be read: ${(err as Error).message}`, 1);
  }
  const magic = bytes.subarray(0, 4).toString('latin1');
  if (!['RIFF', 'RIFX', 'RF64'].includes(magic) || bytes.subarray(8, 12).toString('latin1') !== 'WAVE') {
    throw new EnrollError(`${path}: not a WAV file (${describeMagic(bytes)}); convert it to PCM WAV, e.g. ffmpeg -i in.mp3 out.wav`);
  }
  let channels: Float32Array[];
  let sourceRate: number;
  try {
    const wav = new wavefile.WaveFile(bytes);
    // Copied now: converting the bit depth rebuilds the header.
    const fmt = { ...(wav.fmt as { audioFormat: number; numChannels: number; sampleRate: number }) };
    if (!FORMATS[fmt.audioFormat]) throw new Error(`WAV format tag ${fmt.audioFormat} is not supported (PCM, float, A-law, mu-law or IMA ADPCM)`);
    if (fmt.audioFormat === 17) wav.fromIMAADPCM();
    wav.toBitDepth('32f');
    const samples = wav.getSamples(false, Float32Array) as unknown as Float32Array | Float32Array[];
    channels = fmt.numChannels > 1 ? (samples as Float32Array[]) : [samples as Float32Array];
    sourceRate = fmt.sampleRate;
  } catch (err) {
    throw new EnrollError(`${path}: cannot be decoded: ${(err as Error).message}`);
  }
  if (!(sourceRate >= MIN_SOURCE_RATE)) throw new EnrollError(`${path}: sample rate ${sourceRate} Hz is below ${MIN_SOURCE_RATE} Hz`);
  return { channels, sourceRate, mono: resample(mixToMono(channels), sourceRate, TAKE_SAMPLE_RATE) };
}

export function mixToMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const out = new Float32Array(channels[0].length);
  for (const ch of channels) for (let i = 0; i < out.length; i++) out[i] += ch[i] / channels.length;
  return out;
}

// What the file is instead, for the error: the common impostors by their magic.
function describeMagic(bytes: Buffer): string {
  const head = bytes.subarray(0, 4);
  if (head.subarray(0, 3).toString('latin1') === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return 'it looks like MP3';
  if (head.toString('latin1') === 'fLaC') return 'it is FLAC';
  if (head.toString('latin1') === 'OggS') return 'it is Ogg';
  if (bytes.length < 12) return `only ${bytes.length} bytes`;
  return `it starts with ${JSON.stringify(head.toString('latin1').replace(/[^\x20-\x7e]/g, '.'))}`;
}
