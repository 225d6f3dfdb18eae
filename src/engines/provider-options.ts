/**
 * Execution-provider planning for the Jetson GPU path (issue 4).
 *
 * Pure functions only: no file, network or ORT access. The engine feeds in
 * what it knows (config, the voice, the runtime, what the installed binding
 * can do) and gets back the `executionProviders` array for
 * `ort.InferenceSession.create`, the TensorRT cache directories, the shape
 * profiles, a warm-up plan and an honest statement of the precision that will
 * really be used.
 *
 * Facts this module is built on (ONNX Runtime sources / docs, not measured here):
 * - Stock onnxruntime-node reads only `name` and `deviceId` from an
 *   executionProviders entry; other keys are silently ignored. Herald's patched
 *   binding (scripts/jetson/patches) forwards every other key to ORT's V2
 *   provider-options API, so the keys below use ORT's own option names.
 * - Update{TensorRT,CUDA}ProviderOptions reject empty values, so empty options
 *   are omitted rather than sent as "".
 * - Explicit TensorRT profiles must cover *every* dynamic input of *every*
 *   TensorRT subgraph, including partition-boundary tensors; ORT names the
 *   missing ones in its error ("Following input(s) has no associated shape
 *   profiles provided: ..."), see missingProfileInputs().
 * - ORT names cached engines after the graph topology, not the weights, so a
 *   re-trained voice with the same architecture would load a stale engine from
 *   a shared directory. Hence the cache directory is keyed by the model hash.
 * - trt_op_types_to_exclude exists from ORT 1.21, which is also when TensorRT
 *   started taking data-dependent-shape ops (NonZero, NonMaxSuppression,
 *   RoiAlign) by default.
 */
import { createHash } from 'node:crypto';
import type { ProviderName } from '../config/schema.ts';

export type { ProviderName };

export interface TensorRtConfig {
  enabled: boolean;
  deviceId: number;
  /** Ask TensorRT for FP16 kernels (trt_fp16_enable). Only honoured by the patched binding. */
  fp16: boolean;
  /** Root of the engine cache; engines go to <root>/engines/<key>, timing caches to <root>/timing/<gpu key>. */
  engineCacheDir: string;
  /** Keep a TensorRT timing cache (shared by all voices on the same GPU + ORT). */
  timingCache: boolean;
  /** trt_max_workspace_size in bytes; ORT's default when absent. */
  maxWorkspaceBytes?: number;
  /**
   * Op types left to CUDA/CPU (trt_op_types_to_exclude, ORT >= 1.21).
   * Default ['NonZero']: Piper/VITS graphs contain NonZero (boolean-mask indexing
   * in the duration predictor's spline), TensorRT has failed session creation on
   * its shape-less output, and a failed session means no speech at all, whereas
   * excluding it costs one partition boundary (the graph is already partitioned
   * because TensorRT rejects the float `scales` input as a shape tensor). Set []
   * to try an all-TensorRT graph with a model prepared by scripts/prepare-voice.
   */
  opTypesToExclude: string[];
  /** trt_layer_norm_fp32_fallback: keep layer-norm style reductions in FP32 under FP16. */
  layerNormFp32Fallback: boolean;
  /** trt_builder_optimization_level 0..5 (ORT default 3); lower builds faster. */
  builderOptimizationLevel?: number;
  /**
   * Decoder frames per phoneme id used to bound partition-boundary tensors whose
   * length is data dependent (expected values, not measured): opt / max.
   */
  framesPerPhoneme: { opt: number; max: number };
}

export type CudnnConvAlgoSearch = 'EXHAUSTIVE' | 'HEURISTIC' | 'DEFAULT';

export interface CudaConfig {
  enabled: boolean;
  deviceId: number;
  /**
   * Default HEURISTIC: ORT's default EXHAUSTIVE benchmarks every convolution for
   * every new input shape, and every sentence length is a new shape for Piper.
   */
  cudnnConvAlgoSearch: CudnnConvAlgoSearch;
  gpuMemLimitBytes?: number;
  arenaExtendStrategy?: 'kNextPowerOfTwo' | 'kSameAsRequested';
  doCopyInDefaultStream?: boolean;
  cudnnConvUseMaxWorkspace?: boolean;
  /** use_tf32 (ORT default on): TF32 MatMul/Conv on Ampere is reduced precision too. */
  useTf32?: boolean;
}

export interface ProvidersConfig {
  /** Preference order; providers the binding lacks are skipped. */
  order: ProviderName[];
  tensorrt: TensorRtConfig;
  cuda: CudaConfig;
}

