import type { HeraldConfig } from '../config/schema.ts';
import { TERMINAL_EVENTS, type EventBus } from '../events.ts';
import type { Logger } from '../log.ts';
import type { MqttExtension } from '../mqtt/adapter.ts';
import type { Topics } from '../mqtt/topics.ts';
import type { SayJob, SayRequest } from '../queue/job.ts';
import { sleepUntil, wallNow } from '../system/wall-clock.ts';
import { SyncBoard, type ZoneStart } from './sync-board.ts';
import { ZoneClock } from './zone-clock.ts';

export interface ZoneSyncParts {
  config: HeraldConfig;
  topics: Topics;
  events: EventBus;
  log: Logger;
  publish(topic: string, payload: string): Promise<boolean>;
  // Connected to the broker now.
  online(): boolean;
  // Something status shows changed (leader, clock offset).
  changed(): void;
}

// A zone cut leaves this much silence before the message that cut: every
// device stops together, then starts it together.
const CUT_GAP_MS = 300;

// How a zone job plays here: from `sentence`, its first sample heard at
// `startAt` on this device's clock (`playAt` on the leader's). Without
// startAt it plays as soon as it can, and `note` says why.
export interface ZonePlan {
  sentence: number;
  startAt?: number;
  playAt?: number;
  note?: string;
}

