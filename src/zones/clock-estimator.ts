// NTP's arithmetic over one exchange: the follower sends at t1 (its clock),
// the leader receives at t2 and answers at t3 (its clock), the follower
// receives at t4. A broker in the middle makes the path slow and uneven, so
// of the recent exchanges only the one with the shortest round trip is
// believed: the least time spent queued is the least room for asymmetry.
export interface ClockSample {
  offsetMs: number;
  rttMs: number;
}

// About a minute of pings at the default pace: long enough to hold a quiet
// exchange on a busy machine, short against the drift of clocks that
// chrony or NTP keeps.
const WINDOW = 64;

export class ClockEstimator {
  private samples: ClockSample[] = [];

  // `offsetMs`: leader's clock minus this device's clock.
  add(t1: number, t2: number, t3: number, t4: number): void {
    const rttMs = t4 - t1 - (t3 - t2);
    // A reply to a ping sent before the clock stepped, or garbage.
    if (!(rttMs >= 0)) return;
    this.samples.push({ offsetMs: (t2 - t1 + (t3 - t4)) / 2, rttMs });
    if (this.samples.length > WINDOW) this.samples.shift();
  }

  best(): ClockSample | undefined {
    let best: ClockSample | undefined;
    for (const s of this.samples) if (!best || s.rttMs < best.rttMs) best = s;
    return best;
  }

  reset(): void {
    this.samples = [];
  }
}
