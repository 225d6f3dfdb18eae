// NTP's arithmetic over one exchange: the follower sends at t1 (its clock),
// the leader receives at t2 and answers at t3 (its clock), the follower
// receives at t4. Neither way takes less than no time, so each exchange
// bounds the offset: t3 - t4 <= offset <= t2 - t1. A broker in the middle
// makes the path slow and uneven, so one exchange says little; the bounds of
// many say more: the offset lies where they all overlap (as clock-sync
// algorithms after Marzullo intersect intervals). The shortest round trip
// goes in first, and an exchange that does not overlap the rest (a clock
// that stepped or drifted within the window) is left out.
export interface ClockSample {
  offsetMs: number;
  rttMs: number;
}

interface Bounds {
  lo: number;
  hi: number;
}

// About a minute of pings at the default pace: long enough to hold quiet
// exchanges on a busy machine, short against the drift of clocks that
// chrony or NTP keeps.
const WINDOW = 64;
// Date.now() counts whole milliseconds: each bound is that uncertain.
const TICK_MS = 1;

export class ClockEstimator {
  private samples: Bounds[] = [];

  // `offsetMs`: leader's clock minus this device's clock.
  add(t1: number, t2: number, t3: number, t4: number): void {
    const lo = t3 - t4 - TICK_MS;
    const hi = t2 - t1 + TICK_MS;
    // A reply to a ping sent before the clock stepped, or garbage.
    if (!(hi - lo >= 2 * TICK_MS)) return;
    this.samples.push({ lo, hi });
    if (this.samples.length > WINDOW) this.samples.shift();
  }

  // The middle of where the exchanges overlap; rttMs: the shortest round trip.
  best(): ClockSample | undefined {
    if (!this.samples.length) return undefined;
    const byRtt = [...this.samples].sort((a, b) => a.hi - a.lo - (b.hi - b.lo));
    let { lo, hi } = byRtt[0];
    for (const s of byRtt.slice(1)) {
      if (s.lo > hi || s.hi < lo) continue;
      lo = Math.max(lo, s.lo);
      hi = Math.min(hi, s.hi);
    }
    return { offsetMs: (lo + hi) / 2, rttMs: byRtt[0].hi - byRtt[0].lo - 2 * TICK_MS };
  }

  reset(): void {
    this.samples = [];
  }
}
