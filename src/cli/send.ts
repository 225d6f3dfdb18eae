import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { loadConfig } from '../config/load.ts';
import { TERMINAL_EVENTS, type HeraldEvent } from '../events.ts';
import { mqttOptions } from '../mqtt/client.ts';
import { Topics } from '../mqtt/topics.ts';

// A client for people and scripts: publishes one `say` and prints its events
// until the terminal one. Exit 0 only when the message was spoken.
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      url: { type: 'string' },
      'device-id': { type: 'string' },
      voice: { type: 'string' },
      lang: { type: 'string' },
      priority: { type: 'string' },
      interrupt: { type: 'boolean' },
      'timeout-seconds': { type: 'string', default: '120' },
    },
  });
  const text = positionals.join(' ');
  if (!text) {
    process.stderr.write('usage: herald send "text" [--url mqtt://host:1883] [--device-id ID] [--voice V] [--priority P] [--interrupt]\n');
    return 2;
  }
  const { config } = loadConfig(values.config);
  const url = values.url ?? (config.mqtt.embedded ? `mqtt://127.0.0.1:${config.mqtt.embeddedPort}` : config.mqtt.url);
  const topics = new Topics(config.mqtt.baseTopic, values['device-id'] ?? config.deviceId, []);
  const id = `send-${process.pid}-${Date.now()}`;
  const client = mqtt.connect(url, { ...mqttOptions(config, { topic: `${topics.device}/send`, payload: '' }), will: undefined, clientId: `herald-send-${process.pid}`, reconnectPeriod: 0, protocolVersion: 4 });
  return new Promise<number>((resolve) => {
    const timer = setTimeout(() => finish(1, `no terminal event within ${values['timeout-seconds']} s (is the daemon running with device id '${topics.deviceId}'?)`), Number(values['timeout-seconds']) * 1000);
    const finish = (code: number, message?: string) => {
      clearTimeout(timer);
      if (message) process.stderr.write(`herald send: ${message}\n`);
      client.end(true);
      resolve(code);
    };
    client.on('error', (err) => finish(1, `${url}: ${err.message}`));
    client.on('message', (_topic, payload) => {
      let event: HeraldEvent;
      try {
        event = JSON.parse(payload.toString());
      } catch {
        return;
      }
      if (event.id !== id) return;
      process.stdout.write(`${JSON.stringify(event)}\n`);
      if (TERMINAL_EVENTS.has(event.event)) finish(event.event === 'finished' ? 0 : 1);
    });
    client.on('connect', async () => {
      await client.subscribeAsync(topics.event, { qos: 1 });
      const body = { id, text, voice: values.voice, lang: values.lang, priority: values.priority, interrupt: values.interrupt };
      await client.publishAsync(topics.say, JSON.stringify(body), { qos: 1 });
    });
  });
}
