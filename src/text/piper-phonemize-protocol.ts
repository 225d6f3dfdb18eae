// What the daemon and its process running Piper's phonemizer say to each
// other (piper-phonemize-host.ts, piper-phonemize-child.ts).
export type PiperPhonemizeProtocol = {
  requests: {
    // For each text, the phonemes of each sentence Piper's phonemizer makes
    // of it (NFD, clause punctuation included), in one round trip.
    phonemesMany: { args: { voice: string; texts: string[] }; result: string[][] };
  };
  events: Record<string, never>;
};
