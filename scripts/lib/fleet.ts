// For the fleet scripts (measure-pool.ts, fleet-load.ts): a mosquitto and
// daemons started the way production starts them (compiled dist/, the node
// flags of the systemd unit), each on ALSA's null PCM, watched over MQTT.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { stringify } from 'yaml';
import { freePort } from '../../src/cli/bench.ts';
import type { HeraldEvent } from '../../src/events.ts';
import { DAEMON_ENV, DAEMON_NODE_ARGS } from '../../src/system/daemon-node.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Broker {
  url: string;
  child: ChildProcess;
}

export async function startBroker(dir: string): Promise<Broker> {
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  // No queue limit: a burst must show what Herald does, not mosquitto's 1000.
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 0\n`);
  const child = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const probe = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 500 });
    const ok = await new Promise<boolean>((r) => {
      probe.once('connect', () => r(true));
      probe.once('error', () => r(false));
      probe.once('close', () => r(false));
    });
    probe.end(true);
    if (ok) return { url, child };
    await sleep(100);
  }
  throw new Error('mosquitto did not start');
}

// The daemon and what it said, through the watcher below.
export interface Daemon {
  id: string;
  child: ChildProcess;
}

export function startDaemon(dir: string, id: string, config: Record<string, unknown>): Daemon {
  const home = join(dir, id);
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'asound.conf'), 'pcm.nullsink { type null }\npcm.!default { type plug slave.pcm "nullsink" }\n');
  writeFileSync(join(home, 'config.yaml'), stringify({ deviceId: id, stateDir: join(home, 'state'), metrics: { intervalSeconds: 3600 }, log: { level: 'warn' }, ...config }));
  const child = spawn(process.execPath, [...DAEMON_NODE_ARGS, join(ROOT, 'bin/herald.js'), 'run', '--config', join(home, 'config.yaml')], {
    env: { ...process.env, ...DAEMON_ENV, ALSA_CONFIG_PATH: join(home, 'asound.conf') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { id, child };
}

// Every event and online status on the broker.
export class Watcher {
  readonly events: HeraldEvent[] = [];
  readonly online = new Set<string>();
  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload) => {
      const msg = JSON.parse(payload.toString());
      const device = topic.split('/')[1];
      if (topic.endsWith('/event')) this.events.push({ ...msg, device });
      else if (msg.state === 'online') this.online.add(device);
      else this.online.delete(device);
    });
  }

  static async connect(url: string): Promise<Watcher> {
    const client = mqtt.connect(url, { protocolVersion: 5 });
    await new Promise<void>((r) => client.once('connect', () => r()));
    await client.subscribeAsync(['herald/+/event', 'herald/+/status'], { qos: 1 });
    return new Watcher(client);
  }

  async until(what: string, ok: () => boolean, ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
      await sleep(50);
    }
  }

  terminal(device: string, id: string): HeraldEvent | undefined {
    return this.events.find((e) => (e as HeraldEvent & { device: string }).device === device && e.id === id && ['finished', 'failed', 'dropped'].includes(e.event));
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

export async function stopAll(daemons: Daemon[], broker?: Broker): Promise<void> {
  await Promise.all(
    daemons.map((d) => {
      if (d.child.exitCode !== null || d.child.signalCode !== null) return;
      const gone = new Promise((r) => d.child.once('exit', r));
      d.child.kill('SIGTERM');
      const timer = setTimeout(() => d.child.kill('SIGKILL'), 10_000);
      return gone.then(() => clearTimeout(timer));
    }),
  );
  broker?.child.kill();
}
