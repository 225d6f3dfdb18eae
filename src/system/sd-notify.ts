/**
 * systemd notify protocol (sd_notify(3)) without libsystemd.
 *
 * When the daemon runs under a `Type=notify` unit, systemd passes the address of
 * its notification socket in NOTIFY_SOCKET (a filesystem path, or an abstract
 * socket written with a leading '@') and, when WatchdogSec= is set, the
 * watchdog timeout in WATCHDOG_USEC (plus WATCHDOG_PID, the PID that is meant
 * to send the pings). State changes are single AF_UNIX/SOCK_DGRAM datagrams
 * holding newline-separated KEY=VALUE assignments.
 *
 * Transport: Node has no unix datagram sockets, so the datagrams are sent by a
 * tiny persistent python3 helper (stdlib only, started once, fed one line per
 * datagram over a pipe, acknowledging each). Because the helper is a child
 * process the unit needs NotifyAccess=all; because it is long-lived it is
 * always alive when systemd reads its datagrams, so systemd can attribute them
 * to the unit (no race). If python3 is missing or keeps dying, each datagram is
 * sent by spawning `systemd-notify` instead (serialized; on systemd >= 246 it
 * waits on a BARRIER=1 so the message is attributed before it exits; on older
 * systemd, e.g. JetPack 5's 245, such messages can be dropped, see
 * docs/service.md). The native `unix-dgram` npm module was rejected because it
 * has no prebuilt binaries and needs a C++ toolchain on the target.
 *
 * Contract: nothing here throws into the caller. Every send resolves to
 * `true` (datagram handed to the kernel) or `false` (disabled or failed; the
 * failure is logged). Without NOTIFY_SOCKET every call is a cheap no-op.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Subset of pino's logger API (pino loggers can be passed as-is). */
export interface SdNotifyLogger {
  warn(obj: object, msg: string): void;
  info?(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

export type NotifyTransportKind = 'helper' | 'systemd-notify';

export interface SdNotifyOptions {
  /** Environment to read NOTIFY_SOCKET / WATCHDOG_USEC / WATCHDOG_PID from. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  logger?: SdNotifyLogger;
  /** 'auto' (default): python3 helper when python3 exists, else systemd-notify. */
  transport?: 'auto' | NotifyTransportKind;
  /** python3 executable; default: /usr/bin/python3, /usr/local/bin/python3, then PATH. */
  pythonPath?: string;
  /** systemd-notify executable; default: /usr/bin/systemd-notify, /bin/systemd-notify, then PATH. */
  systemdNotifyPath?: string;
  /** How long one datagram may take to be acknowledged. Default 5000 ms. */
  sendTimeoutMs?: number;
  /**
   * Remove NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID from `env` after reading them,
   * so child processes (audio players, converters) cannot talk to systemd on the
   * daemon's behalf (the unit has NotifyAccess=all). Default: true when `env` is process.env.
   */
  scrubEnv?: boolean;
  /** PID compared with WATCHDOG_PID. Default: process.pid. */
  pid?: number;
}

export type HealthCheck = () => boolean | Promise<boolean>;

export interface WatchdogHandle {
  /** Ping interval in ms, or null when the watchdog is not enabled (no-op handle). */
  readonly intervalMs: number | null;
  stop(): void;
}

type SendResult = { ok: true } | { ok: false; error: string; fatal?: boolean };

interface Transport {
  readonly kind: NotifyTransportKind;
  send(payload: string): Promise<SendResult>;
  close(): void;
}

const STDERR_LOGGER: SdNotifyLogger = {
  warn(obj, msg) {
    process.stderr.write(`[sd-notify] ${msg} ${safeJson(obj)}\n`);
  },
};

const NOTIFY_ENV_KEYS = ['NOTIFY_SOCKET', 'WATCHDOG_USEC', 'WATCHDOG_PID'] as const;
const KEY_RE = /^[A-Z_][A-Z0-9_]*$/;
const MAX_STATUS_CHARS = 1024;

function safeJson(obj: object): string {
  try {
    return JSON.stringify(obj);
  } catch {
    return '{}';
  }
}

function errText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findExecutable(candidates: readonly string[], name: string, env: NodeJS.ProcessEnv): string | null {
  for (const c of candidates) if (isExecutable(c)) return c;
  const pathVar = env.PATH ?? process.env.PATH ?? '';
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutable(p)) return p;
  }
  return null;
}

