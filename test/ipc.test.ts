// The typed IPC layer (src/ipc) with real child processes and worker threads
// running test/fixtures/ipc-child.ts through tsx, as Herald's children do in tests.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { forkArgs, siblingEntry, workerScript } from '../src/ipc/entry.ts';
import { IpcExitError, IpcHost, IpcTimeoutError, type HostOptions } from '../src/ipc/host.ts';
import { processTransport, workerTransport } from '../src/ipc/transport.ts';
import type { FixtureProtocol } from './fixtures/ipc-protocol.ts';

const CHILD = siblingEntry(import.meta.url, 'fixtures/ipc-child');
const hosts: IpcHost<FixtureProtocol>[] = [];

function processHost(options: Partial<HostOptions<FixtureProtocol>> = {}, env: NodeJS.ProcessEnv = {}): IpcHost<FixtureProtocol> {
  const host = new IpcHost<FixtureProtocol>({ name: 'ipc fixture', spawn: () => processTransport(CHILD, { env: { ...process.env, ...env } }), ...options });
  hosts.push(host);
  return host;
}

function workerHost(options: Partial<HostOptions<FixtureProtocol>> = {}): IpcHost<FixtureProtocol> {
  const host = new IpcHost<FixtureProtocol>({ name: 'ipc fixture worker', spawn: () => workerTransport(CHILD), ...options });
  hosts.push(host);
  return host;
}

after(async () => {
  await Promise.all(hosts.map((h) => h.stop(500)));
});

function exitOf(host: IpcHost<FixtureProtocol>): Promise<IpcExitError> {
  return new Promise((resolve) => host.once('exit', resolve));
}

