import type { EspeakHost } from '../text/espeak-host.ts';
import { languageRules } from '../text/languages.ts';
import type { SentenceAudio, SpeechEngine, SynthOptions } from './types.ts';

// The engine of last resort: espeak-ng's own formant voice. It needs no model
// file and runs anywhere, so an announcement is still spoken when no neural
// voice is installed or the neural voice fails.
export class EspeakEngine implements SpeechEngine {
  readonly engine = 'espeak' as const;
  readonly provider = 'wasm' as const;
  readonly sampleRate = 22050;
  readonly sentenceSilenceSeconds = 0.2;

  constructor(
    private readonly espeak: EspeakHost,
    readonly language = 'en-us',
  ) {}

  get voice(): string {
    return `espeak-ng:${languageRules(this.language).espeakVoice}`;
  }

  forLanguage(language: string): EspeakEngine {
    return new EspeakEngine(this.espeak, language);
  }

  async synthesize(sentence: string, options: SynthOptions): Promise<SentenceAudio> {
    const started = performance.now();
    const audio = await this.espeak.synthesize(languageRules(this.language).espeakVoice, sentence, options.rate);
    const samples = new Float32Array(audio.samples.length);
    for (let i = 0; i < samples.length; i++) samples[i] = audio.samples[i] / 32768;
    return { samples, sampleRate: audio.sampleRate, synthMs: performance.now() - started };
  }

  async close(): Promise<void> {}
}
