// How a voice's providers are planned from the parsed config (the zod schema's
// defaults), the binding's capability and the voice: options only where the
// binding passes them, one engine cache per model and settings, and never a
// claim of FP16 that is not applied.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../src/config/schema.ts';
import { bindingReportSchema, planProviders, type BindingCapability, type RuntimeFacts, type VoiceFacts } from '../src/engines/provider-options.ts';

const engine = (yaml: object = {}) => configSchema.parse({ engine: yaml }).engine;
const voice: VoiceFacts = { modelSha256: 'a'.repeat(64), maxPhonemes: 400, inputNames: ['input', 'input_lengths', 'scales'], precision: 'fp32' };
const runtime: RuntimeFacts = { ortVersion: '1.30.0', gpu: { name: 'ga10b', computeCapability: '8.7' }, tensorrtVersion: '10.3.0' };
const patched: BindingCapability = { providers: ['tensorrt', 'cuda', 'cpu'], honoursOptions: true, fp16Observed: true };
const stockGpu: BindingCapability = { providers: ['tensorrt', 'cuda', 'cpu'], honoursOptions: false, fp16Observed: null };
const cpuOnly: BindingCapability = { providers: ['cpu'], honoursOptions: false, fp16Observed: null };

describe('planProviders', () => {
  it('stock CPU binding: only cpu, FP32, the missing providers named', () => {
    const plan = planProviders(engine(), voice, runtime, cpuOnly);
    assert.deepEqual(plan.executionProviders, [{ name: 'cpu' }]);
    assert.equal(plan.primary, 'cpu');
    assert.equal(plan.effective.fp16, false);
    assert.equal(plan.cache, undefined);
    assert.ok(plan.notes.some((n) => /tensorrt: not available/.test(n)));
  });

  it('stock GPU binding: deviceId only, and FP16 is not claimed', () => {
    const plan = planProviders(engine(), voice, runtime, stockGpu);
    assert.deepEqual(plan.executionProviders, [{ name: 'tensorrt', deviceId: 0 }, { name: 'cuda', deviceId: 0 }, { name: 'cpu' }]);
    assert.deepEqual({ fp16: plan.effective.fp16, confidence: plan.effective.confidence }, { fp16: false, confidence: 'none' });
    assert.match(plan.effective.reason, /passes only deviceId/);
  });

  it('patched binding: the schema defaults become ORT options, with one profile for every length', () => {
    const plan = planProviders(engine(), voice, runtime, patched);
    const [trt, cuda] = plan.executionProviders;
    assert.equal(trt?.trt_fp16_enable, true);
    assert.equal(trt?.trt_op_types_to_exclude, 'NonZero');
    assert.equal(trt?.trt_profile_min_shapes, 'input:1x1,input_lengths:1,scales:3');
    assert.equal(trt?.trt_profile_opt_shapes, 'input:1x96,input_lengths:1,scales:3');
    assert.equal(trt?.trt_profile_max_shapes, 'input:1x400,input_lengths:1,scales:3');
    assert.match(String(trt?.trt_engine_cache_path), /^\/var\/cache\/herald\/trt\/engines\/[0-9a-f]{64}$/);
    assert.equal(trt?.trt_max_workspace_size, undefined, 'unset options are not sent');
    assert.deepEqual(cuda, { name: 'cuda', deviceId: 0, cudnn_conv_algo_search: 'HEURISTIC' });
    assert.deepEqual({ fp16: plan.effective.fp16, confidence: plan.effective.confidence }, { fp16: true, confidence: 'observed' });
  });

  it('a new model, precision or TensorRT version gets its own engine directory; the timing cache is per GPU build', () => {
    const dirs = (e: ReturnType<typeof engine>, v: VoiceFacts, r: RuntimeFacts) => planProviders(e, v, r, patched).cache;
    const base = dirs(engine(), voice, runtime);
    assert.equal(dirs(engine(), voice, runtime)?.engineDir, base?.engineDir);
    assert.notEqual(dirs(engine(), { ...voice, modelSha256: 'b'.repeat(64) }, runtime)?.engineDir, base?.engineDir);
    assert.notEqual(dirs(engine({ tensorrt: { fp16: false } }), voice, runtime)?.engineDir, base?.engineDir);
    const newTrt = dirs(engine(), voice, { ...runtime, tensorrtVersion: '10.7.0' });
    assert.notEqual(newTrt?.engineDir, base?.engineDir);
    assert.notEqual(newTrt?.timingDir, base?.timingDir);
    assert.equal(dirs(engine(), { ...voice, modelSha256: 'b'.repeat(64) }, runtime)?.timingDir, base?.timingDir);
  });

  it('config order and switches: disabled providers are skipped, an FP16 model on CUDA is FP16', () => {
    const plan = planProviders(engine({ providers: ['cuda', 'tensorrt'], tensorrt: { enabled: false } }), { ...voice, precision: 'fp16' }, runtime, patched);
    assert.deepEqual(plan.executionProviders.map((e) => e.name), ['cuda']);
    assert.equal(plan.primary, 'cuda');
    assert.equal(plan.effective.fp16, true);
    assert.ok(plan.notes.some((n) => /tensorrt: disabled/.test(n)));
    assert.ok(plan.notes.some((n) => /cpu: not listed/.test(n)));
  });

  it('a model input TensorRT cannot be given a profile for is an error, not a failed session later', () => {
    assert.throws(() => planProviders(engine(), { ...voice, inputNames: [...voice.inputNames, 'pitch'] }, runtime, patched), /pitch/);
  });
});

describe('engine config', () => {
  it('rejects what onnxruntime would reject later, naming the key', () => {
    assert.throws(() => engine({ providers: ['cpu', 'cpu'] }), /twice/);
    assert.throws(() => engine({ tensorrt: { engineCacheDir: 'relative/trt' } }), /absolute/);
    assert.throws(() => engine({ tensorrt: { builderOptimizationLevel: 6 } }), /builderOptimizationLevel/);
    assert.throws(() => engine({ cuda: { cudnnConvAlgoSearch: 'FAST' } }), /cudnnConvAlgoSearch/);
  });
});

describe('binding report', () => {
  it('reads what check-binding.ts --write stores and refuses what it does not', () => {
    const report = bindingReportSchema.parse({ checkedAt: 'x', capability: { providers: ['tensorrt', 'cpu'], honoursOptions: true }, heraldBuild: { tensorrtVersion: '10.3.0' } });
    assert.deepEqual(report.capability, { providers: ['tensorrt', 'cpu'], honoursOptions: true, fp16Observed: null });
    assert.equal(report.heraldBuild?.tensorrtVersion, '10.3.0');
    assert.equal(bindingReportSchema.safeParse({ capability: { providers: 'cpu', honoursOptions: true } }).success, false);
  });
});
