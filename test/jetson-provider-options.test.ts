import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ort from 'onnxruntime-node';
import { buildProbeModel } from '../scripts/jetson/tiny-model.ts';
import {
  DEFAULT_PROVIDERS_CONFIG,
  STOCK_ARM64_CAPABILITY,
  boundaryProfiles,
  compareVersions,
  cudaOptions,
  effectivePrecision,
  engineCacheIdentity,
  engineCacheKey,
  engineCachePaths,
  evaluateDimExpression,
  formatShapes,
  missingProfileInputs,
  parseBindingReport,
  planProviders,
  planWarmup,
  resolveProvidersConfig,
  shapeProfiles,
  tensorRtOptions,
  type BindingCapability,
  type RuntimeFacts,
  type VoiceFacts,
} from '../src/engines/provider-options.ts';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

const voice: VoiceFacts = {
  modelSha256: SHA_A,
  maxPhonemes: 400,
  inputNames: ['input', 'input_lengths', 'scales'],
};
const runtime: RuntimeFacts = { ortVersion: '1.30.0', gpu: { name: 'ga10b', computeCapability: '8.7' }, tensorrtVersion: '10.3.0' };
const patched: BindingCapability = { providers: ['tensorrt', 'cuda', 'cpu'], honoursOptions: true, fp16Observed: true };
const stockGpu: BindingCapability = { providers: ['tensorrt', 'cuda', 'cpu'], honoursOptions: false };

describe('config', () => {
  it('fills defaults', () => {
    const c = resolveProvidersConfig();
    assert.deepEqual(c.order, ['tensorrt', 'cuda', 'cpu']);
    assert.equal(c.tensorrt.fp16, true);
    assert.equal(c.tensorrt.engineCacheDir, '/var/cache/herald/trt');
    assert.deepEqual(c.tensorrt.opTypesToExclude, ['NonZero']);
    assert.equal(c.tensorrt.layerNormFp32Fallback, true);
    assert.equal(c.cuda.cudnnConvAlgoSearch, 'HEURISTIC');
  });

  it('merges partial input without touching the frozen defaults', () => {
    const c = resolveProvidersConfig({ tensorrt: { fp16: false, opTypesToExclude: [] }, cuda: { gpuMemLimitBytes: 1 << 30 } });
    assert.equal(c.tensorrt.fp16, false);
    assert.deepEqual(c.tensorrt.opTypesToExclude, []);
    assert.equal(c.cuda.gpuMemLimitBytes, 1 << 30);
    assert.deepEqual(DEFAULT_PROVIDERS_CONFIG.tensorrt.opTypesToExclude, ['NonZero']);
    assert.throws(() => {
      (DEFAULT_PROVIDERS_CONFIG.tensorrt as { fp16: boolean }).fp16 = false;
    }, TypeError);
  });

  it('rejects values ORT would reject later', () => {
    assert.throws(() => resolveProvidersConfig({ order: ['tensorrt', 'tpu' as 'cpu'] }), /unknown provider/);
    assert.throws(() => resolveProvidersConfig({ order: ['cpu', 'cpu'] }), /twice/);
    assert.throws(() => resolveProvidersConfig({ tensorrt: { maxWorkspaceBytes: 1.5 } }), RangeError);
    assert.throws(() => resolveProvidersConfig({ tensorrt: { builderOptimizationLevel: 7 } }), RangeError);
    assert.throws(() => resolveProvidersConfig({ tensorrt: { opTypesToExclude: ['Non Zero'] } }), /not an op type/);
    assert.throws(() => resolveProvidersConfig({ tensorrt: { engineCacheDir: 'relative/dir' } }), /absolute/);
    assert.throws(() => resolveProvidersConfig({ cuda: { cudnnConvAlgoSearch: 'FAST' as 'DEFAULT' } }), /EXHAUSTIVE/);
  });

  it('compares versions numerically', () => {
    assert.equal(compareVersions('1.30.0', '1.21.0'), 1);
    assert.equal(compareVersions('1.9.0', '1.21'), -1);
    assert.equal(compareVersions('1.21', '1.21.0'), 0);
  });
});