/** Single-line, bounded value for STATUS= and friends. */
function oneLine(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ').trim();
  return flat.length > MAX_STATUS_CHARS ? `${flat.slice(0, MAX_STATUS_CHARS - 1)}…` : flat;
}

/** CLOCK_MONOTONIC in microseconds (libuv's hrtime is CLOCK_MONOTONIC on Linux). */
export function monotonicUsec(): bigint {
  return process.hrtime.bigint() / 1000n;
}

/** Parse NOTIFY_SOCKET; null when absent or not an AF_UNIX address (e.g. vsock:). */
export function parseNotifySocket(value: string | undefined): string | null {
  if (!value) return null;
  if (value.startsWith('/') || (value.startsWith('@') && value.length > 1)) return value;
  return null;
}

/**
 * Watchdog ping interval from WATCHDOG_USEC/WATCHDOG_PID: half the timeout, as
 * sd_watchdog_enabled(3) recommends; null when not enabled for this process.
 */
export function parseWatchdogIntervalMs(env: NodeJS.ProcessEnv, pid: number): number | null {
  const usecRaw = env.WATCHDOG_USEC;
  if (!usecRaw || !/^\d+$/.test(usecRaw)) return null;
  const usec = Number(usecRaw);
  if (!Number.isFinite(usec) || usec <= 0) return null;
  const pidRaw = env.WATCHDOG_PID;
  if (pidRaw !== undefined && pidRaw !== '') {
    if (!/^\d+$/.test(pidRaw) || Number(pidRaw) !== pid) return null;
  }
  return Math.max(1, Math.floor(usec / 2000));
}

// The helper: reads "<id> <base64 datagram>" lines, sends each datagram, answers
// "<id> ok" or "<id> err <reason>". Exits on EOF (i.e. when Node exits or closes it).
const HELPER_SOURCE = [
  'import sys, socket, binascii, signal',
  'signal.signal(signal.SIGINT, signal.SIG_IGN)',
  'a = sys.argv[1]',
  "if a.startswith('@'): a = '\\0' + a[1:]",
  's = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)',
  'rd = sys.stdin.readline',
  'wr = sys.stdout.write',
  'while True:',
  '    line = rd()',
  '    if not line: break',
  "    i, _, d = line.strip().partition(' ')",
  '    try:',
  '        s.sendto(binascii.a2b_base64(d), a)',
  "        wr(i + ' ok\\n')",
  '    except Exception as e:',
  "        wr(i + ' err ' + str(e).replace('\\n', ' ') + '\\n')",
  '    sys.stdout.flush()',
].join('\n');

interface Refable {
  ref?: () => void;
  unref?: () => void;
}

function setRef(stream: unknown, on: boolean): void {
  const s = stream as Refable | null;
  if (!s) return;
  if (on) s.ref?.();
  else s.unref?.();
}

