// A real mosquitto broker (Debian's /usr/sbin/mosquitto) on a free port of
// 127.0.0.1, with a throw-away config: anonymous, no persistence.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO = process.env.HERALD_TEST_MOSQUITTO ?? '/usr/sbin/mosquitto';

export interface Mosquitto {
  port: number;
  url: string;
  pid: number;
  // Everything mosquitto wrote to stderr/stdout so far (for failure messages).
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface MosquittoOptions {
  // More lines for its config, e.g. a bridge (see bridgeTo).
  extra?: string[];
}

// A mosquitto bridge (its own, MQTT 5) from the broker it is added to, to the
// one on `port`, carrying `topics` both ways at QoS 1.
export function bridgeTo(name: string, port: number, topics: string[]): string[] {
  return [`connection ${name}`, `address 127.0.0.1:${port}`, 'bridge_protocol_version mqttv50', 'cleansession true', 'restart_timeout 1', ...topics.map((t) => `topic ${t} both 1`)];
}

async function startOnce(port: number, dir: string, options: MosquittoOptions): Promise<Mosquitto | undefined> {
  const conf = join(dir, `mosquitto-${port}.conf`);
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      // mosquitto drops QoS 1 messages past 1000 queued for one client; a
      // burst test (the fuzz) must see Herald's behaviour, not that limit.
      'max_queued_messages 0',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      // Root drops to the user named here; any other user stays itself.
      `user ${userInfo().username}`,
      ...(options.extra ?? []),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  child.once('error', (err) => {
    output += `spawn error: ${err.message}`;
  });
  const deadline = Date.now() + 15_000;
  while (!exited && Date.now() < deadline) {
    if (await canConnect(port)) {
      return {
        port,
        url: `mqtt://127.0.0.1:${port}`,
        pid: child.pid!,
        output: () => output,
        stop: async () => {
          if (exited) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
          await exit;
          clearTimeout(timer);
        },
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!exited) {
    child.kill('SIGKILL');
    await exit;
    throw new Error(`mosquitto did not accept connections on ${port} within 15 s: ${output}`);
  }
  // Lost the port to someone else between picking and binding: try another.
  if (/address already in use/i.test(output)) return undefined;
  throw new Error(`mosquitto exited at start: ${output}`);
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-mosquitto-'));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const broker = await startOnce(await freePort(), dir, options);
      if (broker) {
        const stop = broker.stop;
        broker.stop = async () => {
          await stop();
          rmSync(dir, { recursive: true, force: true });
        };
        return broker;
      }
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('could not start mosquitto on a free port after 5 attempts');
}
