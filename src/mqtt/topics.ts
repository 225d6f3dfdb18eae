// What Home Assistant's entities send Herald: its birth message on
// <prefix>/status, and the commands of the notify, select and numbers.
const HA_COMMANDS = ['notify', 'voice', 'volume', 'rate'] as const;
export type HaCommand = (typeof HA_COMMANDS)[number];
export type HaInput = HaCommand | 'birth';
// The values Herald shows in Home Assistant, each a retained plain value.
export type HaState = 'activity' | 'queue' | 'ttfa' | 'voice' | 'volume' | 'rate';

type Route = { kind: 'say' | 'stop' } | { kind: 'request'; name: string } | { kind: 'homeassistant'; input: HaInput };

// Every topic Herald reads or writes, from one place.
export class Topics {
  readonly device: string;

  // `discoveryPrefix`: Home Assistant's, when its discovery is enabled.
  constructor(
    readonly base: string,
    readonly deviceId: string,
    readonly zones: readonly string[],
    readonly discoveryPrefix?: string,
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

  subscriptions(): string[] {
    const ha = this.discoveryPrefix === undefined ? [] : [`${this.discoveryPrefix}/status`, ...HA_COMMANDS.map((c) => this.haCommand(c))];
    return [this.say, this.stop, `${this.device}/request/+`, ...this.zones.map((z) => this.zoneSay(z)), ...ha];
  }

  classify(topic: string): Route | undefined {
    if (topic === this.say) return { kind: 'say' };
    if (topic === this.stop) return { kind: 'stop' };
    if (this.discoveryPrefix !== undefined) {
      if (topic === `${this.discoveryPrefix}/status`) return { kind: 'homeassistant', input: 'birth' };
      const command = HA_COMMANDS.find((c) => topic === this.haCommand(c));
      if (command) return { kind: 'homeassistant', input: command };
    }
    if (this.zones.some((z) => topic === this.zoneSay(z))) return { kind: 'say' };
    const prefix = `${this.device}/request/`;
    if (topic.startsWith(prefix) && topic.length > prefix.length) return { kind: 'request', name: topic.slice(prefix.length) };
    return undefined;
  }
}

// Home Assistant's object ids allow [a-zA-Z0-9_-]; a device id may also hold '.'.
export function haObjectId(deviceId: string): string {
  return `herald_${deviceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
