// stdioTransport (src/ipc/transport.ts) with a real, non-Node child: a few
// lines of Python that speak the IPC protocol as JSON lines, as
// scripts/train-voice/adapt.py does, behind the same IpcHost as every child.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { IpcExitError, IpcHost } from '../src/ipc/host.ts';
import { stdioTransport } from '../src/ipc/transport.ts';

const PYTHON = process.env.HERALD_TEST_PYTHON ?? '/usr/bin/python3';

type StandInProtocol = {
  requests: {
    echo: { args: { value: unknown }; result: { value: unknown; pid: number } };
    count: { args: { n: number }; result: { counted: number } };
    fail: { args: { why: string }; result: never };
    crash: { args: { code: number; last: string }; result: never };
    stray: { args: Record<string, never>; result: string };
    sleep: { args: { seconds: number }; result: null };
  };
  events: { progress: { step: number; steps: number } };
};

// The stand-in: says ready, answers each request line, exits 0 at the end of stdin.
const STAND_IN = String.raw`
import json, os, sys, time

def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()

send({"t": "ready"})
for line in sys.stdin:
    req = json.loads(line)
    op, rid, args = req["op"], req["id"], req["args"]
    if op == "echo":
        send({"t": "res", "id": rid, "ok": True, "result": {"value": args["value"], "pid": os.getpid()}})
    elif op == "count":
        for i in range(1, args["n"] + 1):
            send({"t": "evt", "name": "progress", "data": {"step": i, "steps": args["n"]}})
        send({"t": "res", "id": rid, "ok": True, "result": {"counted": args["n"]}})
    elif op == "fail":
        send({"t": "res", "id": rid, "ok": False, "error": "refused: " + args["why"]})
    elif op == "crash":
        sys.stderr.write("Traceback (most recent call last):\n" + args["last"] + "\n")
        sys.stderr.flush()
        os._exit(args["code"])
    elif op == "sleep":
        time.sleep(args["seconds"])
        send({"t": "res", "id": rid, "ok": True, "result": None})
    elif op == "stray":
        print("a print() that is not a message")
        send({"t": "res", "id": rid, "ok": True, "result": "still answered"})
sys.exit(0)
`;

let dir: string;
let script: string;
const hosts: IpcHost<StandInProtocol>[] = [];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-stdio-'));
  script = join(dir, 'stand_in.py');
  writeFileSync(script, STAND_IN);
});

after(async () => {
  await Promise.all(hosts.map((h) => h.stop(500)));
  rmSync(dir, { recursive: true, force: true });
});

function host(command = PYTHON): IpcHost<StandInProtocol> {
  const h = new IpcHost<StandInProtocol>({ name: 'python stand-in', spawn: () => stdioTransport(command, [script]), startTimeoutMs: 20_000 });
  hosts.push(h);
  return h;
}

function exitOf(h: IpcHost<StandInProtocol>): Promise<IpcExitError> {
  return new Promise((resolve) => h.once('exit', resolve));
}

describe('stdioTransport: a Python child behind IpcHost', () => {
  test('a request is answered by its id with the child\'s result', async () => {
    const h = host();
    const [a, b] = await Promise.all([h.call('echo', { value: { text: 'ünïcode ✓', n: [1, 2] } }), h.call('echo', { value: 7 })]);
    assert.deepEqual(a.value, { text: 'ünïcode ✓', n: [1, 2] });
    assert.equal(b.value, 7);
    assert.equal(a.pid, h.pid, 'the answer came from the child the host started');
    await h.stop();
  });

  test('events arrive by name, in order, before the result', async () => {
    const h = host();
    const seen: number[] = [];
    h.onEvent('progress', (p) => seen.push(p.step));
    const result = await h.call('count', { n: 5 });
    assert.deepEqual(result, { counted: 5 });
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
    await h.stop();
  });

  test('an error result rejects that call only; the child keeps serving', async () => {
    const h = host();
    await assert.rejects(h.call('fail', { why: 'no base model' }), { message: 'refused: no base model' });
    assert.equal((await h.call('echo', { value: 1 })).value, 1);
    await h.stop();
  });

  test('a line that is not a message is ignored, not obeyed', async () => {
    const h = host();
    assert.equal(await h.call('stray', {}), 'still answered');
    await h.stop();
  });

  test('a crash rejects the waiting call with the exit code and the last line of stderr', async () => {
    const h = host();
    await h.start();
    const exited = exitOf(h);
    const err = await h.call('crash', { code: 3, last: 'RuntimeError: CUDA out of memory' }).then(
      () => assert.fail('resolved'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof IpcExitError, String(err));
    assert.equal(err.info.code, 3);
    assert.equal(err.info.detail, 'RuntimeError: CUDA out of memory');
    assert.equal(err.expected, false);
    assert.match(err.message, /python stand-in exited \(code 3\): RuntimeError: CUDA out of memory/);
    assert.equal((await exited).info.code, 3);
  });

  test('closing stdin ends the child cleanly: stop() needs no kill', async () => {
    const h = host();
    await h.start();
    const exited = exitOf(h);
    const started = Date.now();
    await h.stop(10_000);
    const err = await exited;
    assert.equal(err.info.code, 0);
    assert.equal(err.info.signal, null);
    assert.equal(err.expected, true);
    assert.ok(Date.now() - started < 5000, 'the child left on end of stdin, not on the 10 s kill');
  });

  test('a kill rejects the waiting call with the signal', async () => {
    const h = host();
    await h.start();
    const pending = h.call('sleep', { seconds: 30 });
    setTimeout(() => h.kill('SIGKILL'), 100);
    await assert.rejects(pending, (e: unknown) => e instanceof IpcExitError && e.info.signal === 'SIGKILL');
  });

  test('an interpreter that does not exist fails the start with its path', async () => {
    const missing = join(dir, 'no-such-python');
    const h = host(missing);
    await assert.rejects(h.start(), (e: unknown) => e instanceof IpcExitError && e.message.includes(missing) && /ENOENT/.test(e.message));
  });
});
