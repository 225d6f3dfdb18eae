import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import {
  buildProbeModel,
  FP16_VISIBLE_RELATIVE_ERROR,
  probeReference,
  probeRelativeError,
  probeWeights,
} from '../scripts/jetson/tiny-model.ts';
import { bindingReportSchema } from '../src/engines/provider-options.ts';

const REPO = resolve(import.meta.dirname, '..');

function checkBinding(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/jetson/check-binding.ts', ...args], { cwd: REPO, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('probe model', () => {
  it('is valid ONNX and computes the exact FP32 result on CPU', async () => {
    const n = 64;
    const session = await ort.InferenceSession.create(buildProbeModel(n), { executionProviders: ['cpu'] });
    try {
      const out = await session.run({ x: new ort.Tensor('float32', new Float32Array(n).fill(1), [1, n]) });
      assert.deepEqual(out.y?.dims, [1, n]);
      assert.ok(probeRelativeError(out.y?.data as Float32Array, n) < 1e-7);
    } finally {
      await session.release();
    }
  });

  it('makes FP16 weight rounding visible above the threshold', () => {
    const n = 256;
    const w = probeWeights(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[j] = (y[j] as number) + Math.round((w[i * n + j] as number) * 1024) / 1024;
    assert.ok(probeRelativeError(y, n) > FP16_VISIBLE_RELATIVE_ERROR * 10);
    assert.ok(probeRelativeError(Float32Array.from(probeReference(n)), n) < FP16_VISIBLE_RELATIVE_ERROR / 100);
  });
});

describe('scripts/jetson/check-binding.ts on this machine', () => {
  it('reports honestly: tensorrt/cuda unavailable, cpu ok, options not honoured', () => {
    const r = checkBinding(['--json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      providers: { name: string; available: boolean; error?: string }[];
      optionProbes: { provider: string; honoured: boolean | null }[];
      capability: { providers: string[]; honoursOptions: boolean; fp16Observed: boolean | null };
      patchMarkerInBinary: boolean;
    };
    const byName = Object.fromEntries(report.providers.map((p) => [p.name, p]));
    assert.equal(byName.cpu?.available, true);
    assert.equal(byName.tensorrt?.available, false);
    assert.equal(byName.cuda?.available, false);
    assert.ok(byName.tensorrt?.error);
    assert.deepEqual(report.capability, { providers: ['cpu'], honoursOptions: false, fp16Observed: null });
    assert.deepEqual(
      report.optionProbes.map((o) => o.honoured),
      [null, null],
    );
    assert.equal(report.patchMarkerInBinary, false);
    assert.deepEqual(bindingReportSchema.parse(report).capability, report.capability, 'the daemon can read what --write stores');
  });

  it('fails --require for a provider that is not there', () => {
    const r = checkBinding(['--require', 'tensorrt']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /required provider unavailable: tensorrt/);
    assert.match(r.stdout, /tensorrt\s+unavailable/);
  });
});
