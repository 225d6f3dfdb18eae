/**
 * scripts/prepare-voice end to end, on CPU: builds small Piper-contract models
 * with Debian's python3-onnx, converts them, and loads the FP16 result in
 * onnxruntime-node. Skipped (with the reason) when /usr/bin/python3 has no onnx.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import { snrDb } from '../scripts/prepare-voice-check.ts';

const REPO = resolve(import.meta.dirname, '..');
const PYTHON = '/usr/bin/python3';
const PREPARE = join(REPO, 'scripts', 'prepare-voice');

const havePythonOnnx = spawnSync(PYTHON, ['-c', 'import onnx, numpy'], { encoding: 'utf8' }).status === 0;
const skip = havePythonOnnx ? false : `${PYTHON} lacks python3-onnx/python3-numpy`;

/**
 * Piper contract: input int64 [1,N], input_lengths int64 [1], scales float32 [3]
 * -> output float32 [1,1,4N]. Embedding, Conv, ConvTranspose, MatMul weights so
 * FP16 matters; a Ceil'd "duration" branch; ReduceMean and Exp (kept FP32).
 * Variants: good; damaged (output = x.(1024+small) - x.1024, below FP16
 * resolution); hot (an intermediate beyond the FP16 range).
 */
const BUILDER = String.raw`
import sys, numpy as np, onnx
from onnx import helper as h, TensorProto as T, numpy_helper as nh

def build(path, variant, vocab=40, C=16):
    rng = np.random.default_rng(0)
    W = lambda name, *shape, scale=0.3: nh.from_array((rng.standard_normal(shape) * scale).astype(np.float32), name)
    K = lambda name, v, dt=np.float32: nh.from_array(np.array(v, dtype=dt), name)
    inits = [W('emb', vocab, C, scale=0.5), W('w1', C, C, 3), W('b1', C, scale=0.1), W('wd', 1, C, 1), K('three', 3.0),
             W('wu', C, C, 4, scale=0.2), W('w2', C, C, 5, scale=0.15), W('wm', C, C, scale=0.25), W('wo', 1, C, 7, scale=0.2),
             K('tenth', 0.1), K('idx1', 1, np.int64), K('zero', 0.0), K('k200', 200.0), K('kback', 1.0 / 40000.0)]
    n = [h.make_node('Gather', ['emb', 'input'], ['e']),
         h.make_node('Transpose', ['e'], ['x'], perm=[0, 2, 1]),
         h.make_node('Conv', ['x', 'w1', 'b1'], ['c1'], pads=[1, 1]),
         h.make_node('Tanh', ['c1'], ['hh']),
         h.make_node('Conv', ['hh', 'wd'], ['dl']),
         h.make_node('Sigmoid', ['dl'], ['ds']),
         h.make_node('Mul', ['ds', 'three'], ['d3']),
         h.make_node('Ceil', ['d3'], ['dg']),
         h.make_node('Mul', ['hh', 'dg'], ['hg']),
         h.make_node('ConvTranspose', ['hg', 'wu'], ['u0'], strides=[4]),
         h.make_node('LeakyRelu', ['u0'], ['u'], alpha=0.1),
         h.make_node('Conv', ['u', 'w2'], ['c2'], pads=[2, 2]),
         h.make_node('Tanh', ['c2'], ['u2']),
         h.make_node('ReduceMean', ['u2'], ['mu'], axes=[1], keepdims=1),
         h.make_node('Sub', ['u2', 'mu'], ['u2c'])]
    src = 'u2c'
    if variant == 'hot':
        n += [h.make_node('Mul', ['u2c', 'k200'], ['hot1']),
              h.make_node('Mul', ['hot1', 'k200'], ['hot2']),
              h.make_node('Mul', ['hot2', 'kback'], ['cool'])]
        src = 'cool'
    n.append(h.make_node('Transpose', [src], ['ut'], perm=[0, 2, 1]))
    if variant == 'damaged':
        small = (rng.standard_normal((C, C)) * 0.2).astype(np.float32)
        inits += [nh.from_array((1024.0 + small).astype(np.float32), 'wbig'), nh.from_array(np.full((C, C), 1024.0, np.float32), 'wbase')]
        n += [h.make_node('MatMul', ['ut', 'wbig'], ['pa']), h.make_node('MatMul', ['ut', 'wbase'], ['pb']),
              h.make_node('Sub', ['pa', 'pb'], ['mt']), h.make_node('Transpose', ['mt'], ['r'], perm=[0, 2, 1])]
    else:
        n += [h.make_node('MatMul', ['ut', 'wm'], ['mt']), h.make_node('Transpose', ['mt'], ['m'], perm=[0, 2, 1]),
              h.make_node('Mul', ['m', 'tenth'], ['m1']), h.make_node('Exp', ['m1'], ['em']),
              h.make_node('Mul', ['m', 'em'], ['me']), h.make_node('Add', ['me', 'u'], ['r'])]
    n += [h.make_node('Conv', ['r', 'wo'], ['o0'], pads=[3, 3]),
          h.make_node('Tanh', ['o0'], ['o1']),
          h.make_node('Gather', ['scales', 'idx1'], ['ls']),
          h.make_node('Mul', ['o1', 'ls'], ['o2']),
          h.make_node('Cast', ['input_lengths'], ['lf'], to=T.FLOAT),
          h.make_node('Mul', ['lf', 'zero'], ['l0']),
          h.make_node('Add', ['o2', 'l0'], ['output'])]
    g = h.make_graph(n, 'piper_like',
        [h.make_tensor_value_info('input', T.INT64, [1, 'phonemes']), h.make_tensor_value_info('input_lengths', T.INT64, [1]),
         h.make_tensor_value_info('scales', T.FLOAT, [3])],
        [h.make_tensor_value_info('output', T.FLOAT, [1, 1, 'time'])], inits)
    m = h.make_model(g, opset_imports=[h.make_opsetid('', 15)], producer_name='herald-test')
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, path)

build(sys.argv[1], sys.argv[2])
`;

