import type { ProviderName } from '../config/schema.ts';
import type { EspeakHost } from '../text/espeak-host.ts';
import { phonemesToIds } from '../text/piper-ids.ts';
import { voicePhonemes } from '../text/voice-phonemes.ts';
import type { VoiceInfo } from '../voices/types.ts';
import { openSession, type FeedTensor, type ProviderAttempt, type SessionOptions, type ThreadSession } from './onnx-session.ts';
import type { EffectivePrecision, ProviderPlan } from './provider-options.ts';
import type { PreparedSentence, SentenceAudio, SpeechEngine, SynthOptions } from './types.ts';

// espeak-ng's phonemes (en-us) of "Attention please, the next train departs in five minutes."
const WARM_UP_PHONEMES = 'ɐtˈɛnʃən plˈiːz, ðə nˈɛkst tɹˈeɪn dᵻpˈɑːɹts ɪn fˈaɪv mˈɪnɪts.';

export class PiperEngine implements SpeechEngine {
  readonly engine = 'piper' as const;

  private constructor(
    readonly info: VoiceInfo,
    private readonly session: ThreadSession,
    readonly provider: ProviderName,
    readonly skippedProviders: ProviderAttempt[],
    private readonly espeak: EspeakHost,
    readonly precision: EffectivePrecision,
    readonly maxIds: number,
  ) {}

  // `plan` gives the providers with their options (provider-plan.ts); a bare
  // provider list is enough where no plan is needed (tests, tools).
  static async load(info: VoiceInfo, plan: ProviderPlan | readonly ProviderName[], espeak: EspeakHost, options: SessionOptions & { maxIds?: number } = {}): Promise<PiperEngine> {
    const entries = Array.isArray(plan) ? plan : (plan as ProviderPlan).executionProviders;
    const { session, provider, skipped } = await openSession(info.modelPath, entries, options);
    const inputs = new Set(session.inputNames);
    for (const name of ['input', 'input_lengths', 'scales']) {
      if (!inputs.has(name)) throw new Error(`${info.modelPath} is not a Piper model: input '${name}' missing (has ${session.inputNames.join(', ')})`);
    }
    if (info.numSpeakers > 1 && !inputs.has('sid')) throw new Error(`${info.modelPath}: num_speakers is ${info.numSpeakers} but the model has no 'sid' input`);
    const planned = Array.isArray(plan) ? undefined : (plan as ProviderPlan);
    // The plan's precision holds for its primary provider only; a fallback runs FP32.
    const precision: EffectivePrecision =
      planned && planned.primary === provider ? planned.effective : { provider, fp16: false, confidence: 'none', reason: provider === 'cpu' ? 'CPU runs the model in FP32' : `fell back to ${provider}` };
    return new PiperEngine(info, session, provider, skipped, espeak, precision, options.maxIds ?? 400);
  }

  // So that the first message pays for no first run. On TensorRT and CUDA
  // every new length can mean an engine build or arena growth, so the longest
  // input goes first, then a sentence and a word. On CPU one sentence loads the
  // kernels; a longest run would only grow the arena to a size that a typical
  // message never needs (measured: 30 MB more idle RSS, docs/performance.md).
  // The ids come from fixed phonemes, so warm-up does not wait for espeak-ng.
  async warmUp(onStep?: (ids: number) => void): Promise<void> {
    const sentence = WARM_UP_PHONEMES;
    const longest = `${sentence} `.repeat(Math.ceil(this.maxIds / 2 / (sentence.length + 1))).slice(0, Math.floor((this.maxIds - 3) / 2));
    const runs = this.provider === 'cpu' ? [sentence] : [longest, sentence, sentence.split(' ')[0]];
    for (const phonemes of runs) {
      const { ids } = phonemesToIds(phonemes, this.info.phonemeIdMap);
      onStep?.(ids.length);
      await this.run(ids.slice(0, this.maxIds), { rate: 1 });
    }
  }

  get voice(): string {
    return this.info.name;
  }

