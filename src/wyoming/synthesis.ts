import type { JobSpeech } from '../engines/fallback.ts';
import type { VoiceBank } from '../engines/voice-bank.ts';
import type { Logger } from '../log.ts';
import type { AudioOut } from './audio-out.ts';
import type { VoiceSettings } from './voice.ts';

// One response's speech: sentences synthesized one at a time in the
// background lane (run-lanes.ts), each sent as soon as it is made, while the
// next one's phonemes are prepared. The same JobSpeech (neural voice with
// espeak-ng behind it) as an announcement gets.
export class Synthesis {
  private readonly speech: JobSpeech;
  // Sentences spoken so far in this response.
  spoken = 0;

  constructor(
    voices: VoiceBank,
    private readonly settings: VoiceSettings,
    private readonly out: AudioOut,
    private readonly signal: AbortSignal,
    private readonly log: Logger,
  ) {
    this.speech = voices.speechFor(settings.voice, settings.lang);
    this.speech.onFallback = (reason) => log.warn({ reason }, 'wyoming: neural voice failed; espeak-ng continues');
  }

  async speak(sentences: string[]): Promise<void> {
    const { rate, speaker: speakerId } = this.settings;
    for (let i = 0; i < sentences.length; i++) {
      this.signal.throwIfAborted();
      const sentence = this.spoken;
      this.log.debug({ sentence, voice: this.speech.engine.voice }, 'wyoming sentence synthesizing');
      const audio = this.speech.synthesize(sentences[i], { rate, speakerId, lane: 'background' });
      if (i + 1 < sentences.length) this.speech.prepare(sentences[i + 1]);
      const made = await audio;
      this.signal.throwIfAborted();
      await this.out.sentence(made, this.speech.engine.sentenceSilenceSeconds);
      this.spoken++;
      this.log.debug({ sentence }, 'wyoming sentence sent');
    }
  }
}
