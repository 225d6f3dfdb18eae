// Where an utterance's PCM goes: the ALSA device, or a WAV file.
export interface AudioSink {
  readonly sampleRate: number;
  // False while the device cannot be opened; audio waits rather than being lost.
  readonly ok: boolean;
  // Resolves when the sink can take audio (at once for a file).
  waitReady(signal?: AbortSignal): Promise<void>;
  write(pcm: Int16Array): Promise<void>;
  // Resolves once everything written before it has been played (ALSA: handed
  // to the device and its buffer played out, by the clock).
  mark(): Promise<void>;
  // Zone timelines (ALSA only; see AlsaSink.anchor).
  anchor?(startAt: number | null, first: boolean): Promise<{ shiftMs: Promise<number> }>;
  // Drops whatever is buffered, now (stop, interrupt).
  cut(): void;
  close(): Promise<void>;
}

// The sink dropped what it was given: cut on purpose, or the device was lost.
export class AudioDropped extends Error {
  constructor(message = 'audio cut') {
    super(message);
  }
}
