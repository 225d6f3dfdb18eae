// What Home Assistant's entities send Herald: the commands of the notify, select and numbers.
export const HA_COMMANDS = ['notify', 'voice', 'volume', 'rate'] as const;
export type HaCommand = (typeof HA_COMMANDS)[number];
// The values Herald shows in Home Assistant, each a retained plain value.
export type HaState = 'activity' | 'queue' | 'ttfa' | 'voice' | 'volume' | 'rate';

type Route = { kind: 'say' | 'stop' } | { kind: 'request'; name: string };

// Every topic Herald reads or writes, from one place.
export class Topics {
  readonly device: string;

  constructor(
    readonly base: string,
    readonly deviceId: string,
    readonly zones: readonly string[],
  ) {
    this.device = `${base}/${deviceId}`;
  }

  get say(): string {
    return `${this.device}/say`;
  }
  get stop(): string {
    return `${this.device}/stop`;
  }
  get event(): string {
    return `${this.device}/event`;
  }
  get status(): string {
    return `${this.device}/status`;
  }
  get metrics(): string {
    return `${this.device}/metrics`;
  }
  // Progress of making voice `name` (a checked voice name: never a wildcard or a level separator).
  enroll(name: string): string {
    return `${this.device}/enroll/${name}`;
  }
  zoneSay(zone: string): string {
    return `${this.base}/zone/${zone}/say`;
  }
  // Zone timing (src/zones/): every member pings here; the zone leader
  // answers each on its own reply topic, and announces start times on sync.
  zoneClock(zone: string): string {
    return `${this.base}/zone/${zone}/clock`;
  }
  zoneClockReply(zone: string, deviceId: string): string {
    return `${this.base}/zone/${zone}/clock/${deviceId}`;
  }
  zoneSync(zone: string): string {
    return `${this.base}/zone/${zone}/sync`;
  }
  // The zone whose `say` topic this is.
  zoneOf(topic: string): string | undefined {
    return this.zones.find((z) => topic === this.zoneSay(z));
  }
  request(name: string): string {
    return `${this.device}/request/${name}`;
  }
  response(name: string): string {
    return `${this.device}/response/${name}`;
  }

  // notify takes the text itself; the others take the new value.
  haCommand(name: HaCommand): string {
    return name === 'notify' ? `${this.device}/ha/notify` : `${this.device}/ha/${name}/set`;
  }
  haState(name: HaState): string {
    return `${this.device}/ha/${name}`;
  }
  // One retained config for the whole device (device-based discovery).
  haDiscovery(prefix: string): string {
    return `${prefix}/device/${haObjectId(this.deviceId)}/config`;
  }
  // Where Home Assistant says it (re)started.
  haBirth(prefix: string): string {
    return `${prefix}/status`;
  }

  subscriptions(): string[] {
    return [this.say, this.stop, `${this.device}/request/+`, ...this.zones.map((z) => this.zoneSay(z))];
  }

  classify(topic: string): Route | undefined {
    if (topic === this.say) return { kind: 'say' };
    if (topic === this.stop) return { kind: 'stop' };
    if (this.zoneOf(topic) !== undefined) return { kind: 'say' };
    const prefix = `${this.device}/request/`;
    if (topic.startsWith(prefix) && topic.length > prefix.length) return { kind: 'request', name: topic.slice(prefix.length) };
    return undefined;
  }
}

// Home Assistant's object ids allow [a-zA-Z0-9_-]; a device id may also hold '.'.
export function haObjectId(deviceId: string): string {
  return `herald_${deviceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
