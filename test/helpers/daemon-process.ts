// The daemon as production runs it: `node bin/herald.js run` in its own
// process, with a YAML config written for the test. For what an in-process
// daemon cannot show: kill -9, restarts, systemd's notify socket.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const BIN = fileURLToPath(new URL('../../bin/herald.js', import.meta.url));

export interface DaemonProcess {
  child: ChildProcess;
  pid: number;
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function writeDaemonConfig(dir: string, config: Record<string, unknown>): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(path, stringify(config));
  return path;
}

export function startDaemonProcess(configPath: string, env: Record<string, string>): DaemonProcess {
  const child = spawn(process.execPath, [BIN, 'run', '--config', configPath], {
    env: { ...process.env, HERALD_LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d) => {
    log = (log + d).slice(-200_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    pid: child.pid as number,
    log: () => log,
    exited,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
