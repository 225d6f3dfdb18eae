import type { HeraldConfig } from '../config/schema.ts';
import type { Logger } from '../log.ts';
import type { EspeakHost } from '../text/espeak-host.ts';
import { discoverVoices } from '../voices/discover.ts';
import { readManifest, verifyVoice } from '../voices/manifest.ts';
import type { VoiceInfo, VoiceProblem } from '../voices/types.ts';
import { EspeakEngine } from './espeak.ts';
import { PiperEngine } from './piper.ts';
import { planForVoice, providerContext, voiceFacts, type ProviderContext } from './provider-plan.ts';
import type { SpeechEngine } from './types.ts';

export const ESPEAK_VOICE = 'espeak';

export interface ResolvedVoice {
  engine: SpeechEngine;
  // Why the engine is not the one asked for (a fallback), if it is not.
  fallbackReason?: string;
}

// The installed voices, each loaded once into one onnxruntime session that
// every message reuses, and espeak-ng behind them all.
export class VoiceBank {
  private engines = new Map<string, PiperEngine>();
  private infos = new Map<string, VoiceInfo>();
  problems: VoiceProblem[] = [];
  // Voices whose files matched the checksums in the voices' manifest.
  verified = new Set<string>();
  defaultVoice: string = ESPEAK_VOICE;
  readonly espeak: EspeakEngine;
  context?: ProviderContext;
  // Decisions about providers worth showing (options not passed, fallbacks).
  notes = new Map<string, string[]>();

  constructor(
    private readonly config: HeraldConfig,
    private readonly espeakHost: EspeakHost,
    private readonly log?: Logger,
  ) {
    this.espeak = new EspeakEngine(espeakHost);
  }

  // `only` loads just that voice (and the default when it is absent), for
  // one-shot commands that need not pay for every installed voice.
  async load(only?: string): Promise<void> {
    const old = [...this.engines.values()];
    const found = discoverVoices(this.config.voices.dir);
    const problems = found.problems;
    const pick = only ?? this.config.voices.default;
    const voices = only === undefined ? found.voices : found.voices.filter((v, i) => v.name === pick || (!found.voices.some((x) => x.name === pick) && i === 0));
    const engines = new Map<string, PiperEngine>();
    const infos = new Map<string, VoiceInfo>();
    for (const info of found.voices) infos.set(info.name, info);
    const { manifest, error: manifestError } = readManifest(this.config.voices.dir);
    if (manifestError) problems.push({ name: '*', path: this.config.voices.dir, reason: manifestError });
    const verified = new Set<string>();
    for (const info of voices) {
      // A voice whose files do not match its checksums is never loaded.
      const check = verifyVoice(manifest, info);
      if (check.verified) verified.add(info.name);
      else if (check.mismatch || this.config.voices.requireChecksums) {
        problems.push({ name: info.name, path: info.modelPath, reason: check.reason });
        this.log?.error({ voice: info.name, reason: check.reason }, 'voice refused; espeak-ng will speak for it');
        continue;
      }
      try {
        this.context ??= await providerContext(this.config);
        const facts = voiceFacts(info, this.config.engine.maxPhonemes);
        const plan = planForVoice(this.context, facts);
        const engine = await PiperEngine.load(info, plan, this.espeakHost, { intraOpThreads: this.config.engine.intraOpThreads, maxIds: this.config.engine.maxPhonemes });
        this.notes.set(info.name, plan.notes);
        this.log?.info({ voice: info.name, provider: engine.provider, precision: engine.precision, skipped: engine.skippedProviders, notes: plan.notes, cache: plan.cache?.engineDir }, 'voice loaded; warming up');
        const started = performance.now();
        await engine.warmUp((ids) => this.log?.debug({ voice: info.name, ids }, 'warm-up run'));
        this.log?.info({ voice: info.name, ms: Math.round(performance.now() - started) }, 'voice warmed up');
        engines.set(info.name, engine);
      } catch (err) {
        problems.push({ name: info.name, path: info.modelPath, reason: (err as Error).message });
        this.log?.error({ voice: info.name, err: (err as Error).message }, 'voice failed to load; espeak-ng will speak for it');
      }
    }
    for (const p of problems) if (!infos.has(p.name)) this.log?.warn(p, 'voice not usable');
    this.engines = engines;
    this.infos = infos;
    this.problems = problems;
    this.verified = verified;
    const wanted = this.config.voices.default;
    this.defaultVoice = wanted && (infos.has(wanted) || wanted === ESPEAK_VOICE) ? wanted : ([...engines.keys()][0] ?? ESPEAK_VOICE);
    if (wanted && wanted !== this.defaultVoice) this.log?.info({ wanted, using: this.defaultVoice }, 'default voice not installed; using another');
    await Promise.all(old.map((e) => e.close()));
  }

  names(): string[] {
    return [...this.infos.keys()];
  }

  has(name: string): boolean {
    return name === ESPEAK_VOICE || this.infos.has(name);
  }

  loaded(name: string): PiperEngine | undefined {
    return this.engines.get(name);
  }

  info(name: string): VoiceInfo | undefined {
    return this.infos.get(name);
  }

  get defaultProvider(): string {
    return this.engines.get(this.defaultVoice)?.provider ?? 'wasm';
  }

  get defaultPrecision() {
    return this.engines.get(this.defaultVoice)?.precision ?? { provider: 'wasm', fp16: false, confidence: 'none', reason: 'espeak-ng' };
  }

  // The voice asked for; else one that speaks the language asked for; else
  // the default voice; espeak-ng when none of those can be loaded.
  resolve(voice: string | undefined, lang: string | undefined): ResolvedVoice {
    if (voice === ESPEAK_VOICE) return { engine: this.espeak.forLanguage(lang ?? 'en-us') };
    if (voice) {
      const engine = this.engines.get(voice);
      if (engine) return { engine };
      const problem = this.problems.find((p) => p.name === voice);
      return { engine: this.espeak.forLanguage(lang ?? this.infos.get(voice)?.espeakVoice ?? 'en-us'), fallbackReason: `voice ${voice} could not be loaded: ${problem?.reason ?? 'unknown'}` };
    }
    if (lang) {
      const base = lang.toLowerCase().split(/[-_]/)[0];
      const def = this.engines.get(this.defaultVoice);
      if (def && languageBase(def.info) === base) return { engine: def };
      const match = [...this.engines.values()].find((e) => languageBase(e.info) === base);
      if (match) return { engine: match };
      return { engine: this.espeak.forLanguage(lang), fallbackReason: this.engines.size ? `no neural voice for language ${lang}` : undefined };
    }
    const def = this.engines.get(this.defaultVoice);
    if (def) return { engine: def };
    return { engine: this.espeak, fallbackReason: this.infos.size ? 'no neural voice could be loaded' : undefined };
  }

  async close(): Promise<void> {
    await Promise.all([...this.engines.values()].map((e) => e.close()));
    this.engines.clear();
  }
}

function languageBase(info: VoiceInfo): string {
  return info.language.toLowerCase().split(/[-_]/)[0];
}
