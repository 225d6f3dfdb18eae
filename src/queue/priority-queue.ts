import { PRIORITIES, type Priority, type SayJob } from './job.ts';

// Emergency before high before normal before low; first in, first out within
// one priority. Bounded: past maxLength the oldest of the lowest priority goes.
export class JobQueue {
  private lanes: Record<Priority, SayJob[]> = { emergency: [], high: [], normal: [], low: [] };
  // An interrupting message is spoken next, whatever its priority.
  private next: SayJob[] = [];

  constructor(readonly maxLength: number) {}

  get length(): number {
    return this.next.length + PRIORITIES.reduce((n, p) => n + this.lanes[p].length, 0);
  }

  // Returns the job dropped to make room, if any (possibly the new one).
  push(job: SayJob): SayJob | undefined {
    this.lanes[job.priority].push(job);
    return this.trim();
  }

  pushNext(job: SayJob): SayJob | undefined {
    this.next.push(job);
    return this.trim();
  }

  // An interrupted job goes back to the head of its own priority.
  pushFront(job: SayJob): SayJob | undefined {
    this.lanes[job.priority].unshift(job);
    return this.trim();
  }

  shift(): SayJob | undefined {
    if (this.next.length) return this.next.shift();
    for (const p of PRIORITIES) {
      const job = this.lanes[p].shift();
      if (job) return job;
    }
    return undefined;
  }

  takeExpired(now: number): SayJob[] {
    const expired: SayJob[] = [];
    const keep = (list: SayJob[]) =>
      list.filter((job) => {
        if (job.expiresAt > now) return true;
        expired.push(job);
        return false;
      });
    this.next = keep(this.next);
    for (const p of PRIORITIES) this.lanes[p] = keep(this.lanes[p]);
    return expired;
  }

  clear(): SayJob[] {
    const all = [...this.next, ...PRIORITIES.flatMap((p) => this.lanes[p])];
    this.next = [];
    this.lanes = { emergency: [], high: [], normal: [], low: [] };
    return all;
  }

  private trim(): SayJob | undefined {
    if (this.length <= this.maxLength) return undefined;
    for (const p of [...PRIORITIES].reverse()) {
      if (this.lanes[p].length) return this.lanes[p].shift();
    }
    return this.next.shift();
  }
}
