// The broker may forget a QoS 1 message once Herald acknowledges it, so the
// message must be in the fsynced journal first. A real broker (aedes, the
// embedded one) tells when each PUBACK arrives; at that moment the journal on
// disk must already hold that message.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import pino from 'pino';
import { configSchema } from '../src/config/schema.ts';
import { Daemon } from '../src/daemon.ts';
import { writeAlsaFileConfig } from './helpers/alsa.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-puback-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

test('every PUBACK from Herald arrives after its message is in the journal', async () => {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => broker.close(() => server.close(() => resolve()))));
  const port = (server.address() as { port: number }).port;

  const { configPath } = writeAlsaFileConfig(dir);
  process.env.ALSA_CONFIG_PATH = configPath;
  const config = configSchema.parse({
    deviceId: 'puback',
    mqtt: { url: `mqtt://127.0.0.1:${port}`, protocolVersion: 4 },
    voices: { dir: join(dir, 'no-voices') },
    stateDir: join(dir, 'state'),
    metrics: { intervalSeconds: 3600 },
  });
  const daemon = new Daemon(config, pino({ level: 'silent' }));
  await daemon.start();
  cleanups.push(() => daemon.stop());

  // What the journal held, read from disk, when each of Herald's acks came in.
  const journalAtAck = new Map<string, string>();
  broker.on('ack', (packet, client) => {
    if (client?.id !== 'herald-puback' || !packet || !('payload' in packet)) return;
    const id = JSON.parse(packet.payload.toString()).id;
    journalAtAck.set(id, readFileSync(daemon.journal.path, 'utf8'));
  });
  await new Promise<void>((resolve) => {
    const ready = () => (broker.connectedClients > 0 ? resolve() : setTimeout(ready, 50));
    ready();
  });

  const sender = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4 });
  cleanups.push(() => sender.endAsync());
  // Subscribed: the daemon's SUBACK has come when its status is published.
  await new Promise<void>((resolve) => {
    void sender.subscribeAsync('herald/puback/status', { qos: 1 });
    sender.on('message', () => resolve());
  });
  const ids = Array.from({ length: 20 }, (_, i) => `ack-${i}`);
  for (const id of ids) await sender.publishAsync('herald/puback/say', JSON.stringify({ id, text: `Message ${id}.`, priority: 'low' }), { qos: 1 });
  const deadline = Date.now() + 20_000;
  while (journalAtAck.size < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(journalAtAck.size, ids.length, `acks seen for ${[...journalAtAck.keys()].join(', ')}`);
  for (const id of ids) assert.ok(journalAtAck.get(id)!.includes(`"id":"${id}"`), `PUBACK of ${id} overtook the journal`);
});
