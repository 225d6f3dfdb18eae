import type { Logger } from '../log.ts';
import { wallNow } from '../system/wall-clock.ts';
import { ClockEstimator, type ClockSample } from './clock-estimator.ts';

export interface ZoneClockParts {
  zone: string;
  deviceId: string;
  pingMs: number;
  // Topics: where every member pings, and where the leader answers `id`.
  pingTopic: string;
  replyTopic(id: string): string;
  publish(topic: string, payload: object): void;
  // The leader or the offset changed (status is due).
  changed(): void;
  log: Logger;
}

interface Ping {
  from: string;
  t1: number;
}

interface Pong extends Ping {
  t2: number;
  t3: number;
}

// One zone's members, its leader and this device's offset to the leader's
// clock. Every member pings the zone's clock topic every `pingMs`: that is
// also how members know each other. The leader is the lowest device id heard
// in the last few pings; it answers pings, and its clock is the zone's.
export class ZoneClock {
  private readonly seen = new Map<string, number>();
  private readonly estimator = new ClockEstimator();
  private readonly joinedAt = Date.now();
  private currentLeader: string | undefined;
  private reported: ClockSample | undefined;

  constructor(private readonly p: ZoneClockParts) {}

  // Members not heard for this long are gone (offline, or out of the zone).
  private get presenceMs(): number {
    return this.p.pingMs * 3 + 1000;
  }

  ping(): void {
    this.p.publish(this.p.pingTopic, { from: this.p.deviceId, t1: wallNow() } satisfies Ping);
    // A leader gone quiet is replaced now (and status says so), not at the next zone message.
    this.leader();
  }

  onPing(payload: Buffer): void {
    const t2 = wallNow();
    const ping = parse<Ping>(payload, ['from', 't1']);
    if (!ping || ping.from === this.p.deviceId) return;
    this.seen.set(ping.from, Date.now());
    if (this.leader() !== this.p.deviceId) return;
    this.p.publish(this.p.replyTopic(ping.from), { from: this.p.deviceId, t1: ping.t1, t2, t3: wallNow() } satisfies Pong);
  }

  onPong(payload: Buffer): void {
    const t4 = wallNow();
    const pong = parse<Pong>(payload, ['from', 't1', 't2', 't3']);
    if (!pong || pong.from !== this.leader()) return;
    this.estimator.add(pong.t1, pong.t2, pong.t3, t4);
    // Status shows the estimate and the round trip it rests on: both current.
    const best = this.estimator.best();
    if (best && (!this.reported || Math.abs(best.offsetMs - this.reported.offsetMs) >= 0.5 || Math.abs(best.rttMs - this.reported.rttMs) >= 1)) {
      this.reported = best;
      this.p.changed();
    }
  }

  // The lowest id among the members heard lately and this device. This
  // device claims it only once it has listened long enough to have heard a
  // lower one; until then the zone has no leader it knows of.
  leader(): string | undefined {
    const now = Date.now();
    const others = [...this.seen].filter(([, at]) => now - at < this.presenceMs).map(([id]) => id);
    let leader: string | undefined = [...others, this.p.deviceId].sort()[0];
    if (leader === this.p.deviceId && now - this.joinedAt < this.presenceMs) leader = undefined;
    if (leader !== this.currentLeader) {
      this.p.log.info({ zone: this.p.zone, leader, was: this.currentLeader }, 'zone leader');
      this.currentLeader = leader;
      this.estimator.reset();
      this.reported = undefined;
      this.p.changed();
    }
    return leader;
  }

  get leading(): boolean {
    return this.leader() === this.p.deviceId;
  }

  // Leader's clock minus this device's: 0 on the leader, undefined until measured.
  offset(): ClockSample | undefined {
    if (this.leading) return { offsetMs: 0, rttMs: 0 };
    return this.estimator.best();
  }
}

function parse<T>(payload: Buffer, fields: string[]): T | undefined {
  try {
    const m = JSON.parse(payload.toString('utf8'));
    if (typeof m?.from !== 'string' || fields.slice(1).some((f) => typeof m[f] !== 'number')) return undefined;
    return m as T;
  } catch {
    return undefined;
  }
}
