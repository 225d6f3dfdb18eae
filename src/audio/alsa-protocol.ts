// What the daemon and its ALSA sink process say to each other (alsa-sink.ts,
// alsa-sink-child.ts). PCM goes on the child's stdin, in order; a mark names
// a byte offset in that stream, so it is answered only after the audio before it.
export type AlsaProtocol = {
  requests: {
    // Resolves once the first `upTo` bytes of stdin could have been heard;
    // `dropped`: a zone cut threw some of them away (see cutAt).
    mark: { args: { upTo: number }; result: { dropped: boolean } };
    // From byte `upTo` of stdin on, audio belongs to a zone timeline: that
    // byte must be heard at `startAt` (the device's wall clock, epoch ms).
    // null: the timeline ends there. `first`: a timeline's first anchor, placed
    // even if the device is still playing. Resolves once the child has it, so
    // audio written after the answer cannot pass it; the outcome is `anchored`
    // (not for an end).
    anchor: { args: { upTo: number; startAt: number | null; first: boolean }; result: null };
    // A zone cut: the audio stops at the sample heard at `at` (wall clock,
    // epoch ms) on the timeline playing now, and the rest of stdin up to the
    // next timeline's first anchor is thrown away. Resolves once the cut is
    // made, or the next timeline began before it; `inSync: false` at once
    // when that sample is already in ALSA's hands or no timeline plays.
    cutAt: { args: { at: number }; result: { inSync: boolean } };
  };
  events: {
    // The device opened.
    open: null;
    // Audio is moving (at most every 200 ms): the watchdog's signal.
    progress: null;
    // The device failed; the process exits after saying so.
    error: { message: string };
    // An anchor was reached: `shiftMs` > 0, that much audio was dropped to
    // catch up (late); < 0, that much silence was put before it (early).
    anchored: { upTo: number; shiftMs: number };
  };
};