class HelperTransport implements Transport {
  readonly kind = 'helper' as const;
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, { resolve: (r: SendResult) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private buf = '';
  private readonly exits: number[] = [];
  private broken: string | null = null;

  constructor(
    private readonly python: string,
    private readonly address: string,
    private readonly timeoutMs: number,
    private readonly log: SdNotifyLogger,
  ) {}

  send(payload: string): Promise<SendResult> {
    if (this.broken) return Promise.resolve({ ok: false, error: this.broken, fatal: true });
    const child = this.ensureChild();
    if (!child || !child.stdin) {
      return Promise.resolve({ ok: false, error: this.broken ?? 'helper unavailable', fatal: this.broken !== null });
    }
    const id = this.nextId++;
    return new Promise<SendResult>((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { ok: false, error: `no acknowledgement within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, timer });
      setRef(child.stdout, true);
      try {
        child.stdin!.write(`${id} ${Buffer.from(payload, 'utf8').toString('base64')}\n`);
      } catch (err) {
        this.settle(id, { ok: false, error: errText(err) });
      }
    });
  }

  close(): void {
    const child = this.child;
    this.child = null;
    this.failAll({ ok: false, error: 'notifier closed' });
    if (child) {
      try {
        child.stdin?.end();
      } catch {
        /* already gone */
      }
    }
  }

  private settle(id: number, result: SendResult): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (this.pending.size === 0 && this.child) setRef(this.child.stdout, false);
    p.resolve(result);
  }

  private failAll(result: SendResult): void {
    for (const id of [...this.pending.keys()]) this.settle(id, result);
  }

  private ensureChild(): ChildProcess | null {
    if (this.child) return this.child;
    let child: ChildProcess;
    try {
      child = spawn(this.python, ['-I', '-S', '-c', HELPER_SOURCE, this.address], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: {},
        windowsHide: true,
      });
    } catch (err) {
      this.broken = `cannot start ${this.python}: ${errText(err)}`;
      return null;
    }
    this.child = child;
    child.on('error', (err: NodeJS.ErrnoException) => {
      // spawn failure (ENOENT/EACCES/EPERM from a seccomp filter...): give up on the helper.
      this.broken = `cannot start ${this.python}: ${err.code ?? err.message}`;
      if (this.child === child) this.child = null;
      this.failAll({ ok: false, error: this.broken, fatal: true });
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      const now = Date.now();
      this.exits.push(now);
      while (this.exits.length > 0 && now - this.exits[0]! > 60_000) this.exits.shift();
      if (this.exits.length >= 3 && !this.broken) {
        this.broken = 'helper exited 3 times within a minute';
      }
      if (this.pending.size > 0) {
        this.failAll({
          ok: false,
          error: `helper exited (code ${String(code)}, signal ${String(signal)})`,
          fatal: this.broken !== null,
        });
      }
    });
    child.stdin?.on('error', () => {
      /* EPIPE when the helper died; reported through 'exit' */
    });
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => this.onData(chunk));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      const text = chunk.trim();
      if (text) this.log.warn({ helper: this.python }, `sd-notify helper stderr: ${text.slice(0, 500)}`);
    });
    // The helper must never keep the daemon alive on its own; stdout is re-ref'd
    // while a datagram is awaiting its acknowledgement.
    child.unref();
    setRef(child.stdin, false);
    setRef(child.stdout, false);
    setRef(child.stderr, false);
    return child;
  }

  private onData(chunk: string): void {
    this.buf += chunk;
    let nl: number;
    while ((nl = this.buf.indexOf('\n')) >= 0) {
      const line = this.buf.slice(0, nl);
      this.buf = this.buf.slice(nl + 1);
      const m = /^(\d+) (ok|err)(?: (.*))?$/.exec(line);
      if (!m) continue;
      const id = Number(m[1]);
      if (m[2] === 'ok') this.settle(id, { ok: true });
      else this.settle(id, { ok: false, error: m[3] ?? 'unknown error' });
    }
  }
}

class SystemdNotifyTransport implements Transport {
  readonly kind = 'systemd-notify' as const;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly exe: string,
    private readonly address: string,
    private readonly timeoutMs: number,
  ) {}

  send(payload: string): Promise<SendResult> {
    // Serialized: separate processes could otherwise reorder READY/WATCHDOG/STOPPING.
    const run = this.chain.then(() => this.sendOne(payload));
    this.chain = run.catch(() => undefined);
    return run;
  }

  close(): void {
    /* nothing persistent */
  }

  private sendOne(payload: string): Promise<SendResult> {
    const args = ['--', ...payload.split('\n').filter((l) => l.length > 0)];
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      let stderr = '';
      const done = (r: SendResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      let child: ChildProcess;
      try {
        child = spawn(this.exe, args, {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { NOTIFY_SOCKET: this.address },
          windowsHide: true,
        });
      } catch (err) {
        resolve({ ok: false, error: errText(err), fatal: true });
        return;
      }
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done({ ok: false, error: `systemd-notify did not finish within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (d: string) => {
        if (stderr.length < 2000) stderr += d;
      });
      child.on('error', (err: NodeJS.ErrnoException) =>
        done({ ok: false, error: `cannot run ${this.exe}: ${err.code ?? err.message}`, fatal: true }),
      );
      child.on('close', (code) => {
        if (code === 0) done({ ok: true });
        else done({ ok: false, error: `systemd-notify exited ${String(code)}: ${stderr.trim()}` });
      });
    });
  }
}

/** One notifier per process is the normal case; see getSdNotifier(). */
export class SdNotifier {
  /** NOTIFY_SOCKET value in use, or null when notifications are disabled. */
  readonly socketAddress: string | null;
  private readonly intervalMs: number | null;
  private log: SdNotifyLogger;
  private transport: Transport | null = null;
  private readonly opts: SdNotifyOptions;
  private readonly env: NodeJS.ProcessEnv;
  private dead = false;
  private activeWatchdog: { stop(): void } | null = null;

