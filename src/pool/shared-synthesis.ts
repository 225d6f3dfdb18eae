import { toInt16 } from '../audio/pcm.ts';
import type { SpeechEngine, SynthOptions } from '../engines/types.ts';

export interface MadeSentence {
  pcm: Int16Array;
  sampleRate: number;
  synthMs: number;
}

// The synthesis was not begun: whoever asked for it no longer wanted it then.
export class PastDeadline extends Error {
  constructor() {
    super('not begun by its deadline');
  }
}

interface Entry {
  made: Promise<MadeSentence>;
  at: number;
  // Its audio's size once made.
  bytes: number;
}

// One synthesis of a sentence answers every request for it that comes while it
// is made or within `keepMs` after: a zone announcement reaches each device of
// the zone, and each asks the pool for the same sentences. Entries are
// short-lived (the sentences of the last minute) and their audio is bounded by
// `maxBytes` (32 MiB: about 6 minutes of speech at 22 050 Hz), oldest out first.
//
// Runs go one at a time, in the engine's background lane (run-lanes.ts): the
// device's own messages share this engine, and a local sentence waits behind
// at most one sentence made for the pool.
export class SharedSynthesis {
  private readonly entries = new Map<string, Entry>();
  private tail: Promise<unknown> = Promise.resolve();
  private bytes = 0;

  constructor(
    private readonly keepMs: number,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  // `wanted`: asked when its turn comes; false leaves the run (PastDeadline).
  make(engine: SpeechEngine, sentence: string, options: SynthOptions, wanted?: () => boolean): Promise<MadeSentence> {
    const key = JSON.stringify([engine.voice, options.rate, options.speakerId ?? null, options.noiseless ?? false, sentence]);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at <= this.keepMs) return hit.made;
    this.drop(key);
    const made = this.oneAtATime(async () => {
      if (wanted && !wanted()) throw new PastDeadline();
      const audio = await engine.synthesize(sentence, { ...options, lane: 'background' });
      return { pcm: toInt16(audio.samples), sampleRate: audio.sampleRate, synthMs: audio.synthMs };
    });
    const entry: Entry = { made, at: now, bytes: 0 };
    made.then(
      (m) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = m.pcm.byteLength;
        this.bytes += entry.bytes;
        this.prune(Date.now());
      },
      // A failure is not kept: the next request tries again.
      () => this.entries.get(key) === entry && this.drop(key),
    );
    this.entries.set(key, entry);
    this.prune(now);
    return made;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }

  private oneAtATime<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => {});
    return result;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes && now - entry.at <= this.keepMs) break;
      this.drop(key);
    }
  }
}
