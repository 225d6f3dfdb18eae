import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SayJob } from './job.ts';

type Record =
  | { op: 'add'; job: SayJob }
  | { op: 'progress'; id: string; resumeFrom: number }
  | { op: 'done'; id: string; at: number };

export interface JournalState {
  // Accepted, not yet ended: to be spoken after a restart.
  pending: SayJob[];
  // Ids already ended, with when: a redelivered message is not spoken twice.
  seen: Map<string, number>;
  // Lines that could not be read (a torn write at power loss, a bad disk block).
  corruptLines: number;
}

// An append-only, fsynced log of accepted messages in stateDir. A message is
// written here before `queued` is published and before the broker gets its
// acknowledgement, and marked done after its terminal event. When the disk
// refuses (read-only, full), Herald keeps speaking from memory and says that
// durability is degraded.
export class Journal {
  private fd: number | undefined;
  private records = 0;
  private live = new Map<string, SayJob>();
  private seen = new Map<string, number>();
  error: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly dedupeWindowMs = 24 * 3600 * 1000,
    private readonly maxSeen = 20000,
  ) {}

  get path(): string {
    return join(this.dir, 'journal.jsonl');
  }

  get durable(): boolean {
    return this.fd !== undefined && !this.error;
  }

  // Reads what the last run left, then starts a fresh compacted file.
  open(now = Date.now()): JournalState {
    const state: JournalState = { pending: [], seen: new Map(), corruptLines: 0 };
    let text = '';
    try {
      if (existsSync(this.path)) text = readFileSync(this.path, 'utf8');
    } catch (err) {
      this.error = `cannot read journal: ${(err as Error).message}`;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let rec: Record;
      try {
        rec = JSON.parse(line);
      } catch {
        state.corruptLines++;
        continue;
      }
      if (rec?.op === 'add' && typeof rec.job?.id === 'string' && typeof rec.job.text === 'string') this.live.set(rec.job.id, rec.job);
      else if (rec?.op === 'progress' && this.live.has(rec.id)) this.live.get(rec.id)!.resumeFrom = rec.resumeFrom;
      else if (rec?.op === 'done' && typeof rec.id === 'string') {
        this.live.delete(rec.id);
        this.seen.set(rec.id, rec.at);
      } else state.corruptLines++;
    }
    for (const [id, at] of this.seen) if (now - at > this.dedupeWindowMs) this.seen.delete(id);
    state.pending = [...this.live.values()];
    state.seen = new Map(this.seen);
    this.compact();
    return state;
  }

  isDuplicate(id: string): boolean {
    return this.live.has(id) || this.seen.has(id);
  }

  add(job: SayJob): void {
    this.live.set(job.id, job);
    this.append({ op: 'add', job });
  }

  // The job object itself is the daemon's; this records where it got to.
  progress(id: string, resumeFrom: number): void {
    if (!this.live.has(id)) return;
    this.append({ op: 'progress', id, resumeFrom });
  }

  done(id: string, at = Date.now()): void {
    if (!this.live.delete(id)) return;
    this.seen.set(id, at);
    if (this.seen.size > this.maxSeen) this.seen.delete(this.seen.keys().next().value as string);
    this.append({ op: 'done', id, at });
    if (this.records > 1000 && this.records > 4 * (this.live.size + this.seen.size)) this.compact();
  }

  private append(rec: Record): void {
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, `${JSON.stringify(rec)}\n`);
      fsyncSync(this.fd);
      this.records++;
    } catch (err) {
      this.degrade(err as Error);
    }
  }

  // Rewrites the file with only what still matters, atomically (write, fsync,
  // rename), so a crash during compaction leaves the old or the new file.
  private compact(): void {
    this.closeFd();
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.path}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      const lines = [
        ...[...this.seen].map(([id, at]) => JSON.stringify({ op: 'done', id, at })),
        ...[...this.live.values()].map((job) => JSON.stringify({ op: 'add', job })),
      ];
      writeSync(fd, lines.length ? `${lines.join('\n')}\n` : '');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, this.path);
      const dirFd = openSync(this.dir, 'r');
      fsyncSync(dirFd);
      closeSync(dirFd);
      this.fd = openSync(this.path, 'a', 0o600);
      this.records = lines.length;
      this.error = undefined;
    } catch (err) {
      this.degrade(err as Error);
    }
  }

  private degrade(err: Error): void {
    this.error = `journal not writable in ${this.dir}: ${err.message}`;
    this.closeFd();
  }

  // Tries again to write to disk (after the disk came back).
  retry(): void {
    if (this.durable) return;
    this.compact();
  }

  private closeFd(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // already gone
    }
    this.fd = undefined;
  }

  close(): void {
    this.closeFd();
  }
}