  constructor(opts: SdNotifyOptions = {}) {
    this.opts = opts;
    this.log = opts.logger ?? STDERR_LOGGER;
    const env = opts.env ?? process.env;
    this.env = env;
    const rawSocket = env.NOTIFY_SOCKET;
    this.socketAddress = parseNotifySocket(rawSocket);
    if (rawSocket && !this.socketAddress) {
      this.log.warn({ NOTIFY_SOCKET: rawSocket }, 'unsupported NOTIFY_SOCKET address; systemd notifications disabled');
    }
    const pid = opts.pid ?? process.pid;
    this.intervalMs = this.socketAddress ? parseWatchdogIntervalMs(env, pid) : null;
    if (this.socketAddress && env.WATCHDOG_USEC && this.intervalMs === null) {
      this.log.debug?.(
        { WATCHDOG_USEC: env.WATCHDOG_USEC, WATCHDOG_PID: env.WATCHDOG_PID, pid },
        'systemd watchdog not enabled for this process',
      );
    }
    const scrub = opts.scrubEnv ?? env === process.env;
    if (scrub) for (const k of NOTIFY_ENV_KEYS) delete env[k];
  }

  /** True when NOTIFY_SOCKET was set (i.e. running under a Type=notify unit). */
  get enabled(): boolean {
    return this.socketAddress !== null;
  }

  /** Transport currently in use ('helper' | 'systemd-notify'), null before the first send or when disabled. */
  get transportKind(): NotifyTransportKind | null {
    return this.transport?.kind ?? null;
  }

  setLogger(logger: SdNotifyLogger): void {
    this.log = logger;
  }

  /** Half of WATCHDOG_USEC in ms; null when the systemd watchdog is not enabled for this process. */
  watchdogIntervalMs(): number | null {
    return this.intervalMs;
  }

  /** READY=1 (optionally with STATUS=). Call once the daemon serves requests, and again after a reload. */
  ready(status?: string): Promise<boolean> {
    return this.notify(status === undefined ? { READY: '1' } : { READY: '1', STATUS: status });
  }

  status(text: string): Promise<boolean> {
    return this.notify({ STATUS: text });
  }

  stopping(status?: string): Promise<boolean> {
    return this.notify(status === undefined ? { STOPPING: '1' } : { STOPPING: '1', STATUS: status });
  }

  /** RELOADING=1 with MONOTONIC_USEC (required by Type=notify-reload); send ready() when done. */
  reloading(status?: string): Promise<boolean> {
    const fields: Record<string, string> = { RELOADING: '1', MONOTONIC_USEC: monotonicUsec().toString() };
    if (status !== undefined) fields.STATUS = status;
    return this.notify(fields);
  }

  /** One WATCHDOG=1 ping. Prefer startWatchdog(). */
  watchdog(): Promise<boolean> {
    return this.notify({ WATCHDOG: '1' });
  }

  /**
   * EXTEND_TIMEOUT_USEC: ask for `ms` more from now before the start/stop timeout fires
   * (e.g. repeatedly while a first TensorRT engine build runs before READY=1).
   */
  extendTimeout(ms: number): Promise<boolean> {
    if (!Number.isFinite(ms) || ms <= 0) return Promise.resolve(false);
    return this.notify({ EXTEND_TIMEOUT_USEC: String(Math.round(ms * 1000)) });
  }

