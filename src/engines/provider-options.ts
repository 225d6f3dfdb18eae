/**
 * Which execution providers a voice's session gets, with which options, and
 * what precision that really gives. Pure functions: the caller (provider-plan.ts)
 * gathers the facts.
 *
 * Facts this is built on (ONNX Runtime sources and docs, not measured here):
 * - Stock onnxruntime-node reads only `name` and `deviceId` of an
 *   executionProviders entry. Herald's patched binding (scripts/jetson/patches)
 *   forwards every other key to ORT's V2 provider-options API, so the keys below
 *   are ORT's own option names; ORT rejects empty values, so unset options are left out.
 * - ORT names cached engines after the graph topology, not the weights: a
 *   retrained voice would load a stale engine from a shared directory, hence
 *   one cache directory per model hash and settings.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CudaConfig, EngineConfig, ProviderName, TensorRtConfig } from '../config/schema.ts';

export type { ProviderName };

// What `scripts/jetson/check-binding.ts --write FILE` stores; the daemon reads it.
export const bindingReportSchema = z.object({
  capability: z.object({
    // Providers a session could actually be created with.
    providers: z.array(z.string()),
    // True only when the binding demonstrably forwards provider options.
    honoursOptions: z.boolean(),
    // TensorRT FP16 seen in the probe's numbers; null when not tested.
    fp16Observed: z.boolean().nullable().default(null),
  }),
  // HERALD_BINDING.json of scripts/jetson/install-binding.sh, when present.
  heraldBuild: z.object({ tensorrtVersion: z.string().optional() }).nullish(),
});

export type BindingCapability = z.output<typeof bindingReportSchema>['capability'];

export interface VoiceFacts {
  // sha256 of the .onnx that is loaded (an FP16 copy has its own).
  modelSha256: string;
  // Longest id sequence one model call gets (longer sentences are cut).
  maxPhonemes: number;
  inputNames: string[];
  precision: 'fp32' | 'fp16';
}

export interface RuntimeFacts {
  ortVersion: string;
  gpu: { name: string; computeCapability: string };
  // Engines are specific to the TensorRT version, when it is known.
  tensorrtVersion?: string;
}

type OptionValue = string | number | boolean;

// One executionProviders entry as the (patched) binding reads it.
export interface ExecutionProviderEntry {
  name: ProviderName;
  deviceId?: number;
  [option: string]: OptionValue | undefined;
}

type Shapes = Record<string, number[]>;
export interface ShapeProfiles {
  min: Shapes;
  opt: Shapes;
  max: Shapes;
}

export interface EffectivePrecision {
  provider: ProviderName;
  // True only when FP16 arithmetic really runs for the bulk of the graph.
  fp16: boolean;
  // observed: seen in the binding probe; configured: requested on a path known to apply it.
  confidence: 'observed' | 'configured' | 'none';
  reason: string;
}

export interface EngineCache {
  engineDir: string;
  timingDir: string;
  // Everything that changes the engine; written beside it for people and `herald doctor`.
  identity: Record<string, string | number | boolean | null>;
}

export interface ProviderPlan {
  executionProviders: ExecutionProviderEntry[];
  primary: ProviderName;
  cache?: EngineCache;
  effective: EffectivePrecision;
  // Decisions worth logging and showing in `herald doctor`.
  notes: string[];
}

// TensorRT tunes its kernels for this many ids (a typical sentence).
const TYPICAL_PHONEMES = 96;

/**
 * One engine for every sentence length: input 1x1 .. 1xmax, the scalar inputs
 * fixed. ORT refuses explicit profiles that miss a dynamic input, so an unknown
 * input name is an error here rather than a failed session later.
 */
