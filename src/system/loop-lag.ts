/**
 * For the watchdog: `check()` is false when the event loop was blocked for
 * more than `maxLagMs` at a stretch since the previous check. A loop that
 * stays blocked needs no probe: the watchdog timer simply never fires.
 */
export function createLoopLagProbe(maxLagMs: number, resolutionMs = 50): { check: () => boolean; stop: () => void } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - resolutionMs);
    last = now;
  }, resolutionMs);
  timer.unref();
  return {
    check: () => {
      // A stall that ended just now, before the sampling timer could run, counts too.
      const now = performance.now();
      const worstMs = Math.max(worst, now - last - resolutionMs);
      worst = 0;
      last = now;
      return worstMs <= maxLagMs;
    },
    stop: () => clearInterval(timer),
  };
}