describe('shape profiles', () => {
  it('covers 1..max phonemes with fixed side inputs', () => {
    const p = shapeProfiles({ ...voice, inputNames: ['input', 'input_lengths', 'scales', 'sid'] });
    assert.deepEqual(p.min, { input: [1, 1], input_lengths: [1], scales: [3], sid: [1] });
    assert.deepEqual(p.opt, { input: [1, 96], input_lengths: [1], scales: [3], sid: [1] });
    assert.deepEqual(p.max, { input: [1, 400], input_lengths: [1], scales: [3], sid: [1] });
    assert.equal(formatShapes(p.max), 'input:1x400,input_lengths:1,scales:3,sid:1');
  });

  it('clamps opt into [min, max] and validates', () => {
    assert.deepEqual(shapeProfiles({ ...voice, maxPhonemes: 50 }).opt.input, [1, 50]);
    assert.deepEqual(shapeProfiles({ ...voice, minPhonemes: 8, optPhonemes: 4 }).opt.input, [1, 8]);
    assert.throws(() => shapeProfiles({ ...voice, minPhonemes: 500 }), RangeError);
    assert.throws(() => shapeProfiles({ ...voice, maxPhonemes: 0 }), RangeError);
    assert.throws(() => shapeProfiles({ ...voice, inputNames: ['input', 'pitch'] }), /pitch/);
  });

  it('formats independently of input order', () => {
    const a = shapeProfiles(voice);
    const b = shapeProfiles({ ...voice, inputNames: ['scales', 'input', 'input_lengths'] });
    assert.equal(formatShapes(a.min), formatShapes(b.min));
  });

  it('reads the missing-profile names from ORT errors, one line only', () => {
    const msg =
      'EP_FAIL : User needs to provide all the dynamic shape inputs with associated profiles if they want to explicitly set profiles through provider options.\n' +
      "Please note that main graph could be partitioned into TRT/CUDA/CPU subgraphs, in this case, user also needs to provide shape profiles for the TRT subgraph's input if it's dynamic shape input.\n" +
      'Following input(s) has no associated shape profiles provided: /dp/Range_output_0,/flow/Mul_output_0\nanother line';
    assert.deepEqual(missingProfileInputs(msg), ['/dp/Range_output_0', '/flow/Mul_output_0']);
    assert.deepEqual(missingProfileInputs('some other error'), []);
    assert.deepEqual(missingProfileInputs('Following input(s) has no associated shape profiles provided: '), []);
  });

  it('derives partition-boundary profiles from declared dims', () => {
    const dims = { '/enc/out': [1, 192, 'phonemes'], '/dec/in': [1, 192, 'unk__7'], '/x/pad': [1, '2*phonemes + 1'], '/b': ['batch_size', 4] };
    const p = boundaryProfiles(Object.keys(dims), dims, voice, { framesPerPhoneme: { opt: 6, max: 16 } });
    assert.ok(p);
    assert.deepEqual(p.max['/enc/out'], [1, 192, 400]);
    assert.deepEqual(p.min['/dec/in'], [1, 192, 1]);
    assert.deepEqual(p.opt['/dec/in'], [1, 192, 96 * 6]);
    assert.deepEqual(p.max['/dec/in'], [1, 192, 400 * 16]);
    assert.deepEqual(p.max['/x/pad'], [1, 801]);
    assert.deepEqual(p.min['/b'], [1, 4]);
    assert.equal(boundaryProfiles(['/unknown'], dims, voice, { framesPerPhoneme: { opt: 6, max: 16 } }), undefined);
  });

  it('evaluates only plain integer dim expressions', () => {
    assert.equal(evaluateDimExpression('2*phonemes + 1', { phonemes: 10 }), 21);
    assert.equal(evaluateDimExpression('(phonemes - 1) // 2', { phonemes: 11 }), 5);
    assert.equal(evaluateDimExpression('phonemes*unk', { phonemes: 3 }), undefined);
    assert.equal(evaluateDimExpression('process.exit()', { phonemes: 3 }), undefined);
  });
});

