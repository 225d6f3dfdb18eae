// The onnx worker (src/engines/onnx-session.ts + onnx-worker.ts) with a real
// onnxruntime session of the Piper-contract fixture: killed, it comes back
// with its sessions reopened; a run it was doing fails with a clear error.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { killOnnxWorker, onnxRuntimeVersion, openSession, probeProvider, type FeedTensor, type ThreadSession } from '../src/engines/onnx-session.ts';
import { buildFixtureVoice, decodeFixtureOutput } from './helpers/fixture-voice.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-onnx-worker-'));
let session: ThreadSession;

function feeds(ids: number[]): Record<string, FeedTensor> {
  return {
    input: { type: 'int64', data: BigInt64Array.from(ids, BigInt), dims: [1, ids.length] },
    input_lengths: { type: 'int64', data: BigInt64Array.from([BigInt(ids.length)]), dims: [1] },
    scales: { type: 'float32', data: Float32Array.from([0.667, 1, 0.8]), dims: [3] },
  };
}

async function idsBack(ids: number[]): Promise<number[]> {
  return decodeFixtureOutput((await session.run(feeds(ids))).data).ids;
}

before(async () => {
  const name = buildFixtureVoice(dir);
  ({ session } = await openSession(join(dir, `${name}.onnx`), ['cpu'], { intraOpThreads: 1 }));
});
after(async () => {
  await session?.release();
  rmSync(dir, { recursive: true, force: true });
});

describe('the onnx worker', () => {
  test('runs a session: the model gets the ids it was given', async () => {
    assert.deepEqual(await idsBack([1, 0, 20, 0, 2]), [1, 0, 20, 0, 2]);
  });

  test('killed between runs, it restarts and the open session works again, unchanged', async () => {
    await killOnnxWorker();
    assert.deepEqual(await idsBack([1, 5, 6, 2]), [1, 5, 6, 2]);
  });

  test('killed during a run, that run fails saying so, and the next one works', async () => {
    await killOnnxWorker({ duringRun: 1 });
    await assert.rejects(session.run(feeds([1, 7, 2])), /the onnx worker died while running .*fixture\.onnx \(onnx worker exited/);
    assert.deepEqual(await idsBack([1, 8, 9, 2]), [1, 8, 9, 2]);
  });

  test('a released session stays released across a restart', async () => {
    const { session: other } = await openSession(join(dir, 'fixture.onnx'), ['cpu']);
    await other.release();
    await killOnnxWorker();
    await assert.rejects(other.run(feeds([1, 2])), /was released/);
    assert.deepEqual(await idsBack([1, 3, 2]), [1, 3, 2]);
  });

  test('probes providers and reports the runtime version from the worker', async () => {
    assert.deepEqual(await probeProvider('cpu'), { ok: true });
    const cuda = await probeProvider('cuda');
    // This CI machine has no CUDA; on a GPU build both answers are fine, but a failure must say why.
    if (!cuda.ok) assert.ok(cuda.error && cuda.error.length > 0);
    assert.match(await onnxRuntimeVersion(), /^\d+\.\d+\.\d+/);
  });

  test('the main thread never loads onnxruntime-node: only the worker does', () => {
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('onnxruntime'));
    assert.deepEqual(loaded, []);
  });
});

describe('a command that only asks the worker', () => {
  test('waits for the worker to start, gets its answer, and exits on its own', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `import { probeProvider } from ${JSON.stringify(new URL('../src/engines/onnx-session.ts', import.meta.url).href)};
console.log(JSON.stringify(await probeProvider('cpu')));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(out.trim(), '{"ok":true}');
  });
});
