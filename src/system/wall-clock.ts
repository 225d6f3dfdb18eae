// The device's wall clock as zone timing reads it, in the daemon and in its
// ALSA sink process alike. HERALD_TEST_CLOCK_OFFSET_MS skews it (tests and
// scripts/measure-zone-sync.ts) so that the zone clock estimator has a real
// offset to find and cancel; nothing else reads that variable.
const SKEW_MS = Number(process.env.HERALD_TEST_CLOCK_OFFSET_MS ?? 0) || 0;

export function wallNow(): number {
  return Date.now() + SKEW_MS;
}

// Resolves at `wallTime` on this clock, or at once when `signal` aborts.
export function sleepUntil(wallTime: number, signal: AbortSignal): Promise<void> {
  const ms = wallTime - wallNow();
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
