import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  SdNotifier,
  createLoopLagProbe,
  parseNotifySocket,
  parseWatchdogIntervalMs,
  type SdNotifyLogger,
} from '../src/system/sd-notify.ts';
import { pythonExecutable, startNotifyListener, type NotifyListener, type NotifyMessage } from './helpers/notify-listener.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const moduleUrl = pathToFileURL(join(root, 'src/system/sd-notify.ts')).href;
const hasPython = existsSync('/usr/bin/python3') || (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, 'python3')));
const systemdNotify = ['/usr/bin/systemd-notify', '/bin/systemd-notify'].find((p) => existsSync(p));

// The "daemon" under test: a tsx child that uses the module exactly as the daemon
// does (process.env, singleton API) and is steered over stdin.
const DRIVER = `
const sd = await import(process.env.SD_MODULE_URL);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
const logger = {
  warn: (o, m) => process.stderr.write('warn: ' + m + ' ' + JSON.stringify(o) + '\\n'),
  info: (o, m) => process.stderr.write('info: ' + m + '\\n'),
  debug: () => {},
};
const n = sd.initSdNotify({ logger, transport: process.env.SD_TEST_TRANSPORT || 'auto' });
let healthy = true;
out({ event: 'started', enabled: sd.isNotifyEnabled(), interval: sd.watchdogIntervalMs(),
      scrubbed: process.env.NOTIFY_SOCKET === undefined && process.env.WATCHDOG_USEC === undefined });
const ready = await sd.notifyReady('serving');
out({ event: 'ready', ok: ready, transport: n.transportKind });
const wd = process.env.SD_TEST_WATCHDOG === '1' ? sd.startWatchdog(() => healthy) : null;
let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', async (chunk) => {
  buf += chunk;
  let nl;
  while ((nl = buf.indexOf('\\n')) >= 0) {
    const cmd = buf.slice(0, nl); buf = buf.slice(nl + 1);
    if (cmd === 'unhealthy') { healthy = false; out({ event: 'ack', cmd, at: Date.now() }); }
    else if (cmd === 'healthy') { healthy = true; out({ event: 'ack', cmd, at: Date.now() }); }
    else if (cmd === 'reload') {
      const a = await sd.notifyReloading('reloading config');
      const b = await sd.notifyReady('serving');
      out({ event: 'ack', cmd, ok: a && b, at: Date.now() });
    } else if (cmd === 'stop') {
      wd?.stop();
      const ok = await sd.notifyStopping('shutting down');
      out({ event: 'ack', cmd, ok, at: Date.now() });
      // No process.exit(): the helper must not keep the event loop alive.
      process.stdin.destroy();
    }
  }
});
`;

interface Driver {
  child: ChildProcessWithoutNullStreams;
  events: Array<Record<string, unknown>>;
  waitEvent(pred: (e: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>>;
  send(cmd: string): void;
  exited: Promise<number | null>;
  stderr(): string;
}

function startDriver(env: Record<string, string>): Driver {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SD_MODULE_URL: moduleUrl, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', DRIVER], {
    cwd: root,
    env: childEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: Array<Record<string, unknown>> = [];
  const waiters: Array<{ pred: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }> = [];
  let err = '';
  let buf = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    err += d;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    buf += d;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      let e: Record<string, unknown>;
      try {
        e = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      events.push(e);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i]!;
        if (w.pred(e)) {
          waiters.splice(i, 1);
          w.resolve(e);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    events,
    send: (cmd) => child.stdin.write(`${cmd}\n`),
    exited,
    stderr: () => err,
    waitEvent(pred, timeoutMs) {
      const found = events.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`driver event not seen in ${timeoutMs} ms; events ${JSON.stringify(events)}; stderr ${err}`)),
          timeoutMs,
        );
        waiters.push({
          pred,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    }),
  ]);
}

const isWatchdog = (m: NotifyMessage): boolean => m.fields.WATCHDOG === '1';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function capturingLogger(): SdNotifyLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (o, m) => lines.push(`warn ${m} ${JSON.stringify(o)}`),
    info: (o, m) => lines.push(`info ${m} ${JSON.stringify(o)}`),
    debug: () => {},
  };
}

