// What the zone leader announced on `herald/zone/<zone>/sync`: job `id`
// starts its `part`-th play (0 first, one more after each cut) at sentence
// `sentence`, at `playAt` on the leader's clock.
export interface ZoneStart {
  from: string;
  id: string;
  part: number;
  sentence: number;
  playAt: number;
}

// Announcements kept for jobs that are not over; a bound for ids never played here.
const KEEP = 1000;

// The latest announcement per job, and the players waiting for one.
export class SyncBoard {
  private readonly latest = new Map<string, ZoneStart>();
  private readonly waiters = new Set<() => void>();

  put(start: ZoneStart): void {
    const had = this.latest.get(start.id);
    if (had && had.part > start.part) return;
    this.latest.delete(start.id);
    this.latest.set(start.id, start);
    if (this.latest.size > KEEP) this.latest.delete(this.latest.keys().next().value!);
    for (const wake of [...this.waiters]) wake();
  }

  // The announcement of this part or a later one.
  get(id: string, part: number): ZoneStart | undefined {
    const start = this.latest.get(id);
    return start && start.part >= part ? start : undefined;
  }

  // Undefined after `ms` without one, or once `signal` aborts.
  wait(id: string, part: number, ms: number, signal: AbortSignal): Promise<ZoneStart | undefined> {
    const found = this.get(id, part);
    if (found || signal.aborted) return Promise.resolve(found);
    return new Promise((resolve) => {
      const done = (start: ZoneStart | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        signal.removeEventListener('abort', onAbort);
        resolve(start);
      };
      const check = () => {
        const start = this.get(id, part);
        if (start) done(start);
      };
      const onAbort = () => done(undefined);
      const timer = setTimeout(() => done(undefined), ms);
      this.waiters.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  forget(id: string): void {
    this.latest.delete(id);
  }
}
