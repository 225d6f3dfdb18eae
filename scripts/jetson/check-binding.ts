/**
 * What can the installed onnxruntime-node binding really do?
 *
 *   npx tsx scripts/jetson/check-binding.ts [--json] [--write FILE] [--require LIST] [--verbose]
 *
 * For each of tensorrt, cuda, cpu it creates a session on a tiny MatMul model
 * (scripts/jetson/tiny-model.ts) and runs it once. For each GPU provider that
 * works it then checks whether provider options reach ONNX Runtime at all:
 *
 *   - negative probe: an invalid option value (trt_max_workspace_size='not-a-number',
 *     cudnn_conv_algo_search='HERALD_NOT_A_MODE'). The stock binding never reads
 *     it, so the session is created anyway; the patched binding forwards it and
 *     ORT rejects it. Only a rejection that carries the patch's own message counts.
 *   - TensorRT engine cache: trt_engine_cache_enable + a fresh temp directory;
 *     an *.engine file must appear.
 *   - TensorRT FP16: trt_fp16_enable on weights FP16 cannot represent; the
 *     result either shows FP16 rounding (observed) or not (TensorRT may choose
 *     FP32 kernels for a tiny MatMul, so "not observed" is not "off").
 *
 * Prints a report, and the capability object that
 * src/engines/provider-options.ts planProviders() takes:
 *   { providers: string[], honoursOptions: boolean, fp16Observed: boolean|null }
 * --write stores that JSON (plus details) for the daemon / `herald doctor`.
 * --require tensorrt,cuda,options  exit 1 unless those are available
 * (options = provider options honoured).
 * Exit status is otherwise 0 whenever the CPU provider works.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { BindingCapability } from '../../src/engines/provider-options.ts';
import { buildProbeModel, FP16_VISIBLE_RELATIVE_ERROR, probeRelativeError } from './tiny-model.ts';

const PATCH_MARKER = 'herald-provider-options-v1';
const N = 256;
const PROVIDERS = ['tensorrt', 'cuda', 'cpu'] as const;
type Provider = (typeof PROVIDERS)[number];

interface ProviderResult {
  name: Provider;
  /** Listed by the binding's listSupportedBackends() (compiled in); null if unknown. */
  compiledIn: boolean | null;
  available: boolean;
  error?: string;
  ms?: number;
}

interface OptionProbe {
  provider: 'tensorrt' | 'cuda';
  honoured: boolean | null;
  evidence: string;
}

interface Report {
  checkedAt: string;
  platform: string;
  ortVersion: string;
  bindingPath: string;
  patchMarkerInBinary: boolean;
  heraldBuild: unknown;
  providers: ProviderResult[];
  optionProbes: OptionProbe[];
  engineCache: { tested: boolean; filesCreated: string[]; evidence: string };
  fp16: { tested: boolean; observed: boolean | null; relativeError?: number; evidence: string };
  capability: BindingCapability;
}