// Synchronized zone announcements (docs/zones.md): the clock of every zone
// this device is in, the leader's start times, and the plan for each play.
export class ZoneSync implements MqttExtension {
  readonly handlers: Record<string, (payload: Buffer) => void> = {};
  private readonly clocks = new Map<string, ZoneClock>();
  private readonly board = new SyncBoard();
  // Per job: the part (zone cuts so far) of its last play here, and when
  // that play began; per zone: when the last message that cuts arrived.
  private readonly plays = new Map<string, { part: number; at: number }>();
  private readonly zoneCuts = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly p: ZoneSyncParts) {
    const { config, topics } = p;
    if (!config.zoneSync.enabled) return;
    for (const zone of config.zones) {
      const clock = new ZoneClock({
        zone,
        deviceId: config.deviceId,
        pingMs: config.zoneSync.pingSeconds * 1000,
        pingTopic: topics.zoneClock(zone),
        replyTopic: (id) => topics.zoneClockReply(zone, id),
        publish: (topic, payload) => void p.publish(topic, JSON.stringify(payload)),
        changed: p.changed,
        log: p.log,
      });
      this.clocks.set(zone, clock);
      this.handlers[topics.zoneClock(zone)] = (b) => clock.onPing(b);
      this.handlers[topics.zoneClockReply(zone, config.deviceId)] = (b) => clock.onPong(b);
      this.handlers[topics.zoneSync(zone)] = (b) => this.onStart(zone, b);
    }
    p.events.on('event', (e) => {
      if (!TERMINAL_EVENTS.has(e.event)) return;
      this.plays.delete(e.id);
      this.board.forget(e.id);
    });
  }

  connected(): void {
    if (!this.clocks.size || this.timer) return;
    // While the broker is away a ping would wait in mqtt.js's queue and
    // arrive stale (a long round trip, never believed): not sent at all.
    const ping = () => {
      if (this.p.online()) for (const clock of this.clocks.values()) clock.ping();
    };
    ping();
    this.timer = setInterval(ping, this.p.config.zoneSync.pingSeconds * 1000);
  }

  // The zone a request is played in sync with: the zone whose topic it came
  // on, or the one it names with sync: true, if this device is in it.
  zoneOf(request: SayRequest, receivedOn: string): string | undefined {
    if (!this.clocks.size) return undefined;
    const zone = this.p.topics.zoneOf(receivedOn) ?? (request.sync ? request.zone : undefined);
    return zone !== undefined && this.clocks.has(zone) ? zone : undefined;
  }

  // The leader sets the start as the message arrives, not when its own
  // queue gets to it: the followers are waiting.
  admitted(job: SayJob): void {
    if (!job.syncZone) return;
    if (job.priority === 'emergency' || job.interrupt) this.zoneCuts.set(job.syncZone, Date.now());
    if (this.clocks.get(job.syncZone)?.leading) this.announce(job.syncZone, job, 0, job.playAt);
  }

  // Waits (up to the lead) for the leader's start time of this play of `job`.
  // A play after a cut by a message of the same zone (every device was cut)
  // is a new part with a new start; after any other cut (a local emergency)
  // the zone's timeline went on, and this device joins it where it now is.
  async plan(job: SayJob, signal: AbortSignal): Promise<ZonePlan> {
    const zone = job.syncZone!;
    const clock = this.clocks.get(zone);
    if (!clock) return { sentence: job.resumeFrom, note: `sync: not in zone ${zone} any more; played alone` };
    const { leadMs, maxOffsetMs } = this.p.config.zoneSync;
    const before = this.plays.get(job.id);
    const zoneCut = before !== undefined && (this.zoneCuts.get(zone) ?? 0) > before.at;
    const part = before === undefined ? 0 : before.part + (zoneCut ? 1 : 0);
    this.plays.set(job.id, { part, at: Date.now() });
    const notes: string[] = [];
    let start: ZoneStart | undefined;
    if (before && !zoneCut) {
      start = this.board.get(job.id, part);
      notes.push(`sync: cut on this device only; rejoined zone ${zone}'s timeline`);
    } else if (clock.leading) start = this.board.get(job.id, part) ?? this.announce(zone, job, part);
    else start = await this.board.wait(job.id, part, leadMs, signal);
    if (!start) return { sentence: job.resumeFrom, note: `sync: no start time from the leader of zone ${zone} (${clock.leader() ?? 'none heard'}) within ${leadMs} ms; played alone, not in sync` };
    const offset = clock.offset();
    if (!offset) notes.push(`sync: offset to the clock of zone ${zone}'s leader not measured yet; timed by this device's clock`);
    else if (Math.abs(offset.offsetMs) > maxOffsetMs) notes.push(`sync: clock ${Math.round(offset.offsetMs)} ms from zone ${zone}'s leader (more than ${maxOffsetMs}); corrected, but check the OS's time sync`);
    const startAt = start.playAt - (offset?.offsetMs ?? 0);
    // A start far ahead (a publisher's playAt) is waited for here, not as
    // minutes of silence in the sink: the lead before it is enough.
    await sleepUntil(startAt - leadMs, signal);
    return { sentence: start.sentence, startAt, playAt: start.playAt, note: notes.join('; ') || undefined };
  }

  // When a zone message that cuts (`job`) stops the zone message playing
  // here: CUT_GAP_MS before the cutting message's start, the same instant of
  // the zone's timeline on every device. Undefined without the leader's start.
  async cutAt(job: SayJob, signal: AbortSignal): Promise<number | undefined> {
    const clock = this.clocks.get(job.syncZone!);
    if (!clock) return undefined;
    const start = await this.board.wait(job.id, 0, this.p.config.zoneSync.leadMs, signal);
    return start && start.playAt - (clock.offset()?.offsetMs ?? 0) - CUT_GAP_MS;
  }

  status() {
    const zones = [...this.clocks].map(([zone, clock]) => {
      const offset = clock.offset();
      return { zone, leader: clock.leader(), clockOffsetMs: round(offset?.offsetMs), rttMs: round(offset?.rttMs), clockOk: offset ? Math.abs(offset.offsetMs) <= this.p.config.zoneSync.maxOffsetMs : undefined };
    });
    const measured = zones.filter((z) => z.clockOffsetMs !== undefined).sort((a, b) => Math.abs(b.clockOffsetMs!) - Math.abs(a.clockOffsetMs!));
    return { clockOffsetMs: measured[0]?.clockOffsetMs, zoneClocks: zones.length ? zones : undefined };
  }

  close(): void {
    clearInterval(this.timer);
  }

  private announce(zone: string, job: SayJob, part: number, playAt = wallNow() + this.p.config.zoneSync.leadMs): ZoneStart {
    const start: ZoneStart = { from: this.p.config.deviceId, id: job.id, part, sentence: job.resumeFrom, playAt };
    this.board.put(start);
    void this.p.publish(this.p.topics.zoneSync(zone), JSON.stringify(start));
    return start;
  }

  // Start times from the leader this device knows; its own come back too.
  private onStart(zone: string, payload: Buffer): void {
    let start: ZoneStart;
    try {
      start = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    if (typeof start?.id !== 'string' || ![start.part, start.sentence, start.playAt].every(Number.isFinite)) return;
    const leader = this.clocks.get(zone)?.leader();
    if (start.from === this.p.config.deviceId || (leader !== undefined && start.from !== leader)) return;
    this.board.put(start);
  }
}

function round(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 10) / 10;
}