  /**
   * Send raw assignments. Values are flattened to one line. Resolves true when the
   * datagram was handed to the socket, false when disabled or on error (logged).
   */
  async notify(fields: Record<string, string | number>): Promise<boolean> {
    if (!this.socketAddress) return false;
    try {
      const lines: string[] = [];
      for (const [key, value] of Object.entries(fields)) {
        if (!KEY_RE.test(key)) {
          this.log.warn({ key }, 'ignoring invalid sd_notify key');
          continue;
        }
        lines.push(`${key}=${oneLine(String(value))}`);
      }
      if (lines.length === 0) return false;
      const payload = lines.join('\n');
      const transport = this.getTransport();
      if (!transport) return false;
      let result = await transport.send(payload);
      if (!result.ok && result.fatal && transport.kind === 'helper') {
        const fallback = this.switchToSystemdNotify(result.error);
        if (fallback) result = await fallback.send(payload);
      }
      if (!result.ok) {
        this.log.warn({ error: result.error, message: payload.split('\n')[0] }, 'sd_notify failed');
        return false;
      }
      return true;
    } catch (err) {
      this.log.warn({ error: errText(err) }, 'sd_notify failed');
      return false;
    }
  }

  /**
   * Ping WATCHDOG=1 every watchdogIntervalMs() while `isHealthy()` returns true
   * (a promise is awaited for at most one interval; a throw or timeout counts as
   * unhealthy). When it stops returning true the pings stop and systemd restarts
   * the service after WatchdogSec=. Pings resume if it recovers first. The
   * timer is unref'd. Only one watchdog runs at a time: a second call replaces
   * the first. Returns a no-op handle when the watchdog is not enabled.
   */
  startWatchdog(isHealthy: HealthCheck): WatchdogHandle {
    this.activeWatchdog?.stop();
    this.activeWatchdog = null;
    const intervalMs = this.intervalMs;
    if (intervalMs === null) return { intervalMs: null, stop() {} };

    let stopped = false;
    let running = false;
    let lastHealthy: boolean | null = null;

    const evaluate = async (): Promise<boolean> => {
      let r: boolean | Promise<boolean>;
      try {
        r = isHealthy();
      } catch (err) {
        this.log.warn({ error: errText(err) }, 'watchdog health check threw');
        return false;
      }
      if (typeof r === 'boolean') return r;
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), intervalMs);
          timer.unref();
        });
        return (await Promise.race([Promise.resolve(r), timeout])) === true;
      } catch (err) {
        this.log.warn({ error: errText(err) }, 'watchdog health check rejected');
        return false;
      } finally {
        if (timer) clearTimeout(timer);
      }
    };

    const tick = async (): Promise<void> => {
      if (stopped || running) return;
      running = true;
      try {
        const healthy = await evaluate();
        if (stopped) return;
        if (healthy !== lastHealthy) {
          if (!healthy) this.log.warn({}, 'health check failed: withholding systemd watchdog pings');
          else if (lastHealthy === false) this.log.info?.({}, 'health check recovered: resuming systemd watchdog pings');
          lastHealthy = healthy;
        }
        if (healthy) await this.watchdog();
      } catch (err) {
        this.log.warn({ error: errText(err) }, 'watchdog tick failed');
      } finally {
        running = false;
      }
    };

    const timer = setInterval(() => void tick(), intervalMs);
    timer.unref();
    void tick();
    const handle = {
      intervalMs,
      stop: (): void => {
        if (stopped) return;
        stopped = true;
        clearInterval(timer);
        if (this.activeWatchdog === handle) this.activeWatchdog = null;
      },
    };
    this.activeWatchdog = handle;
    return handle;
  }

  /** Stop the watchdog and the helper process (it also exits by itself when Node exits). */
  close(): void {
    this.activeWatchdog?.stop();
    this.activeWatchdog = null;
    this.transport?.close();
    this.transport = null;
  }

  private getTransport(): Transport | null {
    if (this.transport) return this.transport;
    if (this.dead || !this.socketAddress) return null;
    const mode = this.opts.transport ?? 'auto';
    if (mode === 'auto' || mode === 'helper') {
      const python =
        this.opts.pythonPath ?? findExecutable(['/usr/bin/python3', '/usr/local/bin/python3'], 'python3', this.env);
      if (python) {
        this.transport = new HelperTransport(python, this.socketAddress, this.opts.sendTimeoutMs ?? 5000, this.log);
        return this.transport;
      }
      this.log.warn({}, 'python3 not found; sending systemd notifications with systemd-notify');
    }
    return this.switchToSystemdNotify(null);
  }

  /** Replace the helper by per-message systemd-notify; null (and notifications off) if that is missing too. */
  private switchToSystemdNotify(reason: string | null): Transport | null {
    if (this.transport?.kind === 'systemd-notify') return this.transport;
    this.transport?.close();
    this.transport = null;
    if (this.dead || !this.socketAddress) return null;
    const exe =
      this.opts.systemdNotifyPath ??
      findExecutable(['/usr/bin/systemd-notify', '/bin/systemd-notify'], 'systemd-notify', this.env);
    if (!exe) {
      this.dead = true;
      this.log.warn({ reason }, 'neither the python3 helper nor systemd-notify is usable: systemd notifications disabled');
      return null;
    }
    if (reason) this.log.warn({ reason, exe }, 'sd-notify helper unusable; using systemd-notify per message');
    this.transport = new SystemdNotifyTransport(exe, this.socketAddress, this.opts.sendTimeoutMs ?? 5000);
    return this.transport;
  }
}

