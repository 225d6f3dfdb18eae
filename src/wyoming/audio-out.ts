import { resample } from '../audio/resample.ts';
import { silence, toInt16 } from '../audio/pcm.ts';
import type { SentenceAudio } from '../engines/types.ts';
import type { WyomingEvent } from './codec.ts';
import { audioChunk, audioStart, audioStop } from './events.ts';

// As wyoming-piper sends them: small enough for a client to start playing at once.
const SAMPLES_PER_CHUNK = 1024;

// One response's audio: `audio-start` with the first sentence's rate, every
// sentence as `audio-chunk`s at that rate (an espeak-ng fallback of another
// rate is resampled to it), the voice's sentence silence between sentences.
export class AudioOut {
  private rate?: number;

  constructor(private readonly send: (event: WyomingEvent) => Promise<void>) {}

  get started(): boolean {
    return this.rate !== undefined;
  }

  async sentence(audio: SentenceAudio, gapSeconds: number): Promise<void> {
    const first = this.rate === undefined;
    const rate = (this.rate ??= audio.sampleRate);
    if (first) await this.send(audioStart(rate));
    const speech = toInt16(resample(audio.samples, audio.sampleRate, rate));
    const gap = first ? new Int16Array(0) : silence(gapSeconds, rate);
    const pcm = new Int16Array(gap.length + speech.length);
    pcm.set(gap);
    pcm.set(speech, gap.length);
    // Wyoming's PCM is little-endian, as are the hosts Herald runs on (x86-64, arm64).
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    for (let at = 0; at < bytes.length; at += SAMPLES_PER_CHUNK * 2) await this.send(audioChunk(rate, bytes.subarray(at, at + SAMPLES_PER_CHUNK * 2)));
  }

  async stop(): Promise<void> {
    if (this.started) await this.send(audioStop());
  }
}
