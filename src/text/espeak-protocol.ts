// What the daemon and its espeak-ng process say to each other (espeak-host.ts, espeak-child.ts).
export interface EspeakAudio {
  samples: Int16Array;
  sampleRate: number;
}

export type EspeakProtocol = {
  requests: {
    // Every clause of a sentence in one round trip.
    phonemesMany: { args: { voice: string; texts: string[] }; result: string[] };
    synth: { args: { voice: string; text: string; rate: number }; result: EspeakAudio };
    voices: { args: Record<string, never>; result: string[] };
  };
  events: Record<string, never>;
};