describe('engine cache keys', () => {
  const cfg = resolveProvidersConfig();
  const key = (v: VoiceFacts, r: RuntimeFacts, c = cfg) => engineCacheKey(engineCacheIdentity(c.tensorrt, v, r, shapeProfiles(v)));

  it('is stable for the same inputs', () => {
    assert.equal(key(voice, runtime), key({ ...voice }, { ...runtime, gpu: { ...runtime.gpu } }));
    assert.match(key(voice, runtime), /^[0-9a-f]{64}$/);
  });

  it('changes with model, ORT version, GPU, TensorRT, precision, profiles and partitioning', () => {
    const base = key(voice, runtime);
    const variants = [
      key({ ...voice, modelSha256: SHA_B }, runtime),
      key(voice, { ...runtime, ortVersion: '1.31.0' }),
      key(voice, { ...runtime, gpu: { name: 'gv11b', computeCapability: '7.2' } }),
      key(voice, { ...runtime, gpu: { name: 'ga10b', computeCapability: '8.6' } }),
      key(voice, { ...runtime, tensorrtVersion: '10.4.0' }),
      key(voice, runtime, resolveProvidersConfig({ tensorrt: { fp16: false } })),
      key({ ...voice, maxPhonemes: 401 }, runtime),
      key({ ...voice, optPhonemes: 64 }, runtime),
      key(voice, runtime, resolveProvidersConfig({ tensorrt: { opTypesToExclude: [] } })),
      key(voice, runtime, resolveProvidersConfig({ tensorrt: { layerNormFp32Fallback: false } })),
    ];
    for (const v of variants) assert.notEqual(v, base);
    assert.equal(new Set(variants).size, variants.length);
  });

  it('treats the sha case-insensitively and rejects non-digests', () => {
    assert.equal(key({ ...voice, modelSha256: SHA_A.toUpperCase() }, runtime), key(voice, runtime));
    assert.throws(() => key({ ...voice, modelSha256: 'abc' }, runtime), /sha256/);
  });

  it('puts engines per key and shares the timing cache per GPU/ORT/TensorRT', () => {
    const a = engineCachePaths(cfg.tensorrt, voice, runtime, shapeProfiles(voice));
    const b = engineCachePaths(cfg.tensorrt, { ...voice, modelSha256: SHA_B }, runtime, shapeProfiles(voice));
    const c = engineCachePaths(cfg.tensorrt, voice, { ...runtime, ortVersion: '1.31.0' }, shapeProfiles(voice));
    assert.equal(a.engineDir, `/var/cache/herald/trt/engines/${a.key}`);
    assert.notEqual(a.engineDir, b.engineDir);
    assert.equal(a.timingDir, b.timingDir);
    assert.notEqual(a.timingDir, c.timingDir);
    assert.match(a.timingDir, /^\/var\/cache\/herald\/trt\/timing\/[0-9a-f]{16}$/);
  });
});

