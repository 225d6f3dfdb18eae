import * as ort from 'onnxruntime-node';
import type { ProviderName } from '../config/schema.ts';
import type { EspeakHost } from '../text/espeak-host.ts';
import { phonemizeSentence } from '../text/phonemize.ts';
import { BOS, EOS, PAD } from '../voices/piper-symbols.ts';
import type { VoiceInfo } from '../voices/types.ts';
import { openSession, type ProviderAttempt, type SessionOptions } from './onnx-session.ts';
import type { SentenceAudio, SpeechEngine, SynthOptions } from './types.ts';

// Piper's id sequence: BOS, PAD, then every phoneme followed by PAD, then EOS.
// Phonemes missing from the voice's map are skipped, as piper-phonemize does.
export function phonemesToIds(phonemes: string, idMap: Record<string, number[]>): { ids: number[]; missing: string[] } {
  const ids = [...idMap[BOS], ...idMap[PAD]];
  const missing: string[] = [];
  for (const phoneme of phonemes.normalize('NFD')) {
    const mapped = idMap[phoneme];
    if (!mapped) {
      missing.push(phoneme);
      continue;
    }
    ids.push(...mapped, ...idMap[PAD]);
  }
  ids.push(...idMap[EOS]);
  return { ids, missing };
}

export class PiperEngine implements SpeechEngine {
  readonly engine = 'piper' as const;

  private constructor(
    readonly info: VoiceInfo,
    private readonly session: ort.InferenceSession,
    readonly provider: ProviderName,
    readonly skippedProviders: ProviderAttempt[],
    private readonly espeak: EspeakHost,
  ) {}

  static async load(info: VoiceInfo, providers: readonly ProviderName[], espeak: EspeakHost, options: SessionOptions = {}): Promise<PiperEngine> {
    const { session, provider, skipped } = await openSession(info.modelPath, providers, options);
    const inputs = new Set(session.inputNames);
    for (const name of ['input', 'input_lengths', 'scales']) {
      if (!inputs.has(name)) throw new Error(`${info.modelPath} is not a Piper model: input '${name}' missing (has ${session.inputNames.join(', ')})`);
    }
    if (info.numSpeakers > 1 && !inputs.has('sid')) throw new Error(`${info.modelPath}: num_speakers is ${info.numSpeakers} but the model has no 'sid' input`);
    return new PiperEngine(info, session, provider, skipped, espeak);
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

  async phonemeIds(sentence: string): Promise<number[]> {
    const phonemes = await phonemizeSentence(this.espeak, this.info.espeakVoice, sentence);
    return phonemesToIds(phonemes, this.info.phonemeIdMap).ids;
  }

  async synthesize(sentence: string, options: SynthOptions): Promise<SentenceAudio> {
    const started = performance.now();
    const ids = await this.phonemeIds(sentence);
    const samples = await this.run(ids, options);
    return { samples, sampleRate: this.info.sampleRate, synthMs: performance.now() - started };
  }

  // The model call alone, also used by `herald bench` as the baseline.
  async run(ids: number[], options: SynthOptions): Promise<Float32Array> {
    const { info } = this;
    const feeds: Record<string, ort.Tensor> = {
      input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
      // A faster rate is a shorter length_scale.
      scales: new ort.Tensor('float32', Float32Array.from([info.noiseScale, info.lengthScale / options.rate, info.noiseW]), [3]),
    };
    if (info.numSpeakers > 1) feeds.sid = new ort.Tensor('int64', BigInt64Array.from([BigInt(options.speakerId ?? 0)]), [1]);
    const result = await this.session.run(feeds);
    const output = result[this.session.outputNames[0]];
    const samples = output.data as Float32Array;
    if (samples.some((v) => !Number.isFinite(v))) throw new Error(`voice ${info.name} produced non-finite samples`);
    return samples;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
