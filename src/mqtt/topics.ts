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
  request(name: string): string {
    return `${this.device}/request/${name}`;
  }
  response(name: string): string {
    return `${this.device}/response/${name}`;
  }

  subscriptions(): string[] {
    return [this.say, this.stop, `${this.device}/request/+`, ...this.zones.map((z) => this.zoneSay(z))];
  }

  classify(topic: string): { kind: 'say' | 'stop' } | { kind: 'request'; name: string } | undefined {
    if (topic === this.say) return { kind: 'say' };
    if (topic === this.stop) return { kind: 'stop' };
    if (this.zones.some((z) => topic === this.zoneSay(z))) return { kind: 'say' };
    const prefix = `${this.device}/request/`;
    if (topic.startsWith(prefix) && topic.length > prefix.length) return { kind: 'request', name: topic.slice(prefix.length) };
    return undefined;
  }
}