const INSPECT = String.raw`
import json, sys, onnx
m = onnx.load(sys.argv[1])
print(json.dumps({
  "fp16Initializers": sum(1 for t in m.graph.initializer if t.data_type == onnx.TensorProto.FLOAT16),
  "casts": sum(1 for n in m.graph.node if n.op_type == "Cast"),
  "inputs": {i.name: i.type.tensor_type.elem_type for i in m.graph.input},
  "outputs": {o.name: o.type.tensor_type.elem_type for o in m.graph.output},
  "reduceMeanInputs": [n.input[0] for n in m.graph.node if n.op_type == "ReduceMean"],
}))
`;

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function prepare(args: string[]): RunResult {
  const r = spawnSync(PYTHON, [PREPARE, ...args], { cwd: REPO, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lastJson(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as Record<string, unknown>;
}

describe('scripts/prepare-voice', { skip }, () => {
  let dir: string;
  const p = (name: string): string => join(dir, name);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-prepare-voice-'));
    await writeFile(p('build.py'), BUILDER);
    for (const variant of ['good', 'damaged', 'hot']) {
      const r = spawnSync(PYTHON, [p('build.py'), p(`${variant}.onnx`), variant], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    const idMap: Record<string, number[]> = { _: [0], '^': [1], $: [2] };
    for (let i = 3; i < 40; i++) idMap[`p${i}`] = [i];
    await writeFile(p('good.onnx.json'), JSON.stringify({ phoneme_id_map: idMap, audio: { sample_rate: 22050 } }));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('converts a Piper-contract model, reports a high SNR, and the FP16 model runs in onnxruntime-node', async () => {
    const r = prepare([p('good.onnx'), '--out-dir', p('out'), '--json']);
    assert.equal(r.status, 0, r.stderr);
    const summary = lastJson(r.stdout);
    assert.match(r.stderr, /SNR fp16 vs fp32 \(cpu\): \d+\.\d dB/);
    assert.equal(typeof summary.snrDb, 'number');
    assert.ok((summary.snrDb as number) >= 45, `SNR ${String(summary.snrDb)} dB`);
    assert.ok((summary.fp16Nodes as number) > 0);
    for (const f of ['good.trt.onnx', 'good.fp16.onnx', 'good.fp16.onnx.json', 'good.trt.onnx.json']) {
      assert.ok(existsSync(p(`out/${f}`)), f);
    }
    // The .trt.onnx carries the inferred shapes of the graph's inner tensors, for TensorRT.
    const declared = spawnSync(PYTHON, ['-c', 'import onnx, sys; print(len(onnx.load(sys.argv[1]).graph.value_info))', p('out/good.trt.onnx')], { encoding: 'utf8' });
    assert.ok(Number(declared.stdout) > 0, declared.stderr);

    const info = JSON.parse(spawnSync(PYTHON, ['-c', INSPECT, p('out/good.fp16.onnx')], { encoding: 'utf8' }).stdout) as {
      fp16Initializers: number;
      casts: number;
      inputs: Record<string, number>;
      outputs: Record<string, number>;
      reduceMeanInputs: string[];
    };
    assert.ok(info.fp16Initializers > 0, 'weights converted');
    assert.ok(info.casts > 1, 'casts at the boundaries');
    assert.deepEqual(info.inputs, { input: 7, input_lengths: 7, scales: 1 }, 'Piper inputs unchanged');
    assert.deepEqual(info.outputs, { output: 1 }, 'output stays float32');
    assert.deepEqual(info.reduceMeanInputs, ['u2__to_fp32'], 'ReduceMean stays FP32 and reads a Cast of the FP16 tensor');

    const session = await ort.InferenceSession.create(p('out/good.fp16.onnx'));
    try {
      const n = 23;
      const ids = BigInt64Array.from({ length: n }, (_, i) => BigInt(i === 0 ? 1 : i === n - 1 ? 2 : i % 2 ? 0 : 3 + (i % 30)));
      const out = await session.run({
        input: new ort.Tensor('int64', ids, [1, n]),
        input_lengths: new ort.Tensor('int64', BigInt64Array.of(BigInt(n)), [1]),
        scales: new ort.Tensor('float32', Float32Array.of(0.667, 1, 0.8), [3]),
      });
      const y = out.output;
      assert.ok(y);
      assert.equal(y.type, 'float32');
      assert.deepEqual(y.dims, [1, 1, 4 * n]);
      assert.ok(Array.from(y.data as Float32Array).every(Number.isFinite));
    } finally {
      await session.release();
    }
  });

  it('refuses an FP16 model that loses the signal, and leaves no FP16 file behind', async () => {
    const r = prepare([p('damaged.onnx'), '--out-dir', p('out-damaged')]);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /REFUSED: SNR -?\d+\.\d dB is below the threshold of 30 dB/);
    const files = await readdir(p('out-damaged'));
    assert.deepEqual(files.filter((f) => f.includes('fp16')), []);
    assert.ok(files.includes('damaged.trt.onnx'), 'the FP32 TensorRT model is still written');
  });

  it('threshold is a flag', () => {
    const r = prepare([p('damaged.onnx'), '--out-dir', p('out-damaged-low'), '--min-snr-db', '-20', '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(p('out-damaged-low/damaged.fp16.onnx')));
  });

  it('keeps nodes beyond the FP16 range in FP32 (range guard)', () => {
    const r = prepare([p('hot.onnx'), '--out-dir', p('out-hot'), '--json']);
    assert.equal(r.status, 0, r.stderr);
    const summary = lastJson(r.stdout);
    assert.ok((summary.rangeGuardBlocked as number) >= 2, JSON.stringify(summary));
    assert.ok((summary.snrDb as number) >= 30);
    assert.match(r.stderr, /range guard: \d+ node\(s\) stay FP32/);
  });

  it('uses ONNX Runtime symbolic shape inference when given one', async () => {
    await writeFile(
      p('fake_ssi.py'),
      'import onnx\nclass SymbolicShapeInference:\n    @staticmethod\n    def infer_shapes(model, **kw):\n        return onnx.shape_inference.infer_shapes(model)\n',
    );
    const r = prepare([p('good.onnx'), '--out-dir', p('out-ssi'), '--no-fp16', '--json', '--symbolic-shape-infer', p('fake_ssi.py')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(String(lastJson(r.stdout).shapeInference), /ONNX Runtime symbolic shape inference .*fake_ssi\.py/);
    assert.equal(existsSync(p('out-ssi/good.fp16.onnx')), false);
  });

  it('rejects files that are not FP32 Piper models', async () => {
    await writeFile(p('junk.onnx'), 'not a model');
    assert.equal(prepare([p('junk.onnx'), '--out-dir', p('out-junk')]).status, 1);
    const again = prepare([p('out/good.fp16.onnx'), '--out-dir', p('out-again')]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already contains float16/);
  });
});

describe('SNR helper', () => {
  it('is infinite (null) for identical signals and -20log10(ratio) for scaled noise', () => {
    assert.equal(snrDb([1, -1, 0.5], [1, -1, 0.5]), null);
    const ref = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7));
    const test = ref.map((v, i) => v + (i % 2 ? 0.01 : -0.01) * Math.abs(v));
    const v = snrDb(ref, test);
    assert.ok(v !== null && Math.abs(v - 40) < 0.01, String(v));
  });
});