export function shapeProfiles(voice: VoiceFacts): ShapeProfiles {
  const profiles: ShapeProfiles = { min: {}, opt: {}, max: {} };
  for (const name of voice.inputNames) {
    if (name === 'input') {
      profiles.min[name] = [1, 1];
      profiles.opt[name] = [1, Math.min(TYPICAL_PHONEMES, voice.maxPhonemes)];
      profiles.max[name] = [1, voice.maxPhonemes];
    } else if (name === 'input_lengths' || name === 'sid' || name === 'scales') {
      const shape = name === 'scales' ? [3] : [1];
      profiles.min[name] = profiles.opt[name] = profiles.max[name] = shape;
    } else {
      throw new TypeError(`no TensorRT shape profile for model input '${name}'`);
    }
  }
  return profiles;
}

// ORT's profile syntax: "input:1x1,input_lengths:1".
function formatShapes(shapes: Shapes): string {
  return Object.entries(shapes)
    .map(([name, dims]) => `${name}:${dims.join('x')}`)
    .join(',');
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * <root>/engines/<key> holds one voice's engines, keyed by everything that
 * changes them; <root>/timing/<key> the timing cache, which depends on the GPU
 * and the ORT/TensorRT build only, so all voices share it.
 */
export function engineCache(trt: TensorRtConfig, voice: VoiceFacts, runtime: RuntimeFacts, profiles: ShapeProfiles): EngineCache {
  const gpu = `${runtime.gpu.name}/sm${runtime.gpu.computeCapability.replace('.', '')}`;
  const tensorrtVersion = runtime.tensorrtVersion ?? null;
  const identity = {
    modelSha256: voice.modelSha256,
    ortVersion: runtime.ortVersion,
    gpu,
    tensorrtVersion,
    precision: trt.fp16 ? 'fp16' : 'fp32',
    profiles: [profiles.min, profiles.opt, profiles.max].map(formatShapes).join(' '),
    opTypesToExclude: [...trt.opTypesToExclude].sort().join(','),
    layerNormFp32Fallback: trt.layerNormFp32Fallback,
    builderOptimizationLevel: trt.builderOptimizationLevel ?? null,
  };
  const root = trt.engineCacheDir.replace(/\/+$/, '');
  const timingKey = sha256Hex(JSON.stringify([gpu, runtime.ortVersion, tensorrtVersion])).slice(0, 16);
  return { engineDir: `${root}/engines/${sha256Hex(JSON.stringify(identity))}`, timingDir: `${root}/timing/${timingKey}`, identity };
}

function tensorRtOptions(trt: TensorRtConfig, cache: EngineCache, profiles: ShapeProfiles): Record<string, OptionValue> {
  const o: Record<string, OptionValue> = {
    trt_fp16_enable: trt.fp16,
    trt_engine_cache_enable: true,
    trt_engine_cache_path: cache.engineDir,
    trt_timing_cache_enable: trt.timingCache,
    trt_layer_norm_fp32_fallback: trt.layerNormFp32Fallback,
    trt_profile_min_shapes: formatShapes(profiles.min),
    trt_profile_opt_shapes: formatShapes(profiles.opt),
    trt_profile_max_shapes: formatShapes(profiles.max),
  };
  if (trt.timingCache) o.trt_timing_cache_path = cache.timingDir;
  if (trt.maxWorkspaceBytes !== undefined) o.trt_max_workspace_size = trt.maxWorkspaceBytes;
  if (trt.builderOptimizationLevel !== undefined) o.trt_builder_optimization_level = trt.builderOptimizationLevel;
  if (trt.opTypesToExclude.length > 0) o.trt_op_types_to_exclude = trt.opTypesToExclude.join(',');
  return o;
}

function cudaOptions(cuda: CudaConfig): Record<string, OptionValue> {
  const o: Record<string, OptionValue> = { cudnn_conv_algo_search: cuda.cudnnConvAlgoSearch };
  if (cuda.gpuMemLimitBytes !== undefined) o.gpu_mem_limit = cuda.gpuMemLimitBytes;
  if (cuda.useTf32 !== undefined) o.use_tf32 = cuda.useTf32;
  return o;
}

// The providers in the configured order, those the binding lacks or the
// config disables left out, each with the options the binding can pass.
export function planProviders(engine: EngineConfig, voice: VoiceFacts, runtime: RuntimeFacts, capability: BindingCapability): ProviderPlan {
  const notes: string[] = [];
  const entries: ExecutionProviderEntry[] = [];
  let cache: EngineCache | undefined;
  for (const name of engine.providers) {
    if (name === 'cpu') {
      entries.push({ name });
      continue;
    }
    const settings = engine[name];
    if (!settings.enabled) {
      notes.push(`${name}: disabled in config`);
      continue;
    }
    if (!capability.providers.includes(name)) {
      notes.push(`${name}: not available in the installed onnxruntime-node binding`);
      continue;
    }
    if (!capability.honoursOptions) {
      entries.push({ name, deviceId: settings.deviceId });
      notes.push(
        name === 'tensorrt'
          ? 'tensorrt: the binding passes only deviceId, so FP16, engine cache, timing cache, shape profiles and op exclusions are not applied; engines are rebuilt in every process (build the patched binding: scripts/jetson)'
          : 'cuda: the binding passes only deviceId; cuDNN search mode and memory options are ORT defaults',
      );
    } else if (name === 'tensorrt') {
      const profiles = shapeProfiles(voice);
      cache = engineCache(engine.tensorrt, voice, runtime, profiles);
      entries.push({ name, deviceId: settings.deviceId, ...tensorRtOptions(engine.tensorrt, cache, profiles) });
    } else {
      entries.push({ name, deviceId: settings.deviceId, ...cudaOptions(engine.cuda) });
    }
  }
  if (!entries.some((e) => e.name === 'cpu')) notes.push('cpu: not listed in engine.providers; ORT still runs on CPU the nodes no other provider takes');
  const primary = entries[0]?.name ?? 'cpu';
  return { executionProviders: entries, primary, ...(cache ? { cache } : {}), effective: effectivePrecision(engine, voice, capability, primary), notes };
}

/**
 * The precision that really runs; never FP16 that is not applied:
 * trt_fp16_enable reaches TensorRT only through the patched binding; the CUDA
 * provider has no FP16 switch and computes in the model's types; the CPU
 * provider upcasts FP16 nodes it has no kernels for.
 */
function effectivePrecision(engine: EngineConfig, voice: VoiceFacts, capability: BindingCapability, provider: ProviderName): EffectivePrecision {
  const none = (reason: string): EffectivePrecision => ({ provider, fp16: false, confidence: 'none', reason });
  const fp16Model = voice.precision === 'fp16';
  if (provider === 'tensorrt') {
    if (!engine.tensorrt.fp16) return none('tensorrt.fp16 is false in config; TensorRT builds FP32 engines');
    if (!capability.honoursOptions) return none('stock onnxruntime-node binding passes only deviceId; FP16 not applied (trt_fp16_enable never reaches TensorRT)');
    if (capability.fp16Observed) {
      return { provider, fp16: true, confidence: 'observed', reason: 'trt_fp16_enable=1 via the patched binding; FP16 rounding was observed in the binding probe' };
    }
    return {
      provider,
      fp16: true,
      confidence: 'configured',
      reason: `trt_fp16_enable=1 via the patched binding; FP16 kernels are allowed, not forced, and were not seen in the probe (${capability.fp16Observed === false ? 'it showed FP32 numbers' : 'not run'})`,
    };
  }
  if (provider === 'cuda') {
    if (fp16Model) return { provider, fp16: true, confidence: 'configured', reason: 'FP16 model (scripts/prepare-voice) on the CUDA provider: converted ops run FP16 kernels' };
    return none('the CUDA provider runs the FP32 model as FP32; it has no FP16 switch - use an FP16 model from scripts/prepare-voice');
  }
  return none(fp16Model ? 'CPU: onnxruntime computes FP16 nodes in FP32; prefer the FP32 model on CPU' : 'CPU runs the model in FP32');
}
