import type { IClientPublishOptions, IPublishPacket } from 'mqtt';
import type { HeraldConfig } from '../config/schema.ts';
import type { Logger } from '../log.ts';
import { connectMqtt, mqttOptions, type MqttClient } from '../mqtt/client.ts';

export type PoolHandler = (payload: Buffer, packet: IPublishPacket) => void;

export interface LinkRoute {
  // What to subscribe to (a $share/… filter, a + wildcard) …
  filter: string;
  // … and whether a delivered topic is this route's.
  matches(topic: string): boolean;
  handle: PoolHandler;
}

// Pool traffic has a connection of its own beside the daemon's: a clean MQTT 5
// session that ends with the connection. In the daemon's persistent session a
// shared subscription would outlive a dead member, and brokers keep handing
// such a member its share of requests (mosquitto queues them for its return).
export class PoolLink {
  private client?: MqttClient;
  private readonly routes: LinkRoute[] = [];
  private readonly onConnect: Array<() => void> = [];
  // Message ids whose PUBACK said "no matching subscribers" (MQTT 5 reason 16).
  private readonly unheard = new Set<number>();
  private closing = false;

  constructor(
    private readonly config: HeraldConfig,
    private readonly log: Logger,
  ) {}

  route(route: LinkRoute): void {
    this.routes.push(route);
  }

  // After each (re)connect and its subscriptions.
  whenConnected(run: () => void): void {
    this.onConnect.push(run);
  }

  connect(url: string, will?: { topic: string; payload: string }): void {
    const base = mqttOptions(this.config, will ?? { topic: '', payload: '' });
    const client = connectMqtt(url, {
      ...base,
      clientId: `herald-${this.config.deviceId}-pool`,
      protocolVersion: 5,
      clean: true,
      properties: { sessionExpiryInterval: 0 },
      resubscribe: false,
      will: will ? base.will : undefined,
    });
    this.client = client;
    client.on('connect', () => {
      this.log.info({ url }, 'pool link connected');
      client.subscribe(
        this.routes.map((r) => r.filter),
        { qos: 1 },
        (err) => {
          if (err) this.log.error({ err: err.message }, 'pool subscribe failed');
          for (const run of this.onConnect) run();
        },
      );
    });
    // While it closes, an acknowledgement for a frame still arriving meets
    // the ended socket ("write after end"): expected, not worth a warning.
    client.on('error', (err) => this.log[this.closing ? 'debug' : 'warn']({ err: err.message }, 'pool link error'));
    // Read here: mqtt.js hands a publish's callback its own packet, not the PUBACK.
    client.on('packetreceive', (packet) => {
      if (packet.cmd === 'puback' && packet.reasonCode === 16 && packet.messageId !== undefined) this.unheard.add(packet.messageId);
    });
    client.on('message', (topic, payload, packet) => {
      const route = this.routes.find((r) => r.matches(topic));
      try {
        route?.handle(payload, packet);
      } catch (err) {
        // A bad frame or a bug in one answer must not stop the daemon.
        this.log.error({ err: (err as Error).stack, topic }, 'pool message handling failed');
      }
    });
  }

  get connected(): boolean {
    return !!this.client?.connected;
  }

  // `unheard`: the broker took it but no one subscribes to it there (no
  // member of the pool on this broker), so no answer will come.
  publish(topic: string, payload: string | Buffer, options: IClientPublishOptions = {}, unheard?: () => void): void {
    this.client?.publish(topic, payload, { qos: 1, ...options }, (err, packet) => {
      if (err) this.log.warn({ topic, err: err.message }, 'pool publish failed');
      const id = packet?.messageId;
      if (id !== undefined && this.unheard.delete(id)) unheard?.();
    });
  }

  // Publishes `last` (the presence going offline) first when given.
  async close(last?: { topic: string; payload: string }): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.closing = true;
    if (last && client.connected) await client.publishAsync(last.topic, last.payload, { qos: 1, retain: true }).catch(() => {});
    // A broker that is away must not hold the daemon's stop.
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([new Promise<boolean>((resolve) => client.end(false, {}, () => resolve(true))), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 3000)))]);
    clearTimeout(timer);
    if (!ended) client.end(true);
  }
}
