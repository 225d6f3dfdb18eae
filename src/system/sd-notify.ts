/**
 * systemd's notify protocol (sd_notify(3)): one AF_UNIX datagram of KEY=VALUE
 * lines to $NOTIFY_SOCKET. The optional native module `unix-dgram` sends it
 * from the daemon's own PID, which is what NotifyAccess=main accepts. Without
 * it, or for an abstract socket ('@...', whose leading NUL unix-dgram cannot
 * address), each message is sent by `systemd-notify`, a child process: that
 * needs NotifyAccess=all (docs/service.md). Nothing here throws; a failed send
 * is logged and systemd's timeouts take over.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

// pino's logger fits; so does anything that takes (object, message).
interface NotifyLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

interface DgramSocket {
  // unix-dgram calls back before send() returns.
  send(buf: Buffer, offset: number, length: number, path: string, callback: (err?: Error) => void): void;
  close(): void;
}
type CreateSocket = (type: 'unix_dgram') => DgramSocket;

export interface Notifier {
  readonly enabled: boolean;
  // Half of WATCHDOG_USEC when systemd's watchdog is on for this process, else null.
  readonly watchdogIntervalMs: number | null;
  ready(status: string): Promise<void>;
  stopping(status: string): Promise<void>;
  // WATCHDOG=1 every interval while isHealthy() holds; systemd restarts the service when they stop.
  startWatchdog(isHealthy: () => boolean): { stop(): void };
}

function loadUnixDgram(log: NotifyLog): CreateSocket | undefined {
  try {
    return (createRequire(import.meta.url)('unix-dgram') as { createSocket: CreateSocket }).createSocket;
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'unix-dgram not usable; sending systemd notifications with systemd-notify (needs NotifyAccess=all)');
    return undefined;
  }
}

// Reads (and removes, so child processes never speak for the daemon) the
// variables systemd passes; without NOTIFY_SOCKET every call does nothing.
export function createNotifier(log: NotifyLog, env: NodeJS.ProcessEnv = process.env): Notifier {
  const address = env.NOTIFY_SOCKET;
  const usec = Number(env.WATCHDOG_USEC);
  const forUs = env.WATCHDOG_PID === undefined || Number(env.WATCHDOG_PID) === process.pid;
  const watchdogIntervalMs = address && usec > 0 && forUs ? Math.max(1, Math.floor(usec / 2000)) : null;
  for (const key of ['NOTIFY_SOCKET', 'WATCHDOG_USEC', 'WATCHDOG_PID']) delete env[key];

  const createSocket = address && !address.startsWith('@') ? loadUnixDgram(log) : undefined;
  // A socket per message: an open one would keep the event loop alive, and one every few seconds costs nothing.
  const viaSocket = (create: CreateSocket, payload: string) =>
    new Promise<void>((resolve, reject) => {
      const socket = create('unix_dgram');
      try {
        socket.send(Buffer.from(payload), 0, Buffer.byteLength(payload), address as string, (err) => (err ? reject(err) : resolve()));
      } finally {
        socket.close();
      }
    });
  const viaSystemdNotify = (lines: string[]) =>
    new Promise<void>((resolve, reject) => execFile('systemd-notify', lines, { env: { NOTIFY_SOCKET: address }, timeout: 5000 }, (err) => (err ? reject(err) : resolve())));
  // systemd-notify processes are chained so READY, WATCHDOG and STOPPING keep their order.
  let chain = Promise.resolve();
  const send = (lines: string[]): Promise<void> => {
    if (!address) return Promise.resolve();
    lines = lines.map((l) => l.replace(/\n/g, ' '));
    const sent = createSocket ? viaSocket(createSocket, lines.join('\n')) : chain.then(() => viaSystemdNotify(lines));
    const logged = sent.catch((err: Error) => log.warn({ err: err.message, message: lines[0] }, 'sd_notify failed'));
    if (!createSocket) chain = logged;
    return logged;
  };

  return {
    enabled: Boolean(address),
    watchdogIntervalMs,
    ready: (status) => send(['READY=1', `STATUS=${status}`]),
    stopping: (status) => send(['STOPPING=1', `STATUS=${status}`]),
    startWatchdog(isHealthy) {
      if (watchdogIntervalMs === null) return { stop() {} };
      let healthy = true;
      const tick = () => {
        let now = false;
        try {
          now = isHealthy();
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'health check threw');
        }
        if (now && !healthy) log.info({}, 'healthy again: resuming systemd watchdog pings');
        if (!now && healthy) log.warn({}, 'unhealthy: withholding systemd watchdog pings');
        healthy = now;
        if (now) void send(['WATCHDOG=1']);
      };
      const timer = setInterval(tick, watchdogIntervalMs);
      timer.unref();
      tick();
      return { stop: () => clearInterval(timer) };
    },
  };
}