export interface ProvidersConfigInput {
  order?: ProviderName[];
  tensorrt?: Partial<TensorRtConfig>;
  cuda?: Partial<CudaConfig>;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_PROVIDERS_CONFIG: ProvidersConfig = deepFreeze<ProvidersConfig>({
  order: ['tensorrt', 'cuda', 'cpu'],
  tensorrt: {
    enabled: true,
    deviceId: 0,
    fp16: true,
    engineCacheDir: '/var/cache/herald/trt',
    timingCache: true,
    opTypesToExclude: ['NonZero'],
    layerNormFp32Fallback: true,
    framesPerPhoneme: { opt: 6, max: 16 },
  },
  cuda: {
    enabled: true,
    deviceId: 0,
    cudnnConvAlgoSearch: 'HEURISTIC',
  },
});

/** Facts about the voice model that shape the engine. */
export interface VoiceFacts {
  /** sha256 (hex) of the .onnx file that is actually loaded (the FP16 copy has its own). */
  modelSha256: string;
  /** Longest phoneme-id sequence the daemon will feed (after sentence splitting). */
  maxPhonemes: number;
  /** Model input names, e.g. session.inputNames: input, input_lengths, scales[, sid]. */
  inputNames: string[];
  /** Shortest sequence to cover; default 1. */
  minPhonemes?: number;
  /** Most common length, TensorRT tunes for it; default min(maxPhonemes, 96). */
  optPhonemes?: number;
  /** Element type of the model's weights/compute (prepare-voice writes an fp16 copy). Default 'fp32'. */
  precision?: 'fp32' | 'fp16';
  /** Name of the sequence dimension of `input` (Piper exports 'phonemes'). */
  phonemeDimName?: string;
}

/** Facts about the machine and runtime. */
export interface RuntimeFacts {
  /** ort.env.versions.node or similar, e.g. '1.30.0'. */
  ortVersion: string;
  /** GPU identity; on Jetson from jetson-metrics gpuIdentity(): e.g. { name: 'ga10b', computeCapability: '8.7' }. */
  gpu: { name: string; computeCapability: string };
  /** TensorRT version if known (engines are specific to it), e.g. '10.3.0'. */
  tensorrtVersion?: string;
}

/** What the installed binding can do; produced by scripts/jetson/check-binding.ts (or a startup probe). */
export interface BindingCapability {
  /** Providers a session could actually be created with, e.g. ['cpu'] or ['tensorrt','cuda','cpu']. */
  providers: string[];
  /** True only if the binding demonstrably forwards provider options (patched binding). */
  honoursOptions: boolean;
  /** TensorRT FP16 seen in a probe's numbers: true / false (not seen) / null or absent (not tested). */
  fp16Observed?: boolean | null;
}

/** The stock onnxruntime-node on Jetson: CPU only, options ignored. */
export const STOCK_ARM64_CAPABILITY: BindingCapability = deepFreeze<BindingCapability>({
  providers: ['cpu'],
  honoursOptions: false,
  fp16Observed: null,
});

export type OptionValue = string | number | boolean;

/** One executionProviders entry as the (patched) binding reads it. */
export interface ExecutionProviderEntry {
  name: ProviderName;
  deviceId?: number;
  [option: string]: OptionValue | undefined;
}

export type Shape = number[];
export interface ShapeProfiles {
  min: Record<string, Shape>;
  opt: Record<string, Shape>;
  max: Record<string, Shape>;
}

export interface EffectivePrecision {
  provider: ProviderName;
  /** True only when FP16 arithmetic is really in use for the bulk of the graph. */
  fp16: boolean;
  /** observed: seen in a probe; configured: requested and the path is known to apply it; none: not FP16. */
  confidence: 'observed' | 'configured' | 'none';
  reason: string;
}

export interface EngineCacheIdentity {
  modelSha256: string;
  ortVersion: string;
  gpu: string;
  tensorrtVersion: string | null;
  precision: 'fp16' | 'fp32';
  profiles: { min: string; opt: string; max: string };
  opTypesToExclude: string;
  layerNormFp32Fallback: boolean;
  builderOptimizationLevel: number | null;
}

export interface EngineCachePaths {
  key: string;
  engineDir: string;
  timingDir: string;
  identity: EngineCacheIdentity;
}

export interface ProviderPlan {
  executionProviders: ExecutionProviderEntry[];
  primary: ProviderName;
  profiles?: ShapeProfiles;
  cache?: EngineCachePaths;
  effective: EffectivePrecision;
  /** Human-readable decisions worth logging / showing in `herald doctor`. */
  notes: string[];
}

// ---------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------

const PROVIDER_NAMES: readonly ProviderName[] = ['tensorrt', 'cuda', 'cpu'];

function assertInteger(value: number | undefined, what: string, min = 0): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be an integer >= ${min}, got ${value}`);
  }
}

/** Fill defaults and validate. Throws RangeError/TypeError on values ORT would reject later. */
export function resolveProvidersConfig(input: ProvidersConfigInput = {}): ProvidersConfig {
  const d = DEFAULT_PROVIDERS_CONFIG;
  const order = input.order ?? d.order;
  for (const p of order) {
    if (!PROVIDER_NAMES.includes(p)) throw new TypeError(`unknown provider '${String(p)}' in providers.order`);
  }
  if (new Set(order).size !== order.length) throw new TypeError('providers.order lists a provider twice');
  const trtIn = input.tensorrt ?? {};
  const tensorrt: TensorRtConfig = {
    ...d.tensorrt,
    ...stripUndefined(trtIn),
    opTypesToExclude: [...(trtIn.opTypesToExclude ?? d.tensorrt.opTypesToExclude)],
    framesPerPhoneme: { ...d.tensorrt.framesPerPhoneme, ...(trtIn.framesPerPhoneme ?? {}) },
  };
  assertInteger(tensorrt.deviceId, 'tensorrt.deviceId');
  assertInteger(tensorrt.maxWorkspaceBytes, 'tensorrt.maxWorkspaceBytes', 1);
  if (tensorrt.builderOptimizationLevel !== undefined) {
    assertInteger(tensorrt.builderOptimizationLevel, 'tensorrt.builderOptimizationLevel');
    if (tensorrt.builderOptimizationLevel > 5) throw new RangeError('tensorrt.builderOptimizationLevel must be 0..5');
  }
  for (const op of tensorrt.opTypesToExclude) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(op)) throw new TypeError(`tensorrt.opTypesToExclude: '${op}' is not an op type`);
  }
  if (!tensorrt.engineCacheDir.startsWith('/')) throw new TypeError('tensorrt.engineCacheDir must be an absolute path');
  assertInteger(tensorrt.framesPerPhoneme.opt, 'tensorrt.framesPerPhoneme.opt', 1);
  assertInteger(tensorrt.framesPerPhoneme.max, 'tensorrt.framesPerPhoneme.max', 1);
  if (tensorrt.framesPerPhoneme.opt > tensorrt.framesPerPhoneme.max) {
    throw new RangeError('tensorrt.framesPerPhoneme.opt must not exceed .max');
  }
  const cuda: CudaConfig = { ...d.cuda, ...stripUndefined(input.cuda ?? {}) };
  assertInteger(cuda.deviceId, 'cuda.deviceId');
  assertInteger(cuda.gpuMemLimitBytes, 'cuda.gpuMemLimitBytes', 1);
  if (!['EXHAUSTIVE', 'HEURISTIC', 'DEFAULT'].includes(cuda.cudnnConvAlgoSearch)) {
    throw new TypeError(`cuda.cudnnConvAlgoSearch: '${cuda.cudnnConvAlgoSearch}' is not EXHAUSTIVE|HEURISTIC|DEFAULT`);
  }
  return { order: [...order], tensorrt, cuda };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------

/** Compare dotted versions numerically ('1.30.0' vs '1.21'); pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.isFinite(pa[i]) ? (pa[i] as number) : 0;
    const y = Number.isFinite(pb[i]) ? (pb[i] as number) : 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Shape profiles
// ---------------------------------------------------------------------------

export interface PhonemeBounds {
  min: number;
  opt: number;
  max: number;
}

export function phonemeBounds(voice: VoiceFacts): PhonemeBounds {
  assertInteger(voice.maxPhonemes, 'voice.maxPhonemes', 1);
  const min = voice.minPhonemes ?? 1;
  assertInteger(min, 'voice.minPhonemes', 1);
  const max = voice.maxPhonemes;
  if (min > max) throw new RangeError(`voice.minPhonemes ${min} > maxPhonemes ${max}`);
  const opt = Math.min(Math.max(voice.optPhonemes ?? Math.min(max, 96), min), max);
  return { min, opt, max };
}

/**
 * Profiles for the Piper inputs so that one engine serves every sentence length:
 * input 1x1..1xMAX, input_lengths 1, scales 3, sid 1. Unknown input names throw,
 * because ORT refuses explicit profiles that miss a dynamic input anyway.
 */
export function shapeProfiles(voice: VoiceFacts): ShapeProfiles {
  const b = phonemeBounds(voice);
  const profiles: ShapeProfiles = { min: {}, opt: {}, max: {} };
  for (const name of voice.inputNames) {
    switch (name) {
      case 'input':
        profiles.min[name] = [1, b.min];
        profiles.opt[name] = [1, b.opt];
        profiles.max[name] = [1, b.max];
        break;
      case 'input_lengths':
      case 'sid':
        profiles.min[name] = [1];
        profiles.opt[name] = [1];
        profiles.max[name] = [1];
        break;
      case 'scales':
        profiles.min[name] = [3];
        profiles.opt[name] = [3];
        profiles.max[name] = [3];
        break;
      default:
        throw new TypeError(`no shape profile rule for model input '${name}' (Piper inputs are input, input_lengths, scales, sid)`);
    }
  }
  return profiles;
}

/** ORT's profile string: 'name:d0xd1,name2:d0'. Names sorted so equal profiles give equal strings. */
export function formatShapes(shapes: Record<string, Shape>): string {
  return Object.keys(shapes)
    .sort()
    .map((name) => {
      const dims = shapes[name] as Shape;
      if (name.includes(',') || name.includes(':')) throw new TypeError(`tensor name '${name}' cannot be used in a TensorRT profile string`);
      for (const d of dims) assertInteger(d, `profile dimension of ${name}`, 0);
      return `${name}:${dims.join('x')}`;
    })
    .join(',');
}

export function mergeProfiles(a: ShapeProfiles, b: ShapeProfiles): ShapeProfiles {
  return {
    min: { ...a.min, ...b.min },
    opt: { ...a.opt, ...b.opt },
    max: { ...a.max, ...b.max },
  };
}

const MISSING_PROFILE_MARKER = 'Following input(s) has no associated shape profiles provided:';

/**
 * Tensor names ORT says still need a profile. ORT lists them on the marker's own
 * line; anything after that line is other text and must not be read as a name.
 */
export function missingProfileInputs(message: string): string[] {
  const at = message.indexOf(MISSING_PROFILE_MARKER);
  if (at < 0) return [];
  const rest = message.slice(at + MISSING_PROFILE_MARKER.length);
  const line = rest.split(/\r?\n/, 1)[0] ?? '';
  return line
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export type SymbolicDim = number | string;

/**
 * Profiles for partition-boundary tensors (names from missingProfileInputs(),
 * declared dims from the `<model>.shapes.json` that scripts/prepare-voice writes).
 * Dimension meaning: a number is fixed; a symbol mentioning the phoneme dimension
 * (possibly an expression such as '2*phonemes + 1') follows the phoneme bounds;
 * 'batch'-like symbols are 1; any other symbol is taken as a decoder-frame length
 * bounded by framesPerPhoneme. Returns undefined if a name has no declared shape,
 * so the caller can fall back instead of sending a profile that is quietly wrong.
 */
export function boundaryProfiles(
  names: string[],
  dimsByName: Record<string, SymbolicDim[]>,
  voice: VoiceFacts,
  tensorrt: Pick<TensorRtConfig, 'framesPerPhoneme'>,
): ShapeProfiles | undefined {
  const b = phonemeBounds(voice);
  const phonemeSym = voice.phonemeDimName ?? 'phonemes';
  const out: ShapeProfiles = { min: {}, opt: {}, max: {} };
  for (const name of names) {
    const dims = dimsByName[name];
    if (!dims) return undefined;
    const at = (which: 'min' | 'opt' | 'max'): Shape =>
      dims.map((dim) => {
        if (typeof dim === 'number') {
          if (dim > 0) return dim;
          return which === 'min' ? 1 : which === 'opt' ? b.opt * tensorrt.framesPerPhoneme.opt : b.max * tensorrt.framesPerPhoneme.max;
        }
        const n = which === 'min' ? b.min : which === 'opt' ? b.opt : b.max;
        if (dim.includes(phonemeSym)) {
          const v = evaluateDimExpression(dim, { [phonemeSym]: n, batch_size: 1, batch: 1 });
          if (v !== undefined && v > 0) return v;
        }
        if (/batch/i.test(dim)) return 1;
        // data-dependent length (decoder frames)
        if (which === 'min') return 1;
        return n * (which === 'opt' ? tensorrt.framesPerPhoneme.opt : tensorrt.framesPerPhoneme.max);
      });
    out.min[name] = at('min');
    out.opt[name] = at('opt');
    out.max[name] = at('max');
  }
  return out;
}

/** Integer arithmetic over + - * / (floor) ( ) with named symbols; undefined if anything else appears. */
export function evaluateDimExpression(expr: string, symbols: Record<string, number>): number | undefined {
  const tokens = expr.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+|\/\/|[-+*/()])/g);
  if (!tokens || tokens.join('').replace(/\s+/g, '') !== expr.replace(/\s+/g, '')) return undefined;
  const ts = tokens.map((t) => t.trim());
  let i = 0;
  const peek = (): string | undefined => ts[i];
  const primary = (): number | undefined => {
    const t = ts[i++];
    if (t === undefined) return undefined;
    if (t === '(') {
      const v = sum();
      if (ts[i++] !== ')') return undefined;
      return v;
    }
    if (t === '-') {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) return Object.prototype.hasOwnProperty.call(symbols, t) ? symbols[t] : undefined;
    return undefined;
  };
  const product = (): number | undefined => {
    let v = primary();
    while (v !== undefined && (peek() === '*' || peek() === '/' || peek() === '//')) {
      const op = ts[i++];
      const r = primary();
      if (r === undefined) return undefined;
      if (op === '*') v = v * r;
      else {
        if (r === 0) return undefined;
        v = Math.floor(v / r);
      }
    }
    return v;
  };
  const sum = (): number | undefined => {
    let v = product();
    while (v !== undefined && (peek() === '+' || peek() === '-')) {
      const op = ts[i++];
      const r = product();
      if (r === undefined) return undefined;
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  return i === ts.length && v !== undefined && Number.isSafeInteger(v) ? v : undefined;
}

// ---------------------------------------------------------------------------
// Cache keys
// ---------------------------------------------------------------------------

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function gpuId(runtime: RuntimeFacts): string {
  const cc = runtime.gpu.computeCapability.replace(/^sm_?/i, '');
  return `${runtime.gpu.name}/sm${cc.replace('.', '')}`;
}

/**
 * Everything that changes the engine TensorRT builds. Beyond model, ORT
 * version, GPU, precision and profiles this includes the excluded op types,
 * the layer-norm fallback and the builder level, which change the partitioning
 * or the engine itself, and the TensorRT version when known.
 */
export function engineCacheIdentity(
  tensorrt: TensorRtConfig,
  voice: VoiceFacts,
  runtime: RuntimeFacts,
  profiles: ShapeProfiles,
): EngineCacheIdentity {
  if (!/^[0-9a-f]{64}$/i.test(voice.modelSha256)) throw new TypeError('voice.modelSha256 must be a sha256 hex digest');
  return {
    modelSha256: voice.modelSha256.toLowerCase(),
    ortVersion: runtime.ortVersion,
    gpu: gpuId(runtime),
    tensorrtVersion: runtime.tensorrtVersion ?? null,
    precision: tensorrt.fp16 ? 'fp16' : 'fp32',
    profiles: { min: formatShapes(profiles.min), opt: formatShapes(profiles.opt), max: formatShapes(profiles.max) },
    opTypesToExclude: [...tensorrt.opTypesToExclude].sort().join(','),
    layerNormFp32Fallback: tensorrt.layerNormFp32Fallback,
    builderOptimizationLevel: tensorrt.builderOptimizationLevel ?? null,
  };
}

/** sha256 over a canonical (sorted-key) JSON of the identity. */
export function engineCacheKey(identity: EngineCacheIdentity): string {
  return sha256Hex(canonicalJson(identity));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * <root>/engines/<key>/ holds one voice's engines (write identity there as
 * manifest.json for people and `herald doctor`); <root>/timing/<gpu key>/ holds
 * the timing cache, which depends on the GPU and the TensorRT/ORT build, not on
 * the voice, so all voices share it.
 */
export function engineCachePaths(
  tensorrt: TensorRtConfig,
  voice: VoiceFacts,
  runtime: RuntimeFacts,
  profiles: ShapeProfiles,
): EngineCachePaths {
  const identity = engineCacheIdentity(tensorrt, voice, runtime, profiles);
  const key = engineCacheKey(identity);
  const root = tensorrt.engineCacheDir.replace(/\/+$/, '');
  const timingKey = sha256Hex(canonicalJson({ gpu: identity.gpu, ort: identity.ortVersion, trt: identity.tensorrtVersion })).slice(0, 16);
  return { key, engineDir: `${root}/engines/${key}`, timingDir: `${root}/timing/${timingKey}`, identity };
}

// ---------------------------------------------------------------------------
// Provider entries
// ---------------------------------------------------------------------------

/**
 * The trt_* options exactly as the patched binding forwards them (booleans become
 * "1"/"0", numbers decimal strings). Options that need a newer ORT are left out.
 */
export function tensorRtOptions(
  tensorrt: TensorRtConfig,
  paths: Pick<EngineCachePaths, 'engineDir' | 'timingDir'>,
  profiles: ShapeProfiles,
  runtime: Pick<RuntimeFacts, 'ortVersion'>,
  notes: string[] = [],
): Record<string, OptionValue> {
  const o: Record<string, OptionValue> = {
    trt_fp16_enable: tensorrt.fp16,
    trt_engine_cache_enable: true,
    trt_engine_cache_path: paths.engineDir,
    trt_timing_cache_enable: tensorrt.timingCache,
    trt_layer_norm_fp32_fallback: tensorrt.layerNormFp32Fallback,
    trt_profile_min_shapes: formatShapes(profiles.min),
    trt_profile_opt_shapes: formatShapes(profiles.opt),
    trt_profile_max_shapes: formatShapes(profiles.max),
  };
  if (tensorrt.timingCache) o.trt_timing_cache_path = paths.timingDir;
  if (tensorrt.maxWorkspaceBytes !== undefined) o.trt_max_workspace_size = tensorrt.maxWorkspaceBytes;
  if (tensorrt.builderOptimizationLevel !== undefined) o.trt_builder_optimization_level = tensorrt.builderOptimizationLevel;
  if (tensorrt.opTypesToExclude.length > 0) {
    if (compareVersions(runtime.ortVersion, '1.21.0') >= 0) {
      o.trt_op_types_to_exclude = tensorrt.opTypesToExclude.join(',');
    } else {
      notes.push(`trt_op_types_to_exclude needs ORT >= 1.21 (have ${runtime.ortVersion}); not sent`);
    }
  }
  return o;
}

/** CUDA EP options (ORT names); only what is set, nothing empty. */
export function cudaOptions(cuda: CudaConfig): Record<string, OptionValue> {
  const o: Record<string, OptionValue> = { cudnn_conv_algo_search: cuda.cudnnConvAlgoSearch };
  if (cuda.gpuMemLimitBytes !== undefined) o.gpu_mem_limit = cuda.gpuMemLimitBytes;
  if (cuda.arenaExtendStrategy !== undefined) o.arena_extend_strategy = cuda.arenaExtendStrategy;
  if (cuda.doCopyInDefaultStream !== undefined) o.do_copy_in_default_stream = cuda.doCopyInDefaultStream;
  if (cuda.cudnnConvUseMaxWorkspace !== undefined) o.cudnn_conv_use_max_workspace = cuda.cudnnConvUseMaxWorkspace;
  if (cuda.useTf32 !== undefined) o.use_tf32 = cuda.useTf32;
  return o;
}

/**
 * The whole decision: which providers, with which options, which cache, which
 * precision really results. `extraProfiles` are partition-boundary profiles
 * found with missingProfileInputs()/boundaryProfiles() on an earlier attempt.
 */
export function planProviders(
  config: ProvidersConfig,
  voice: VoiceFacts,
  runtime: RuntimeFacts,
  capability: BindingCapability,
  extraProfiles?: ShapeProfiles,
): ProviderPlan {
  const notes: string[] = [];
  const entries: ExecutionProviderEntry[] = [];
  let profiles: ShapeProfiles | undefined;
  let cache: EngineCachePaths | undefined;
  const available = new Set(capability.providers);

  for (const name of config.order) {
    if (name === 'tensorrt' || name === 'cuda') {
      if (!config[name].enabled) {
        notes.push(`${name}: disabled in config`);
        continue;
      }
      if (!available.has(name)) {
        notes.push(`${name}: not available in the installed onnxruntime-node binding`);
        continue;
      }
    }
    if (name === 'cpu') {
      entries.push({ name: 'cpu' });
      continue;
    }
    if (name === 'tensorrt') {
      const trt = config.tensorrt;
      if (capability.honoursOptions) {
        profiles = extraProfiles ? mergeProfiles(shapeProfiles(voice), extraProfiles) : shapeProfiles(voice);
        cache = engineCachePaths(trt, voice, runtime, profiles);
        entries.push({ name: 'tensorrt', deviceId: trt.deviceId, ...tensorRtOptions(trt, cache, profiles, runtime, notes) });
      } else {
        entries.push({ name: 'tensorrt', deviceId: trt.deviceId });
        notes.push(
          'tensorrt: the binding passes only deviceId, so FP16, engine cache, timing cache, workspace, shape profiles and op exclusions are not applied; engines are rebuilt in every process (build the patched binding: scripts/jetson)',
        );
      }
      continue;
    }
    // cuda
    if (capability.honoursOptions) {
      entries.push({ name: 'cuda', deviceId: config.cuda.deviceId, ...cudaOptions(config.cuda) });
    } else {
      entries.push({ name: 'cuda', deviceId: config.cuda.deviceId });
      notes.push('cuda: the binding passes only deviceId; cuDNN search mode and memory options are ORT defaults');
    }
  }
  if (!entries.some((e) => e.name === 'cpu')) {
    notes.push('cpu: not listed in providers.order; ORT still falls back to CPU for nodes no other provider takes');
  }
  const primary: ProviderName = entries[0]?.name ?? 'cpu';
  const effective = effectivePrecision(config, voice, capability, primary);
  const plan: ProviderPlan = { executionProviders: entries, primary, effective, notes };
  if (profiles) plan.profiles = profiles;
  if (cache) plan.cache = cache;
  return plan;
}

/**
 * What precision really runs. Never claims FP16 that is not applied:
 * - TensorRT FP16 needs trt_fp16_enable, which only the patched binding passes.
 * - The CUDA EP has no FP16 switch; it computes in the model's types, so only an
 *   FP16 model (scripts/prepare-voice) runs in FP16 there.
 * - The CPU EP upcasts FP16 nodes without CPU kernels to FP32.
 */
export function effectivePrecision(
  config: ProvidersConfig,
  voice: VoiceFacts,
  capability: BindingCapability,
  primary?: ProviderName,
): EffectivePrecision {
  const provider: ProviderName =
    primary ??
    config.order.find((p) => p === 'cpu' || (config[p].enabled && capability.providers.includes(p))) ??
    'cpu';
  const fp16Model = voice.precision === 'fp16';
  if (provider === 'tensorrt') {
    if (!config.tensorrt.fp16) {
      return { provider, fp16: false, confidence: 'none', reason: 'tensorrt.fp16 is false in config; TensorRT builds FP32 engines' };
    }
    if (!capability.honoursOptions) {
      return {
        provider,
        fp16: false,
        confidence: 'none',
        reason:
          'stock onnxruntime-node binding passes only deviceId; FP16 not applied (trt_fp16_enable never reaches TensorRT' +
          (fp16Model ? ', and FP16 tensors in the model do not by themselves make TensorRT pick FP16 kernels' : '') +
          ')',
      };
    }
    if (capability.fp16Observed === true) {
      return {
        provider,
        fp16: true,
        confidence: 'observed',
        reason: 'trt_fp16_enable=1 via the patched binding; FP16 rounding was observed in the binding probe (TensorRT still keeps some layers in FP32, and nodes outside TensorRT subgraphs run on CUDA/CPU)',
      };
    }
    return {
      provider,
      fp16: true,
      confidence: 'configured',
      reason:
        'trt_fp16_enable=1 via the patched binding (options verified as forwarded); FP16 kernels are allowed, not forced, and were not seen in the probe' +
        (capability.fp16Observed === false ? ' (probe ran and showed FP32 numbers)' : ' (probe not run)') +
        '; nodes outside TensorRT subgraphs run on CUDA/CPU in the model precision',
    };
  }
  if (provider === 'cuda') {
    if (fp16Model) {
      return {
        provider,
        fp16: true,
        confidence: 'configured',
        reason: 'FP16 model (scripts/prepare-voice) on the CUDA EP: converted ops run FP16 kernels, sensitive ops stay FP32',
      };
    }
    return {
      provider,
      fp16: false,
      confidence: 'none',
      reason: 'CUDA EP runs the FP32 model as FP32 (TF32 MatMul/Conv unless use_tf32=0); it has no FP16 switch - use an FP16 model from scripts/prepare-voice',
    };
  }
  return {
    provider: 'cpu',
    fp16: false,
    confidence: 'none',
    reason: fp16Model
      ? 'CPU EP: ONNX Runtime inserts casts to FP32 around FP16 nodes without CPU kernels; no FP16 arithmetic or speed-up to expect - prefer the FP32 model on CPU'
      : 'CPU EP runs FP32',
  };
}

// ---------------------------------------------------------------------------
// Warm-up
// ---------------------------------------------------------------------------

export interface WarmupStep {
  phonemes: number;
  dims: Record<string, Shape>;
  feeds: {
    input: BigInt64Array;
    input_lengths: BigInt64Array;
    scales: Float32Array;
    sid?: BigInt64Array;
  };
}

export interface WarmupOptions {
  /**
   * Ids to repeat in the body, ideally a phonemized real sentence, so that the
   * predicted durations (and with them the decoder length) look like traffic.
   * Default: Piper's pad id only.
   */
  idPattern?: number[];
  /** Piper markers: BOS '^' = 1, EOS '$' = 2 in stock voices. Set to null to omit. */
  bosId?: number | null;
  eosId?: number | null;
  /** [noise_scale, length_scale, noise_w]; default Piper's 0.667, 1, 0.8. */
  scales?: [number, number, number];
  speakerId?: number;
  /** Lengths to run; default the profile's [max, opt, min]. */
  lengths?: number[];
}

/**
 * Representative inputs to run once at start-up: the longest first (so the
 * memory arena reaches its final size in one step), then the typical and the
 * shortest length. With explicit TensorRT profiles the first run builds (or
 * loads) the engine; with the stock binding each run covers its own shape.
 */
export function planWarmup(voice: VoiceFacts, options: WarmupOptions = {}): WarmupStep[] {
  const b = phonemeBounds(voice);
  const lengths = options.lengths ?? [b.max, b.opt, b.min];
  const seen = new Set<number>();
  const pattern = options.idPattern && options.idPattern.length > 0 ? options.idPattern : [0];
  const bos = options.bosId === undefined ? 1 : options.bosId;
  const eos = options.eosId === undefined ? 2 : options.eosId;
  const scales = options.scales ?? [0.667, 1, 0.8];
  const steps: WarmupStep[] = [];
  for (const n of lengths) {
    assertInteger(n, 'warm-up length', 1);
    if (n > b.max) throw new RangeError(`warm-up length ${n} exceeds maxPhonemes ${b.max}`);
    if (seen.has(n)) continue;
    seen.add(n);
    const ids = new BigInt64Array(n);
    for (let i = 0; i < n; i++) ids[i] = BigInt(pattern[i % pattern.length] as number);
    if (bos !== null && n >= 1) ids[0] = BigInt(bos);
    if (eos !== null && n >= 2) ids[n - 1] = BigInt(eos);
    const step: WarmupStep = {
      phonemes: n,
      dims: { input: [1, n], input_lengths: [1], scales: [3] },
      feeds: { input: ids, input_lengths: BigInt64Array.of(BigInt(n)), scales: Float32Array.from(scales) },
    };
    if (voice.inputNames.includes('sid')) {
      step.dims.sid = [1];
      step.feeds.sid = BigInt64Array.of(BigInt(options.speakerId ?? 0));
    }
    steps.push(step);
  }
  return steps;
}

// ---------------------------------------------------------------------------
// Reading a saved check-binding report
// ---------------------------------------------------------------------------

export interface ParsedBindingReport {
  capability: BindingCapability;
  ortVersion?: string;
  /** TensorRT version recorded by scripts/jetson/install-binding.sh (HERALD_BINDING.json). */
  tensorrtVersion?: string;
  checkedAt?: string;
}

/**
 * Validate the JSON written by `scripts/jetson/check-binding.ts --write FILE`
 * (the daemon reads the file; this function only checks the parsed value).
 * Returns undefined for anything that does not look like such a report, so the
 * caller falls back to STOCK_ARM64_CAPABILITY or a fresh probe.
 */
export function parseBindingReport(value: unknown): ParsedBindingReport | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  const cap = r.capability as Record<string, unknown> | undefined;
  if (!cap || typeof cap !== 'object') return undefined;
  const providers = cap.providers;
  if (!Array.isArray(providers) || !providers.every((p): p is string => typeof p === 'string')) return undefined;
  if (typeof cap.honoursOptions !== 'boolean') return undefined;
  const fp16 = cap.fp16Observed;
  const capability: BindingCapability = {
    providers: [...providers],
    honoursOptions: cap.honoursOptions,
    fp16Observed: typeof fp16 === 'boolean' ? fp16 : null,
  };
  const out: ParsedBindingReport = { capability };
  if (typeof r.ortVersion === 'string') out.ortVersion = r.ortVersion;
  if (typeof r.checkedAt === 'string') out.checkedAt = r.checkedAt;
  const build = r.heraldBuild as Record<string, unknown> | null | undefined;
  if (build && typeof build === 'object' && typeof build.tensorrtVersion === 'string' && build.tensorrtVersion !== '') {
    out.tensorrtVersion = build.tensorrtVersion;
  }
  return out;
}
