import { writeFileSync } from 'node:fs';
import wavefile from 'wavefile';
import type { AudioSink } from './sink.ts';

// Collects an utterance and writes it as a 16-bit mono WAV file on close.
export class WavFileSink implements AudioSink {
  readonly ok = true;
  private chunks: Int16Array[] = [];

  constructor(
    private readonly path: string,
    readonly sampleRate: number,
  ) {}

  async waitReady(): Promise<void> {}

  async write(pcm: Int16Array): Promise<void> {
    this.chunks.push(pcm.slice());
  }

  async mark(): Promise<void> {}

  cut(): void {
    this.chunks = [];
  }

  get samples(): Int16Array {
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Int16Array(total);
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }

  async close(): Promise<void> {
    const wav = new wavefile.WaveFile();
    wav.fromScratch(1, this.sampleRate, '16', this.samples);
    writeFileSync(this.path, wav.toBuffer());
  }
}