describe('where a child is', () => {
  test('beside its host, with the host\'s extension; only a .ts child gets the loader', () => {
    const ts = siblingEntry('file:///opt/herald/src/text/espeak-host.ts', 'espeak-child');
    assert.equal(ts.url.href, 'file:///opt/herald/src/text/espeak-child.ts');
    assert.equal(ts.typescript, true);
    const tsArgs = forkArgs(ts, ['--max-old-space-size=64']);
    assert.equal(tsArgs.execArgv[0], '--import');
    assert.match(tsArgs.execArgv[1], /^file:.*\/tsx\//);
    assert.equal(tsArgs.execArgv[2], '--max-old-space-size=64');
    assert.equal(workerScript(ts).eval, true);

    const js = siblingEntry('file:///opt/herald/dist/text/espeak-host.js', 'espeak-child');
    assert.equal(js.url.href, 'file:///opt/herald/dist/text/espeak-child.js');
    assert.equal(js.typescript, false);
    assert.deepEqual(forkArgs(js), { modulePath: '/opt/herald/dist/text/espeak-child.js', execArgv: [] });
    assert.deepEqual(workerScript(js), { script: js.url, eval: false });
  });
});

for (const [kind, make] of [['process', processHost], ['worker', workerHost]] as const) {
  describe(`a ${kind} behind IpcHost`, () => {
    test('answers interleaved requests by id, each with its own result, in the order they finish', async () => {
      const host = make();
      const finished: number[] = [];
      const delays = [300, 20, 150, 0];
      const results = await Promise.all(delays.map((delayMs, value) => host.call('echo', { value, delayMs }).then((r) => (finished.push(r), r))));
      assert.deepEqual(results, [0, 1, 2, 3]);
      assert.deepEqual(finished, [3, 1, 2, 0]);
    });

    test('a timeout rejects only its own request; the others and later ones are answered', async () => {
      const host = make();
      await host.start();
      const slow = host.call('echo', { value: 5, delayMs: 400 });
      const started = Date.now();
      await assert.rejects(host.call('hang', {}, { timeoutMs: 150 }), (err: Error) => {
        assert.ok(err instanceof IpcTimeoutError);
        assert.match(err.message, /hang got no answer within 150 ms/);
        return true;
      });
      assert.ok(Date.now() - started < 380, 'rejected at its own limit, not after the slow request');
      assert.equal(await slow, 5);
      assert.equal(await host.call('echo', { value: 6, delayMs: 0 }), 6);
      assert.equal(host.waiting, 0);
    });

    test('the child dying rejects everything waiting, with an error that says which child and how', async () => {
      const host = make();
      await host.start();
      const waiting = [host.call('hang', {}), host.call('echo', { value: 1, delayMs: 5000 })];
      const dying = host.call('exit', { code: 7, stderr: 'dying on purpose' });
      const outcomes = await Promise.allSettled([...waiting, dying]);
      for (const outcome of outcomes) {
        assert.equal(outcome.status, 'rejected');
        assert.throws(() => { throw (outcome as PromiseRejectedResult).reason; }, (err: Error) => {
          assert.ok(err instanceof IpcExitError, String(err));
          assert.equal(err.expected, false);
          assert.match(err.message, /^ipc fixture( worker)? exited \(code 7\)/);
          if (kind === 'process') assert.match(err.message, /: dying on purpose$/);
          return true;
        });
      }
      assert.equal(host.waiting, 0);
      assert.equal(host.running, false);
    });

    test('restarts with growing backoff and runs the re-initialisation before any waiting request', async () => {
      let inits = 0;
      const host = make({
        restart: { minMs: 150, maxMs: 500 },
        init: async (call) => {
          inits++;
          await call('setState', { value: inits });
        },
      });
      const delays: number[] = [];
      host.on('restarting', (ms: number) => delays.push(ms));
      const first = await host.call('whoami', {});
      assert.equal(first.state, 1);
      const seen = [first];
      for (let i = 0; i < 3; i++) {
        const exited = exitOf(host);
        host.kill();
        await exited;
        const killedAt = Date.now();
        // Sent while no child runs: it waits for the restart and its init.
        const me = await host.call('whoami', {});
        assert.ok(me.readyAt - killedAt >= delays[i] - 20, `restart ${i} waited ${me.readyAt - killedAt} ms, backoff ${delays[i]}`);
        assert.equal(me.state, i + 2, 'init ran on the new child before this request');
        seen.push(me);
      }
      assert.deepEqual(delays, [150, 300, 500]);
      assert.equal(inits, 4);
      const ids = seen.map((s) => (kind === 'process' ? s.pid : s.threadId));
      assert.equal(new Set(ids).size, 4, `a new ${kind} each time: ${ids}`);
    });

    test('stop ends the child for good: nothing restarts it until it is asked for again', async () => {
      const host = make({ restart: { minMs: 50, maxMs: 50 } });
      await host.start();
      const pending = host.callNow('hang', {});
      await host.stop(500);
      await assert.rejects(pending, (err: Error) => err instanceof IpcExitError && err.expected);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(host.running, false);
      assert.equal(await host.call('echo', { value: 9, delayMs: 0 }), 9, 'a later call starts it again');
    });

    test('events from the child reach their listeners in order', async () => {
      const host = make();
      const ticks: number[] = [];
      host.onEvent('tick', ({ n }) => ticks.push(n));
      await host.call('tick', { n: 3 });
      assert.deepEqual(ticks, [1, 2, 3]);
    });
  });
}

describe('start-up', () => {
  test('a request made before the child is ready waits for its handshake and is answered', async () => {
    const host = processHost({}, { IPC_FIXTURE_START_MS: '400' });
    const asked = Date.now();
    const me = await host.call('whoami', {});
    assert.ok(me.readyAt - asked >= 350, `served ${me.readyAt - asked} ms after asking`);
    assert.equal(host.running, true);
  });

  test('a child that never says ready is killed at the start limit', async () => {
    const host = processHost({ startTimeoutMs: 300 }, { IPC_FIXTURE_START_MS: '10000' });
    await assert.rejects(host.start(), /ipc fixture did not start within 300 ms/);
    assert.equal(host.running, false);
  });

  test('a worker hands a result over without copying it', async () => {
    const host = workerHost();
    const buffer = await host.call('bytes', { length: 1024 });
    assert.equal(buffer.byteLength, 1024);
    assert.equal(new Uint8Array(buffer)[1023], 7);
  });
});
