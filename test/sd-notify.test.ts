// The notify protocol against a real AF_UNIX datagram socket (the listener
// records the sender's PID from SCM_CREDENTIALS, which is what systemd checks
// under NotifyAccess=main). The daemon end to end: test/systemd-daemon.test.ts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createLoopLagProbe } from '../src/system/loop-lag.ts';
import { createNotifier } from '../src/system/sd-notify.ts';
import { startNotifyListener } from './helpers/notify-listener.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const warnings: string[] = [];
const log = { warn: (_o: object, m: string) => void warnings.push(m), info: () => {} };
const systemdNotify = ['/usr/bin/systemd-notify', '/bin/systemd-notify'].some((p) => existsSync(p));

describe('sd-notify', () => {
  it('sends READY, WATCHDOG while healthy (none while not) and STOPPING from this very process', async () => {
    const listener = await startNotifyListener();
    try {
      const env: NodeJS.ProcessEnv = { NOTIFY_SOCKET: listener.path, WATCHDOG_USEC: '200000', WATCHDOG_PID: String(process.pid), KEEP: 'y' };
      const notify = createNotifier(log, env);
      assert.deepEqual(env, { KEEP: 'y' }, 'child processes never see the socket');
      assert.equal(notify.watchdogIntervalMs, 100);
      await notify.ready('serving\nwith a newline');
      const ready = await listener.waitFor((m) => m.fields.READY === '1', 2000);
      assert.equal(ready.fields.STATUS, 'serving with a newline');
      assert.equal(ready.pid, process.pid, 'sent by the main PID itself (NotifyAccess=main)');

      let healthy = true;
      const watchdog = notify.startWatchdog(() => healthy);
      await sleep(450);
      const pings = () => listener.messages.filter((m) => m.fields.WATCHDOG === '1').length;
      assert.ok(pings() >= 3, `only ${pings()} pings in 450 ms at 100 ms`);
      healthy = false;
      await sleep(150);
      const before = pings();
      await sleep(400);
      assert.equal(pings(), before, 'WATCHDOG=1 while unhealthy');
      assert.ok(warnings.includes('unhealthy: withholding systemd watchdog pings'));
      watchdog.stop();

      await notify.stopping('shutting down');
      const stop = await listener.waitFor((m) => m.fields.STOPPING === '1', 2000);
      assert.equal(stop.pid, process.pid);
    } finally {
      await listener.close();
    }
  });

  it('reaches an abstract socket through systemd-notify', { skip: systemdNotify ? false : 'systemd-notify not installed' }, async () => {
    const listener = await startNotifyListener({ abstract: true });
    try {
      const notify = createNotifier(log, { NOTIFY_SOCKET: listener.path });
      await notify.ready('serving');
      await notify.stopping('bye');
      await listener.waitFor((m) => m.fields.STOPPING === '1', 5000);
      // (systemd-notify also sends BARRIER=1 after each message.)
      const states = listener.messages.flatMap((m) => (m.fields.READY ? ['READY'] : m.fields.STOPPING ? ['STOPPING'] : []));
      assert.deepEqual(states, ['READY', 'STOPPING']);
    } finally {
      await listener.close();
    }
  });

  it('without NOTIFY_SOCKET sends nothing and has no watchdog; WATCHDOG_PID of another process disables it', async () => {
    const off = createNotifier(log, {});
    assert.equal(off.enabled, false);
    assert.equal(off.watchdogIntervalMs, null);
    await off.ready('x');
    assert.equal(createNotifier(log, { NOTIFY_SOCKET: '/run/x', WATCHDOG_USEC: '30000000' }).watchdogIntervalMs, 15000);
    assert.equal(createNotifier(log, { NOTIFY_SOCKET: '/run/x', WATCHDOG_USEC: '30000000', WATCHDOG_PID: '1' }).watchdogIntervalMs, null);
  });

  it('a send that fails is logged, not thrown', async () => {
    warnings.length = 0;
    await createNotifier(log, { NOTIFY_SOCKET: '/nonexistent/notify.sock' }).ready('x');
    assert.ok(warnings.includes('sd_notify failed'), warnings.join('; '));
  });

  it('the loop-lag probe flags a hogged event loop once', async () => {
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
      assert.equal(probe.check(), true, 'each check starts afresh');
    } finally {
      probe.stop();
    }
  });
});