describe('sd-notify against a real AF_UNIX datagram socket', { skip: hasPython ? false : 'python3 is needed to bind the test socket' }, () => {
  let listener: NotifyListener;

  before(async () => {
    listener = await startNotifyListener();
  });
  after(async () => {
    await listener?.close();
  });

  it('daemon child: READY, periodic WATCHDOG while healthy, none while unhealthy, RELOADING, STOPPING', async () => {
    const d = startDriver({ NOTIFY_SOCKET: listener.path, WATCHDOG_USEC: '400000', SD_TEST_WATCHDOG: '1' });
    try {
      const started = await d.waitEvent((e) => e.event === 'started', 15000);
      assert.equal(started.enabled, true);
      assert.equal(started.interval, 200, 'watchdog interval is half of WATCHDOG_USEC');
      assert.equal(started.scrubbed, true, 'NOTIFY_SOCKET/WATCHDOG_USEC are removed from the env children inherit');

      const ready = await listener.waitFor((m) => m.fields.READY === '1', 5000);
      assert.equal(ready.fields.STATUS, 'serving');
      const readyEvent = await d.waitEvent((e) => e.event === 'ready', 5000);
      assert.equal(readyEvent.ok, true);
      assert.equal(readyEvent.transport, 'helper');
      // Sent by the persistent helper, a child of the daemon (hence NotifyAccess=all in the unit).
      assert.ok(ready.pid !== null && ready.pid !== d.child.pid);
      const stat = readFileSync(`/proc/${ready.pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      assert.equal(ppid, d.child.pid, 'the sender is the daemon\'s helper child');

      // Periodic pings at ~200 ms.
      const readyIdx = listener.messages.indexOf(ready);
      const deadline = Date.now() + 4000;
      while (listener.messages.slice(readyIdx).filter(isWatchdog).length < 4 && Date.now() < deadline) await sleep(50);
      const pings = listener.messages.slice(readyIdx).filter(isWatchdog);
      assert.ok(pings.length >= 4, `expected >= 4 WATCHDOG=1, got ${pings.length}`);
      const gaps = pings.slice(1).map((p, i) => (p.monotonicUsec - pings[i]!.monotonicUsec) / 1000).sort((a, b) => a - b);
      const median = gaps[Math.floor(gaps.length / 2)]!;
      assert.ok(median >= 150 && median <= 450, `median ping spacing ${median} ms, want ~200 ms`);

      // Unhealthy: pings stop.
      d.send('unhealthy');
      const ack = await d.waitEvent((e) => e.event === 'ack' && e.cmd === 'unhealthy', 3000);
      const unhealthyAt = ack.at as number;
      // A ping already on its way when the flag flipped may still land: allow 300 ms for it,
      // then ~3.5 intervals in which none may arrive.
      await sleep(1000);
      const late = listener.messages.filter((m) => isWatchdog(m) && m.receivedAt > unhealthyAt + 300);
      assert.equal(late.length, 0, `no WATCHDOG=1 while unhealthy, got ${late.length}`);

      // Healthy again: pings resume.
      d.send('healthy');
      const ack2 = await d.waitEvent((e) => e.event === 'ack' && e.cmd === 'healthy', 3000);
      await listener.waitFor((m) => isWatchdog(m) && m.receivedAt >= (ack2.at as number), 2000);

      // Reload: RELOADING=1 + MONOTONIC_USEC on the same clock as the receiver, then READY=1.
      d.send('reload');
      const reloading = await listener.waitFor((m) => m.fields.RELOADING === '1', 3000);
      const mono = Number(reloading.fields.MONOTONIC_USEC);
      assert.ok(Number.isInteger(mono) && mono > 0, `MONOTONIC_USEC=${reloading.fields.MONOTONIC_USEC}`);
      assert.ok(mono <= reloading.monotonicUsec && reloading.monotonicUsec - mono < 2_000_000, 'MONOTONIC_USEC is CLOCK_MONOTONIC');
      const reloadIdx = listener.messages.indexOf(reloading);
      await listener.waitFor((m) => m.fields.READY === '1' && listener.messages.indexOf(m) > reloadIdx, 3000);

      // Stop: STOPPING=1, and the process exits by itself (the helper does not hold it open).
      d.send('stop');
      const stopping = await listener.waitFor((m) => m.fields.STOPPING === '1', 3000);
      assert.equal(stopping.fields.STATUS, 'shutting down');
      const code = await withTimeout(d.exited, 5000, 'daemon child exit');
      assert.equal(code, 0, d.stderr());
    } finally {
      d.child.kill('SIGKILL');
    }
  });

  it('systemd-notify transport to an abstract socket (fallback path)', { skip: systemdNotify ? false : 'systemd-notify not installed' }, async () => {
    const abstract = await startNotifyListener({ abstract: true });
    try {
      assert.ok(abstract.path.startsWith('@'));
      const d = startDriver({ NOTIFY_SOCKET: abstract.path, SD_TEST_TRANSPORT: 'systemd-notify' });
      try {
        const ev = await d.waitEvent((e) => e.event === 'ready', 15000);
        assert.equal(ev.ok, true, d.stderr());
        assert.equal(ev.transport, 'systemd-notify');
        const ready = await abstract.waitFor((m) => m.fields.READY === '1', 3000);
        assert.equal(ready.fields.STATUS, 'serving');
        d.send('stop');
        await abstract.waitFor((m) => m.fields.STOPPING === '1', 5000);
        assert.equal(await withTimeout(d.exited, 8000, 'daemon child exit'), 0, d.stderr());
      } finally {
        d.child.kill('SIGKILL');
      }
      // The python helper reaches abstract sockets too.
      const n = new SdNotifier({ env: { NOTIFY_SOCKET: abstract.path }, pythonPath: pythonExecutable(), logger: capturingLogger() });
      try {
        assert.equal(await n.status('abstract via helper'), true);
        assert.equal(n.transportKind, 'helper');
        await abstract.waitFor((m) => m.fields.STATUS === 'abstract via helper', 3000);
      } finally {
        n.close();
      }
    } finally {
      await abstract.close();
    }
  });

  it('falls back to systemd-notify when the python helper cannot start', { skip: systemdNotify ? false : 'systemd-notify not installed' }, async () => {
    const log = capturingLogger();
    const n = new SdNotifier({ env: { NOTIFY_SOCKET: listener.path }, pythonPath: '/nonexistent/python3', logger: log });
    try {
      const before = listener.messages.length;
      assert.equal(await n.status('via fallback'), true, log.lines.join('\n'));
      assert.equal(n.transportKind, 'systemd-notify');
      await listener.waitFor((m) => m.fields.STATUS === 'via fallback' && listener.messages.indexOf(m) >= before, 3000);
      assert.ok(log.lines.some((l) => l.includes('helper unusable')), log.lines.join('\n'));
    } finally {
      n.close();
    }
  });

  it('in-process: async health checks, throwing checks, status flattening, no throw on a dead socket', async () => {
    const log = capturingLogger();
    let mode: 'async-ok' | 'throw' = 'async-ok';
    const n = new SdNotifier({ env: { NOTIFY_SOCKET: listener.path, WATCHDOG_USEC: '200000' }, logger: log, pythonPath: pythonExecutable() });
    try {
      assert.equal(n.watchdogIntervalMs(), 100);
      const start = listener.messages.length;
      const wd = n.startWatchdog(() => {
        if (mode === 'throw') throw new Error('audio path broken');
        return Promise.resolve(true);
      });
      assert.equal(wd.intervalMs, 100);
      const deadline = Date.now() + 3000;
      while (listener.messages.slice(start).filter(isWatchdog).length < 2 && Date.now() < deadline) await sleep(25);
      assert.ok(listener.messages.slice(start).filter(isWatchdog).length >= 2, 'async-true check pings');
      mode = 'throw';
      await sleep(150);
      const mark = listener.messages.length;
      await sleep(400);
      assert.equal(listener.messages.slice(mark).filter(isWatchdog).length, 0, 'a throwing check withholds pings');
      assert.ok(log.lines.some((l) => l.includes('health check threw')));
      wd.stop();

      assert.equal(await n.status('line one\nline two'), true);
      const flat = await listener.waitFor((m) => m.fields.STATUS === 'line one line two', 2000);
      assert.equal(flat.raw, 'STATUS=line one line two');
      assert.equal(await n.notify({ 'bad key': 'x' }), false);
    } finally {
      n.close();
    }

    // Nobody bound at that path: the send fails, is logged, and resolves false.
    const log2 = capturingLogger();
    const dead = new SdNotifier({ env: { NOTIFY_SOCKET: '/nonexistent/dir/notify.sock' }, logger: log2, pythonPath: pythonExecutable() });
    try {
      assert.equal(await dead.ready(), false);
      assert.ok(log2.lines.some((l) => l.includes('sd_notify failed')), log2.lines.join('\n'));
    } finally {
      dead.close();
    }
  });
});

describe('sd-notify without systemd', () => {
  it('createLoopLagProbe flags a hogged event loop once', async () => {
    const probe = createLoopLagProbe(80);
    try {
      await sleep(60);
      assert.equal(probe.check(), true);
      const until = Date.now() + 200;
      while (Date.now() < until) {
        /* hog the loop */
      }
      await sleep(60);
      assert.equal(probe.check(), false, 'a 200 ms block exceeds 80 ms');
      await sleep(60);
      assert.equal(probe.check(), true, 'the histogram is reset by each check');
    } finally {
      probe.stop();
    }
  });

  it('is a no-op when NOTIFY_SOCKET is absent', async () => {
    const n = new SdNotifier({ env: {} });
    assert.equal(n.enabled, false);
    assert.equal(n.watchdogIntervalMs(), null);
    assert.equal(await n.ready('x'), false);
    assert.equal(await n.stopping(), false);
    assert.equal(await n.reloading(), false);
    assert.equal(await n.watchdog(), false);
    assert.equal(await n.extendTimeout(60_000), false);
    const wd = n.startWatchdog(() => true);
    assert.equal(wd.intervalMs, null);
    wd.stop();
    assert.equal(n.transportKind, null, 'no helper process is started');
    n.close();
  });

  it('parses NOTIFY_SOCKET and the watchdog variables like sd_watchdog_enabled()', () => {
    assert.equal(parseNotifySocket('/run/systemd/notify'), '/run/systemd/notify');
    assert.equal(parseNotifySocket('@/org/freedesktop/systemd1/notify/123'), '@/org/freedesktop/systemd1/notify/123');
    assert.equal(parseNotifySocket('vsock:2:1234'), null);
    assert.equal(parseNotifySocket('@'), null);
    assert.equal(parseNotifySocket(undefined), null);
    assert.equal(parseWatchdogIntervalMs({ WATCHDOG_USEC: '30000000' }, 42), 15000);
    assert.equal(parseWatchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '42' }, 42), 15000);
    assert.equal(parseWatchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '41' }, 42), null, 'pings are for another PID');
    assert.equal(parseWatchdogIntervalMs({ WATCHDOG_USEC: 'abc' }, 42), null);
    assert.equal(parseWatchdogIntervalMs({ WATCHDOG_USEC: '0' }, 42), null);
    assert.equal(parseWatchdogIntervalMs({}, 42), null);
  });

  it('disables the watchdog for another WATCHDOG_PID and scrubs the env when asked', () => {
    const env: NodeJS.ProcessEnv = { NOTIFY_SOCKET: '/run/x.sock', WATCHDOG_USEC: '400000', WATCHDOG_PID: '1', KEEP: 'y' };
    const n = new SdNotifier({ env, scrubEnv: true, pid: 4242 });
    assert.equal(n.enabled, true);
    assert.equal(n.watchdogIntervalMs(), null);
    assert.deepEqual(env, { KEEP: 'y' });
    const m = new SdNotifier({ env: { NOTIFY_SOCKET: '/run/x.sock', WATCHDOG_USEC: '400000', WATCHDOG_PID: '4242' }, pid: 4242 });
    assert.equal(m.watchdogIntervalMs(), 200);
    const v = new SdNotifier({ env: { NOTIFY_SOCKET: 'vsock:1:2' }, logger: capturingLogger() });
    assert.equal(v.enabled, false);
  });
});
