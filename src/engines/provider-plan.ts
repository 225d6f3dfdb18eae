import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { HeraldConfig } from '../config/schema.ts';
import { gpuIdentity } from '../system/jetson-metrics.ts';
import { sha256File } from '../voices/manifest.ts';
import type { VoiceInfo } from '../voices/types.ts';
import { onnxRuntimeVersion, probeProvider } from './onnx-session.ts';
import { bindingReportSchema, planProviders, type BindingCapability, type ProviderPlan, type RuntimeFacts, type VoiceFacts } from './provider-options.ts';

// What this machine's onnxruntime binding can do and what it runs on,
// found once at start and shared by every voice.
export interface ProviderContext {
  engine: HeraldConfig['engine'];
  capability: BindingCapability;
  runtime: RuntimeFacts;
  // Where the capability came from: a check-binding report or a probe here.
  capabilitySource: string;
}

export async function providerContext(config: HeraldConfig): Promise<ProviderContext> {
  const { engine } = config;
  const report = readReport(engine.bindingReport);
  let capability: BindingCapability;
  let capabilitySource: string;
  if (report) {
    capability = report.capability;
    capabilitySource = engine.bindingReport;
  } else {
    // No report from scripts/jetson/check-binding.ts: ask the binding which
    // providers open at all. A stock binding passes no options, so none are honoured.
    const open = [];
    // Every onnxruntime build has the CPU provider; only the others are asked.
    for (const p of engine.providers) if (p === 'cpu' || (await probeProvider(p)).ok) open.push(p);
    capability = { providers: open, honoursOptions: false, fp16Observed: null };
    capabilitySource = 'probe (stock binding assumed: provider options not passed)';
  }
  const gpu = await gpuIdentity();
  const tensorrtVersion = report?.heraldBuild?.tensorrtVersion;
  const runtime: RuntimeFacts = {
    ortVersion: await onnxRuntimeVersion(),
    gpu: gpu ?? { name: 'none', computeCapability: '0' },
    ...(tensorrtVersion ? { tensorrtVersion } : {}),
  };
  return { engine, capability, runtime, capabilitySource };
}

// A missing or unreadable report means "probe instead", never a failed start.
function readReport(path: string) {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = bindingReportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function voiceFacts(info: VoiceInfo, maxPhonemes: number): VoiceFacts {
  return {
    modelSha256: sha256File(info.modelPath),
    maxPhonemes,
    inputNames: ['input', 'input_lengths', 'scales', ...(info.numSpeakers > 1 ? ['sid'] : [])],
    precision: /\.fp16$/.test(info.name) ? 'fp16' : 'fp32',
  };
}

// The execution providers (with options, where the binding passes them) and
// the engine cache for one voice; the cache directory gets its identity
// written beside the engines so a person can tell what built them.
export function planForVoice(context: ProviderContext, facts: VoiceFacts): ProviderPlan {
  const plan = planProviders(context.engine, facts, context.runtime, context.capability);
  if (plan.cache) {
    try {
      mkdirSync(plan.cache.engineDir, { recursive: true });
      mkdirSync(plan.cache.timingDir, { recursive: true });
      writeFileSync(`${plan.cache.engineDir}/manifest.json`, `${JSON.stringify(plan.cache.identity, null, 2)}\n`);
    } catch (err) {
      plan.notes.push(`engine cache ${plan.cache.engineDir} not writable: ${(err as Error).message}`);
    }
  }
  return plan;
}
