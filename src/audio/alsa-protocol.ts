// What the daemon and its ALSA sink process say to each other (alsa-sink.ts,
// alsa-sink-child.ts). PCM goes on the child's stdin, in order; a mark names
// a byte offset in that stream, so it is answered only after the audio before it.
export type AlsaProtocol = {
  requests: {
    // Resolves once the first `upTo` bytes of stdin could have been heard.
    mark: { args: { upTo: number }; result: null };
  };
  events: {
    // The device opened.
    open: null;
    // Audio is moving (at most every 200 ms): the watchdog's signal.
    progress: null;
    // The device failed; the process exits after saying so.
    error: { message: string };
  };
};
