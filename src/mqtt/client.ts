import { readFileSync } from 'node:fs';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { HeraldConfig } from '../config/schema.ts';

export type { MqttClient };

// Connection options from config: TLS material and the password are read from
// files, the server certificate is checked unless turned off, and the last
// will marks the device offline if the connection drops.
export function mqttOptions(config: HeraldConfig, will: { topic: string; payload: string }): IClientOptions {
  const m = config.mqtt;
  const read = (path: string | undefined, what: string) => {
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`cannot read mqtt.${what} ${path}: ${(err as Error).message}`);
    }
  };
  const password = m.password ?? read(m.passwordFile, 'passwordFile')?.toString('utf8').trim();
  return {
    clientId: `herald-${config.deviceId}`,
    username: m.username,
    password,
    ca: read(m.ca, 'ca'),
    cert: read(m.cert, 'cert'),
    key: read(m.key, 'key'),
    rejectUnauthorized: m.rejectUnauthorized,
    protocolVersion: m.protocolVersion,
    keepalive: m.keepaliveSeconds,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    // A persistent session: QoS 1 messages published while Herald is down wait
    // in the broker and arrive when it is back.
    clean: false,
    ...(m.protocolVersion === 5 ? { properties: { sessionExpiryInterval: 7 * 24 * 3600 } } : {}),
    will: { topic: will.topic, payload: Buffer.from(will.payload), qos: 1, retain: true },
  };
}

export function connectMqtt(url: string, options: IClientOptions): MqttClient {
  return mqtt.connect(url, options);
}