function parseArgs(argv: string[]): { json: boolean; write?: string | undefined; require: string[]; verbose: boolean } {
  const out = { json: false, write: undefined as string | undefined, require: [] as string[], verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--verbose') out.verbose = true;
    else if (a === '--write') out.write = argv[++i];
    else if (a === '--require') out.require = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '-h' || a === '--help') {
      console.log('usage: npx tsx scripts/jetson/check-binding.ts [--json] [--write FILE] [--require tensorrt,cuda,options] [--verbose]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return out;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split(/\r?\n/).find((l) => l.trim().length > 0)?.trim() ?? msg;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function tryRun(
  model: Uint8Array,
  ep: ort.InferenceSession.ExecutionProviderConfig,
): Promise<{ ok: true; y: Float32Array; ms: number } | { ok: false; error: unknown }> {
  const started = performance.now();
  let session: ort.InferenceSession | undefined;
  try {
    session = await ort.InferenceSession.create(model, { executionProviders: [ep], logSeverityLevel: 3 });
    const x = new ort.Tensor('float32', new Float32Array(N).fill(1), [1, N]);
    const out = await session.run({ x });
    const y = out.y?.data;
    if (!(y instanceof Float32Array)) throw new Error('probe model returned no float32 output');
    return { ok: true, y, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await session?.release().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.verbose) ort.env.logLevel = 'fatal'; // expected failures would otherwise print ORT errors

  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('onnxruntime-node/package.json'));
  const bindingDir = join(pkgDir, 'bin', 'napi-v6', process.platform, process.arch);
  const bindingPath = join(bindingDir, 'onnxruntime_binding.node');
  let patchMarkerInBinary = false;
  try {
    patchMarkerInBinary = (await readFile(bindingPath)).includes(PATCH_MARKER);
  } catch {
    // no binary where expected: the provider checks below will say so
  }
  let heraldBuild: unknown = null;
  try {
    heraldBuild = JSON.parse(await readFile(join(bindingDir, 'HERALD_BINDING.json'), 'utf8'));
  } catch {
    heraldBuild = null;
  }

  let compiled: Set<string> | undefined;
  try {
    compiled = new Set(ort.listSupportedBackends().map((b) => b.name));
  } catch {
    compiled = undefined;
  }

  const model = buildProbeModel(N);
  const providers: ProviderResult[] = [];
  for (const name of PROVIDERS) {
    const r = await tryRun(model, name);
    const compiledIn = compiled ? compiled.has(name) : null;
    providers.push(
      r.ok ? { name, compiledIn, available: true, ms: r.ms } : { name, compiledIn, available: false, error: firstLine(r.error) },
    );
  }
  const available = (p: Provider): boolean => providers.some((r) => r.name === p && r.available);

  const optionProbes: OptionProbe[] = [];
  const negative: Record<'tensorrt' | 'cuda', Record<string, string>> = {
    tensorrt: { trt_max_workspace_size: 'not-a-number' },
    cuda: { cudnn_conv_algo_search: 'HERALD_NOT_A_MODE' },
  };
  for (const p of ['tensorrt', 'cuda'] as const) {
    if (!available(p)) {
      optionProbes.push({ provider: p, honoured: null, evidence: `not testable: ${p} provider unavailable` });
      continue;
    }
    const r = await tryRun(model, { name: p, deviceId: 0, ...negative[p] });
    if (r.ok) {
      optionProbes.push({ provider: p, honoured: false, evidence: `invalid option ${JSON.stringify(negative[p])} was accepted: the binding does not forward provider options` });
    } else if (message(r.error).includes(PATCH_MARKER)) {
      optionProbes.push({ provider: p, honoured: true, evidence: `invalid option rejected by ORT through the patched binding: ${firstLine(r.error)}` });
    } else {
      optionProbes.push({ provider: p, honoured: null, evidence: `inconclusive: session failed for another reason: ${firstLine(r.error)}` });
    }
  }

  const engineCache: Report['engineCache'] = { tested: false, filesCreated: [], evidence: 'not testable: tensorrt provider unavailable' };
  const fp16: Report['fp16'] = { tested: false, observed: null, evidence: 'not testable: tensorrt provider unavailable' };
  if (available('tensorrt')) {
    const dir = await mkdtemp(join(tmpdir(), 'herald-trt-probe-'));
    try {
      const r = await tryRun(model, { name: 'tensorrt', deviceId: 0, trt_engine_cache_enable: true, trt_engine_cache_path: dir } as ort.InferenceSession.ExecutionProviderConfig);
      const files = await readdir(dir).catch(() => [] as string[]);
      engineCache.tested = true;
      engineCache.filesCreated = files;
      engineCache.evidence = !r.ok
        ? `session with engine cache options failed: ${firstLine(r.error)}`
        : files.some((f) => f.endsWith('.engine'))
          ? 'engine file written: trt_engine_cache_enable/path are honoured'
          : 'no engine file written: engine cache options are ignored';

      const fdir = await mkdtemp(join(tmpdir(), 'herald-trt-fp16-'));
      try {
        const f = await tryRun(model, { name: 'tensorrt', deviceId: 0, trt_fp16_enable: true, trt_engine_cache_enable: true, trt_engine_cache_path: fdir } as ort.InferenceSession.ExecutionProviderConfig);
        fp16.tested = true;
        if (f.ok) {
          const err = probeRelativeError(f.y, N);
          fp16.relativeError = err;
          fp16.observed = err > FP16_VISIBLE_RELATIVE_ERROR;
          fp16.evidence = fp16.observed
            ? `FP16 rounding visible (relative error ${err.toExponential(2)})`
            : `FP32-exact result (relative error ${err.toExponential(2)}): FP16 not applied, or TensorRT chose FP32 kernels for this tiny MatMul`;
        } else {
          fp16.evidence = `session with trt_fp16_enable failed: ${firstLine(f.error)}`;
        }
      } finally {
        await rm(fdir, { recursive: true, force: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const gpuProbes = optionProbes.filter((p) => available(p.provider));
  let honoursOptions = gpuProbes.length > 0 && gpuProbes.every((p) => p.honoured === true);
  if (available('tensorrt') && !engineCache.filesCreated.some((f) => f.endsWith('.engine'))) honoursOptions = false;
  const capability: BindingCapability = {
    providers: PROVIDERS.filter((p) => available(p)),
    honoursOptions,
    fp16Observed: honoursOptions ? fp16.observed : fp16.tested ? false : null,
  };

  const report: Report = {
    checkedAt: new Date().toISOString(),
    platform: `${process.platform}-${process.arch}`,
    ortVersion: ort.env.versions.node ?? ort.env.versions.common ?? 'unknown',
    bindingPath,
    patchMarkerInBinary,
    heraldBuild,
    providers,
    optionProbes,
    engineCache,
    fp16,
    capability,
  };

  if (args.write) await writeFile(args.write, `${JSON.stringify(report, null, 2)}\n`);
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const lines: string[] = [];
    lines.push(`onnxruntime-node ${report.ortVersion} on ${report.platform}`);
    lines.push(`binding: ${bindingPath}`);
    lines.push(`Herald provider-options patch in binary: ${patchMarkerInBinary ? 'yes' : 'no'}${heraldBuild ? ' (HERALD_BINDING.json present)' : ''}`);
    lines.push('execution providers:');
    for (const p of providers) {
      const compiledIn = p.compiledIn === null ? '' : p.compiledIn ? ' [compiled in]' : ' [not compiled in]';
      lines.push(`  ${p.name.padEnd(9)} ${p.available ? `ok (${p.ms} ms)` : 'unavailable'}${compiledIn}${p.error ? ` - ${p.error}` : ''}`);
    }
    lines.push('provider options:');
    for (const o of optionProbes) lines.push(`  ${o.provider.padEnd(9)} ${o.honoured === null ? 'untested' : o.honoured ? 'honoured' : 'IGNORED'} - ${o.evidence}`);
    lines.push(`  engine cache: ${engineCache.evidence}`);
    lines.push(`  fp16:         ${fp16.evidence}`);
    lines.push(`capability: ${JSON.stringify(capability)}`);
    console.log(lines.join('\n'));
  }

  let failed = !available('cpu');
  for (const req of args.require) {
    if (req === 'options') {
      if (!honoursOptions) {
        console.error('required: provider options honoured - not the case');
        failed = true;
      }
    } else if (!available(req as Provider)) {
      console.error(`required provider unavailable: ${req}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