/**
 * Event-loop responsiveness probe for startWatchdog(): `check()` is false when the
 * event loop was blocked for more than `maxLagMs` at a stretch since the previous
 * check (synchronous work hogging the loop between watchdog ticks). It samples with
 * an unref'd timer every `resolutionMs`. A loop that stays blocked needs no probe:
 * the watchdog timer simply never fires.
 */
export function createLoopLagProbe(maxLagMs: number, resolutionMs = 50): { check: () => boolean; stop: () => void } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - resolutionMs);
    last = now;
  }, resolutionMs);
  timer.unref();
  return {
    check: () => {
      // Include a stall that ended just now, before the sampling timer could run.
      const now = performance.now();
      const worstMs = Math.max(worst, now - last - resolutionMs);
      worst = 0;
      last = now;
      return worstMs <= maxLagMs;
    },
    stop: () => clearInterval(timer),
  };
}

let defaultNotifier: SdNotifier | null = null;

/**
 * Create (or return) the process-wide notifier reading process.env. Call once at
 * daemon start, before spawning children, to hand it the daemon's logger. A second
 * call only replaces the logger (the environment has already been scrubbed).
 */
export function initSdNotify(opts: Omit<SdNotifyOptions, 'env'> = {}): SdNotifier {
  if (defaultNotifier) {
    if (opts.logger) defaultNotifier.setLogger(opts.logger);
    return defaultNotifier;
  }
  defaultNotifier = new SdNotifier(opts);
  return defaultNotifier;
}

export function getSdNotifier(): SdNotifier {
  return defaultNotifier ?? initSdNotify();
}

export const isNotifyEnabled = (): boolean => getSdNotifier().enabled;
export const notifyReady = (status?: string): Promise<boolean> => getSdNotifier().ready(status);
export const notifyStatus = (text: string): Promise<boolean> => getSdNotifier().status(text);
export const notifyStopping = (status?: string): Promise<boolean> => getSdNotifier().stopping(status);
export const notifyReloading = (status?: string): Promise<boolean> => getSdNotifier().reloading(status);
export const notifyWatchdog = (): Promise<boolean> => getSdNotifier().watchdog();
export const extendTimeout = (ms: number): Promise<boolean> => getSdNotifier().extendTimeout(ms);
export const watchdogIntervalMs = (): number | null => getSdNotifier().watchdogIntervalMs();
export const startWatchdog = (isHealthy: HealthCheck): WatchdogHandle => getSdNotifier().startWatchdog(isHealthy);
