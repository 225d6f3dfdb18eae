import type { HeraldConfig } from '../config/schema.ts';
import type { Logger } from '../log.ts';
import type { EspeakHost } from '../text/espeak-host.ts';
import { discoverVoices } from '../voices/discover.ts';
import { forgetHashes, hashAhead, readManifest, verifyVoice } from '../voices/manifest.ts';
import type { Phonemizer, VoiceInfo, VoiceProblem } from '../voices/types.ts';
import { EspeakEngine } from './espeak.ts';
import { PiperEngine } from './piper.ts';
import { planForVoice, providerContext, voiceFacts, type ProviderContext } from './provider-plan.ts';
import { JobSpeech } from './fallback.ts';
import type { RemoteSpeech } from './types.ts';

export const ESPEAK_VOICE = 'espeak';

// The installed voices, each loaded once into one onnxruntime session that
// every message reuses, and espeak-ng behind them all.
export class VoiceBank {
  private engines = new Map<string, PiperEngine>();
  private infos = new Map<string, VoiceInfo>();
  problems: VoiceProblem[] = [];
  // Voices whose files matched the checksums in the voices' manifest.
  verified = new Set<string>();
  defaultVoice: string = ESPEAK_VOICE;
  // A default chosen at run time (see prefer).
  private preferred?: string;
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
    forgetHashes();
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
    if (voices.length) {
      // The worker starts and the files are hashed at the same time.
      const [context] = await Promise.allSettled([this.context ?? providerContext(this.config), ...voices.flatMap((v) => [hashAhead(v.modelPath), hashAhead(v.configPath)])]);
      if (context.status === 'fulfilled') this.context = context.value as ProviderContext;
    }
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
        // Piper's phonemizer starts with the first voice that needs it, so that its first sentence does not wait for it.
        await Promise.all([engine.warmUp((ids) => this.log?.debug({ voice: info.name, ids }, 'warm-up run')), info.phonemizer === 'piper' ? this.espeakHost.piper.start() : undefined]);
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
    // The voice chosen at run time (Home Assistant's select) if it is still
    // installed, else the configured one, else the first that loaded.
    const installed = (name: string | undefined) => !!name && (infos.has(name) || name === ESPEAK_VOICE);
    const wanted = [this.preferred, this.config.voices.default].find(installed);
    this.defaultVoice = wanted ?? [...engines.keys()][0] ?? ESPEAK_VOICE;
    for (const name of [this.preferred, this.config.voices.default]) {
      if (name && name !== this.defaultVoice && !installed(name)) this.log?.info({ wanted: name, using: this.defaultVoice }, 'default voice not installed; using another');
    }
    await Promise.all(old.map((e) => e.close()));
  }

  // Makes `name` the voice of messages that name none, over voices.default:
  // now if it is installed, and at each load while it is.
  prefer(name: string): void {
    this.preferred = name;
    if (this.has(name)) this.defaultVoice = name;
  }

  names(): string[] {
    return [...this.infos.keys()];
  }

  // Every name a message may ask for.
  known(): string[] {
    return [...this.infos.keys(), ESPEAK_VOICE];
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

  // At admission: the voice asked for; else the default voice if it speaks the
  // language asked for, else a loaded voice that does, else espeak-ng; with no
  // language asked for, the default voice. The language is the one asked for,
  // else the voice's own; the phonemizer the voice's (discover.ts), Herald's
  // for espeak-ng, which reads Herald's normalized text.
  choose(voice: string | undefined, lang: string | undefined): { voice: string; lang: string; numSpeakers: number; phonemizer: Phonemizer; espeakVoice?: string; note?: string } {
    const pick = (name: string, note?: string) => {
      const info = this.infos.get(name);
      return { voice: name, lang: lang ?? info?.language ?? 'en-us', numSpeakers: info?.numSpeakers ?? 1, phonemizer: info?.phonemizer ?? 'herald', espeakVoice: info?.espeakVoice, note };
    };
    if (voice) return pick(voice);
    if (!lang) return pick(this.defaultVoice, this.defaultVoice === ESPEAK_VOICE && this.config.voices.default !== ESPEAK_VOICE && this.infos.size ? 'no neural voice could be loaded' : undefined);
    const base = languageBase(lang);
    const def = this.engines.get(this.defaultVoice);
    if (def && languageBase(def.info.language) === base) return pick(def.voice);
    const match = [...this.engines.values()].find((e) => languageBase(e.info.language) === base);
    if (match) return pick(match.voice);
    return pick(ESPEAK_VOICE, this.engines.size ? `no neural voice for language ${lang}` : undefined);
  }

  // At play: the engine of the voice admission chose, with espeak-ng behind
  // it, and a pool's stream before it when the device uses one.
  speechFor(voice: string, lang: string, pool?: RemoteSpeech): JobSpeech {
    const espeak = this.espeak.forLanguage(lang);
    if (voice === ESPEAK_VOICE) return new JobSpeech(espeak, espeak, undefined, pool);
    const engine = this.engines.get(voice);
    if (engine) return new JobSpeech(engine, espeak, undefined, pool);
    const problem = this.problems.find((p) => p.name === voice);
    const why = this.infos.has(voice) || problem ? `voice ${voice} could not be loaded: ${problem?.reason ?? 'unknown'}` : `voice ${voice} is no longer installed`;
    return new JobSpeech(undefined, espeak, why, pool);
  }

  async close(): Promise<void> {
    await Promise.all([...this.engines.values()].map((e) => e.close()));
    this.engines.clear();
  }
}

function languageBase(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0];
}
