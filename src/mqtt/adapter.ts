import type { IClientOptions, IPublishPacket } from 'mqtt';
import type { HeraldConfig } from '../config/schema.ts';
import type { HeraldEvent } from '../events.ts';
import type { Logger } from '../log.ts';
import { connectMqtt, mqttOptions, type MqttClient } from './client.ts';
import { answerRequest, type RequestHandler } from './requests.ts';
import type { Topics } from './topics.ts';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;
// A broker that went away must not hold a shutdown for longer than this per step.
const SHUTDOWN_STEP_MS = 3000;

export interface MqttRoutes {
  // Must have the message on disk when it returns: the broker's
  // acknowledgement is sent right after (see handleMessage below).
  say(payload: Buffer, topic: string): void;
  // `clear`: empty the queue too.
  stop(clear: boolean): void;
  requests: Record<string, RequestHandler>;
  // Protocols other than Herald's own (one file each, as Zigbee2MQTT's extensions).
  extensions: MqttExtension[];
}

// Topics an extension reads, each with its handler. Exact topics only: a
// wildcard could overlap Herald's own topics and route one message twice.
// A handler runs before the PUBACK, so what it must keep is on disk by then.
export interface MqttExtension {
  readonly handlers: Readonly<Record<string, (payload: Buffer, topic: string) => void>>;
  // After each (re)connect and its subscriptions.
  connected?(): void;
}

export type StatusOf = (state: 'online' | 'offline') => object;

// Herald's side of the broker: the connection with its last will and
// backoff, the subscriptions, routing of what comes in, and every publish.
export class MqttAdapter {
  private client?: MqttClient;
  private statusTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: HeraldConfig,
    private readonly topics: Topics,
    private readonly statusOf: StatusOf,
    private readonly log: Logger,
  ) {}

  // `aedes`: the embedded broker speaks MQTT 3.1.1 only.
  connect(url: string, routes: MqttRoutes, aedes = false): void {
    const options: IClientOptions = mqttOptions(this.config, { topic: this.topics.status, payload: JSON.stringify(this.statusOf('offline')) });
    if (aedes) options.protocolVersion = 4;
    const client = connectMqtt(url, options);
    this.client = client;
    client.on('connect', () => {
      client.options.reconnectPeriod = RECONNECT_MIN_MS;
      this.log.info({ url }, 'MQTT connected');
      const extensionTopics = routes.extensions.flatMap((e) => Object.keys(e.handlers));
      client.subscribe([...this.topics.subscriptions(), ...extensionTopics], { qos: 1 }, (err) => {
        if (err) this.log.error({ err: err.message }, 'MQTT subscribe failed');
      });
      void this.publishStatus();
      for (const e of routes.extensions) e.connected?.();
    });
    // Back off while the broker stays away: 1 s, 2 s, 4 s … up to 30 s.
    client.on('close', () => {
      client.options.reconnectPeriod = Math.min(RECONNECT_MAX_MS, (client.options.reconnectPeriod || RECONNECT_MIN_MS) * 2);
    });
    client.on('reconnect', () => this.log.debug({ nextInMs: client.options.reconnectPeriod }, 'MQTT reconnecting'));
    client.on('error', (err) => this.log.warn({ err: err.message }, 'MQTT error'));
    // mqtt.js sends the PUBACK (QoS 1) only once this calls `done`, so a
    // message is in the journal before the broker may forget it.
    client.handleMessage = (packet: IPublishPacket, done: (err?: Error) => void) => {
      try {
        this.route(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload), routes);
      } catch (err) {
        // A bug in handling one message must not stop the daemon.
        this.log.error({ err: (err as Error).stack, topic: packet.topic }, 'message handling failed');
      }
      done();
    };
  }

  private route(topic: string, payload: Buffer, routes: MqttRoutes): void {
    const route = this.topics.classify(topic);
    if (route?.kind === 'say') routes.say(payload, topic);
    else if (route?.kind === 'stop') routes.stop(clearsQueue(payload));
    else if (route?.kind === 'request') {
      // Answered after the acknowledgement: a request may take a while (reload).
      void answerRequest(routes.requests, route.name, payload).then((response) => this.client?.publish(this.topics.response(route.name), JSON.stringify(response), { qos: 1 }));
    } else {
      const extension = routes.extensions.find((e) => Object.hasOwn(e.handlers, topic));
      extension?.handlers[topic](payload, topic);
    }
  }

  get online(): boolean {
    return this.client?.connected ?? false;
  }

  // For extensions, QoS 1: true once the broker has it, false if it did not
  // get it. While the broker is away mqtt.js keeps it and sends it on reconnect.
  publish(topic: string, payload: string, retain = false): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.client) return resolve(false);
      this.client.publish(topic, payload, { qos: 1, retain }, (err) => resolve(!err));
    });
  }

  publishEvent(event: HeraldEvent): void {
    this.client?.publish(this.topics.event, JSON.stringify(event), { qos: 1, retain: false });
  }

  // QoS 1, not retained: a progress report is news, not state (request/enroll status answers that).
  publishEnroll(name: string, event: object): void {
    this.client?.publish(this.topics.enroll(name), JSON.stringify(event), { qos: 1, retain: false });
  }

  publishMetrics(metrics: object): void {
    this.client?.publish(this.topics.metrics, JSON.stringify(metrics), { qos: 0 });
  }

  publishStatus(state: 'online' | 'offline' = 'online'): Promise<void> {
    return new Promise((resolve) => {
      if (!this.client?.connected) return resolve();
      this.client.publish(this.topics.status, JSON.stringify(this.statusOf(state)), { qos: 1, retain: true }, () => resolve());
    });
  }

  // Many changes in a burst (a queue filling up) make one status message.
  scheduleStatus(): void {
    this.statusTimer ??= setTimeout(() => {
      this.statusTimer = undefined;
      void this.publishStatus();
    }, 250);
  }

  // Offline status, then a clean disconnect; each given a few seconds.
  async close(): Promise<void> {
    clearTimeout(this.statusTimer);
    const client = this.client;
    if (!client) return;
    await within(this.publishStatus('offline'), SHUTDOWN_STEP_MS);
    await within(new Promise<void>((resolve) => client.end(false, {}, () => resolve())), SHUTDOWN_STEP_MS);
    client.end(true);
  }
}

// Any payload on `stop`, even not JSON, stops; `{"clear":true}` also clears.
function clearsQueue(payload: Buffer): boolean {
  try {
    return JSON.parse(payload.toString('utf8'))?.clear === true;
  } catch {
    return false;
  }
}

function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