describe('provider entries', () => {
  it('maps TensorRT config to the trt_* keys the patched binding forwards', () => {
    const cfg = resolveProvidersConfig({ tensorrt: { maxWorkspaceBytes: 2 ** 31, builderOptimizationLevel: 2 } });
    const plan = planProviders(cfg, voice, runtime, patched);
    assert.equal(plan.primary, 'tensorrt');
    const trt = plan.executionProviders[0];
    assert.ok(trt && plan.cache);
    assert.deepEqual(trt, {
      name: 'tensorrt',
      deviceId: 0,
      trt_fp16_enable: true,
      trt_engine_cache_enable: true,
      trt_engine_cache_path: plan.cache.engineDir,
      trt_timing_cache_enable: true,
      trt_timing_cache_path: plan.cache.timingDir,
      trt_layer_norm_fp32_fallback: true,
      trt_max_workspace_size: 2 ** 31,
      trt_builder_optimization_level: 2,
      trt_op_types_to_exclude: 'NonZero',
      trt_profile_min_shapes: 'input:1x1,input_lengths:1,scales:3',
      trt_profile_opt_shapes: 'input:1x96,input_lengths:1,scales:3',
      trt_profile_max_shapes: 'input:1x400,input_lengths:1,scales:3',
    });
    assert.deepEqual(plan.executionProviders[1], { name: 'cuda', deviceId: 0, cudnn_conv_algo_search: 'HEURISTIC' });
    assert.deepEqual(plan.executionProviders[2], { name: 'cpu' });
    for (const e of plan.executionProviders) {
      for (const v of Object.values(e)) assert.notEqual(v, '', 'ORT rejects empty option values');
    }
  });

  it('omits what the ORT version or config does not have', () => {
    const notes: string[] = [];
    const cfg = resolveProvidersConfig({ tensorrt: { timingCache: false } });
    const o = tensorRtOptions(cfg.tensorrt, { engineDir: '/e', timingDir: '/t' }, shapeProfiles(voice), { ortVersion: '1.20.1' }, notes);
    assert.equal(o.trt_op_types_to_exclude, undefined);
    assert.equal(o.trt_timing_cache_path, undefined);
    assert.equal(o.trt_timing_cache_enable, false);
    assert.match(notes.join(), /1\.21/);
    const empty = tensorRtOptions(resolveProvidersConfig({ tensorrt: { opTypesToExclude: [] } }).tensorrt, { engineDir: '/e', timingDir: '/t' }, shapeProfiles(voice), runtime);
    assert.equal('trt_op_types_to_exclude' in empty, false);
    assert.deepEqual(cudaOptions(resolveProvidersConfig({ cuda: { useTf32: false, arenaExtendStrategy: 'kSameAsRequested' } }).cuda), {
      cudnn_conv_algo_search: 'HEURISTIC',
      use_tf32: false,
      arena_extend_strategy: 'kSameAsRequested',
    });
  });

  it('adds partition-boundary profiles on a retry', () => {
    const extra = boundaryProfiles(['/dec/in'], { '/dec/in': [1, 192, 'frames'] }, voice, DEFAULT_PROVIDERS_CONFIG.tensorrt);
    assert.ok(extra);
    const plan = planProviders(resolveProvidersConfig(), voice, runtime, patched, extra);
    assert.match(String(plan.executionProviders[0]?.trt_profile_max_shapes), /\/dec\/in:1x192x6400/);
    const first = planProviders(resolveProvidersConfig(), voice, runtime, patched);
    assert.notEqual(plan.cache?.key, first.cache?.key);
  });

  it('sends only deviceId to a binding that ignores options, and says so', () => {
    const plan = planProviders(resolveProvidersConfig(), voice, runtime, stockGpu);
    assert.deepEqual(plan.executionProviders, [{ name: 'tensorrt', deviceId: 0 }, { name: 'cuda', deviceId: 0 }, { name: 'cpu' }]);
    assert.equal(plan.cache, undefined);
    assert.match(plan.notes.join('\n'), /passes only deviceId/);
  });

  it('skips providers the binding lacks (stock arm64 build = CPU only)', () => {
    const plan = planProviders(resolveProvidersConfig(), voice, runtime, STOCK_ARM64_CAPABILITY);
    assert.deepEqual(plan.executionProviders, [{ name: 'cpu' }]);
    assert.equal(plan.primary, 'cpu');
    assert.match(plan.notes.join('\n'), /tensorrt: not available/);
    assert.match(plan.notes.join('\n'), /cuda: not available/);
  });

  it('the planned entries create a real session on this machine', async () => {
    const plan = planProviders(resolveProvidersConfig(), voice, runtime, STOCK_ARM64_CAPABILITY);
    const session = await ort.InferenceSession.create(buildProbeModel(8), { executionProviders: plan.executionProviders });
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array(8).fill(1), [1, 8]) });
    assert.equal(out.y?.dims.join('x'), '1x8');
    await session.release();
  });

  it('stock binding ignores unknown option keys (why honoursOptions must be probed, not assumed)', async () => {
    const session = await ort.InferenceSession.create(buildProbeModel(8), {
      executionProviders: [{ name: 'cpu', trt_fp16_enable: 'not-a-bool', anything: 1 } as ort.InferenceSession.ExecutionProviderConfig],
    });
    await session.release();
  });
});

