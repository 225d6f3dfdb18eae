// The device's wall clock as zone timing reads it, in the daemon and in its
// ALSA sink process alike. HERALD_TEST_CLOCK_OFFSET_MS skews it (tests and
// scripts/measure-zone-sync.ts) so that the zone clock estimator has a real
// offset to find and cancel; nothing else reads that variable.
const SKEW_MS = Number(process.env.HERALD_TEST_CLOCK_OFFSET_MS ?? 0) || 0;

export function wallNow(): number {
  return Date.now() + SKEW_MS;
}