  get sampleRate(): number {
    return this.info.sampleRate;
  }

  get language(): string {
    return this.info.language;
  }

  get sentenceSilenceSeconds(): number {
    return this.info.sentenceSilenceSeconds;
  }

  // The ids of each sentence the voice's phonemizer reads in `sentence`: one
  // for Herald's, as many as espeak-ng ends in it for Piper's.
  async sentenceIds(sentence: string): Promise<number[][]> {
    return (await this.phonemize(sentence)).map((p) => phonemesToIds(p, this.info.phonemeIdMap).ids);
  }

  // The next sentence's phonemes, asked for while this one is computed: the
  // phonemizer's process works while the onnx worker does.
  prepare(sentence: string): PreparedSentence {
    const phonemes = this.phonemize(sentence);
    // Read (and its failure seen) by synthesize, if that sentence comes.
    phonemes.catch(() => {});
    return { sentence, phonemes };
  }

  // Piper's phonemizer may find several sentences in one piece of text.
  private phonemize(sentence: string): Promise<string[]> {
    return voicePhonemes(this.espeak, this.info, [sentence]).then(([phonemes]) => phonemes);
  }

  async synthesize(sentence: string, options: SynthOptions, prepared?: PreparedSentence): Promise<SentenceAudio> {
    const started = performance.now();
    const ready = prepared?.sentence === sentence ? prepared.phonemes : undefined;
    const sentences = await (ready ?? this.phonemize(sentence));
    const parts: Float32Array[] = [];
    // Sentences Piper's phonemizer found in one piece of text are spoken as
    // Piper speaks them: each its own run, the voice's silence between.
    const gap = new Float32Array(Math.round(this.info.sentenceSilenceSeconds * this.info.sampleRate));
    for (const [i, phonemes] of sentences.entries()) {
      if (i > 0) parts.push(gap);
      for (const piece of this.fit(phonemes)) parts.push(await this.run(phonemesToIds(piece, this.info.phonemeIdMap).ids, options));
    }
    const samples = parts.length === 1 ? parts[0] : concat(parts);
    return { samples, sampleRate: this.info.sampleRate, synthMs: performance.now() - started };
  }

  // A sentence whose ids would exceed maxIds (the engine's shape limit) is
  // cut at the word boundary nearest its middle, as often as needed.
  private fit(phonemes: string): string[] {
    if (phonemes.length * 2 + 3 <= this.maxIds) return [phonemes];
    const middle = phonemes.length / 2;
    let cut = -1;
    for (let i = 0; i < phonemes.length; i++) if (phonemes[i] === ' ' && (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle))) cut = i;
    if (cut <= 0) cut = Math.floor(middle);
    return [...this.fit(phonemes.slice(0, cut).trim()), ...this.fit(phonemes.slice(cut).trim())];
  }

  // The model call alone, also used by `herald bench` as the baseline.
  async run(ids: number[], options: SynthOptions): Promise<Float32Array> {
    const { info } = this;
    const feeds: Record<string, FeedTensor> = {
      input: { type: 'int64', data: BigInt64Array.from(ids, BigInt), dims: [1, ids.length] },
      input_lengths: { type: 'int64', data: BigInt64Array.from([BigInt(ids.length)]), dims: [1] },
      // A faster rate is a shorter length_scale.
      // Noise is onnxruntime's RandomNormalLike, seeded anew each run: zero is
      // the only seed the caller can fix (docs/zones.md).
      scales: { type: 'float32', data: Float32Array.from(options.noiseless ? [0, info.lengthScale / options.rate, 0] : [info.noiseScale, info.lengthScale / options.rate, info.noiseW]), dims: [3] },
    };
    if (info.numSpeakers > 1) feeds.sid = { type: 'int64', data: BigInt64Array.from([BigInt(options.speakerId ?? 0)]), dims: [1] };
    const { data: samples } = await this.session.run(feeds, options.lane);
    if (samples.some((v) => !Number.isFinite(v))) throw new Error(`voice ${info.name} produced non-finite samples`);
    return samples;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