describe('effective precision is honest', () => {
  const cfg = resolveProvidersConfig();

  it('stock binding with TensorRT: fp16 false with the reason', () => {
    const e = effectivePrecision(cfg, voice, stockGpu);
    assert.equal(e.provider, 'tensorrt');
    assert.equal(e.fp16, false);
    assert.equal(e.confidence, 'none');
    assert.match(e.reason, /stock onnxruntime-node binding passes only deviceId; FP16 not applied/);
    assert.equal(effectivePrecision(cfg, { ...voice, precision: 'fp16' }, stockGpu).fp16, false);
  });

  it('patched binding: fp16 only as strong as the evidence', () => {
    assert.deepEqual(
      [effectivePrecision(cfg, voice, patched).fp16, effectivePrecision(cfg, voice, patched).confidence],
      [true, 'observed'],
    );
    const notSeen = effectivePrecision(cfg, voice, { ...patched, fp16Observed: false });
    assert.equal(notSeen.fp16, true);
    assert.equal(notSeen.confidence, 'configured');
    assert.match(notSeen.reason, /allowed, not forced/);
    const off = effectivePrecision(resolveProvidersConfig({ tensorrt: { fp16: false } }), voice, patched);
    assert.equal(off.fp16, false);
  });

  it('CUDA EP: FP16 only with an FP16 model', () => {
    const cudaOnly: BindingCapability = { providers: ['cuda', 'cpu'], honoursOptions: false };
    assert.equal(effectivePrecision(cfg, voice, cudaOnly).fp16, false);
    const e = effectivePrecision(cfg, { ...voice, precision: 'fp16' }, cudaOnly);
    assert.equal(e.provider, 'cuda');
    assert.equal(e.fp16, true);
  });

  it('CPU: never FP16', () => {
    const e = effectivePrecision(cfg, { ...voice, precision: 'fp16' }, STOCK_ARM64_CAPABILITY);
    assert.equal(e.provider, 'cpu');
    assert.equal(e.fp16, false);
    assert.match(e.reason, /casts to FP32/);
  });

  it('the plan carries the same statement', () => {
    const plan = planProviders(cfg, voice, runtime, stockGpu);
    assert.deepEqual(plan.effective, effectivePrecision(cfg, voice, stockGpu));
  });
});

describe('warm-up planner', () => {
  it('runs max, opt, min with Piper-shaped feeds', () => {
    const steps = planWarmup({ ...voice, inputNames: [...voice.inputNames, 'sid'] }, { idPattern: [20, 0], speakerId: 3 });
    assert.deepEqual(
      steps.map((s) => s.phonemes),
      [400, 96, 1],
    );
    const s = steps[1];
    assert.ok(s);
    assert.equal(s.feeds.input.length, 96);
    assert.equal(s.feeds.input[0], 1n);
    assert.equal(s.feeds.input[1], 0n);
    assert.equal(s.feeds.input[2], 20n);
    assert.equal(s.feeds.input[95], 2n);
    assert.deepEqual(Array.from(s.feeds.input_lengths), [96n]);
    assert.deepEqual(Array.from(s.feeds.scales), [Math.fround(0.667), 1, Math.fround(0.8)]);
    assert.deepEqual(Array.from(s.feeds.sid ?? []), [3n]);
    assert.deepEqual(s.dims, { input: [1, 96], input_lengths: [1], scales: [3], sid: [1] });
  });

  it('deduplicates and validates lengths', () => {
    assert.deepEqual(
      planWarmup({ ...voice, maxPhonemes: 1 }).map((s) => s.phonemes),
      [1],
    );
    assert.throws(() => planWarmup(voice, { lengths: [401] }), RangeError);
    assert.equal(planWarmup(voice, { lengths: [5] })[0]?.feeds.sid, undefined);
  });
});

describe('saved check-binding report', () => {
  it('accepts the report check-binding writes and rejects anything else', () => {
    const parsed = parseBindingReport({
      checkedAt: '2026-01-01T00:00:00Z',
      ortVersion: '1.30.0',
      heraldBuild: { ortVersion: '1.30.0', tensorrtVersion: '10.3.0' },
      capability: { providers: ['tensorrt', 'cuda', 'cpu'], honoursOptions: true, fp16Observed: false },
    });
    assert.deepEqual(parsed, {
      capability: { providers: ['tensorrt', 'cuda', 'cpu'], honoursOptions: true, fp16Observed: false },
      ortVersion: '1.30.0',
      checkedAt: '2026-01-01T00:00:00Z',
      tensorrtVersion: '10.3.0',
    });
    assert.equal(parseBindingReport(null), undefined);
    assert.equal(parseBindingReport({ capability: { providers: 'cpu', honoursOptions: false } }), undefined);
    assert.equal(parseBindingReport({ capability: { providers: ['cpu'] } }), undefined);
    assert.deepEqual(parseBindingReport({ capability: { providers: ['cpu'], honoursOptions: false }, heraldBuild: null }), {
      capability: { providers: ['cpu'], honoursOptions: false, fp16Observed: null },
    });
  });
});
