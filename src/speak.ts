import { resample } from './audio/resample.ts';
import { silence, toInt16 } from './audio/pcm.ts';
import { SinkCutError, type AudioSink } from './audio/sink.ts';
import type { EspeakEngine } from './engines/espeak.ts';
import type { SpeechEngine } from './engines/types.ts';
import type { SayJob } from './queue/job.ts';
import { normalizeText } from './text/normalize.ts';
import { splitSentences } from './text/split.ts';

export interface SpeakProgress {
  // The first audio of this job reached the sink (epoch ms).
  onFirstAudio(at: number, engine: SpeechEngine): void;
  // The neural voice failed; espeak-ng took over from this sentence.
  onFallback(reason: string, engine: SpeechEngine): void;
}

export interface SpeakResult {
  engine: SpeechEngine;
  fallbackReason?: string;
  synthMs: number;
  audioMs: number;
  sentences: number;
}

// The sentence being handed to the device when a job was cut; the job resumes
// from there.
export class Interrupted extends Error {
  constructor(readonly sentence: number) {
    super(`interrupted at sentence ${sentence}`);
  }
}

export function sentencesOf(job: Pick<SayJob, 'text'>, language: string): string[] {
  return splitSentences(normalizeText(job.text, language), language);
}

// Text → sentences → audio → device, one sentence at a time: each sentence
// is sent to the device as soon as it is synthesized, while the next one is
// being made. `signal` aborts between sentences; `sink.cut()` stops audio now.
export async function speak(job: SayJob, engine: SpeechEngine, fallback: EspeakEngine, sink: AudioSink, signal: AbortSignal, progress: SpeakProgress): Promise<SpeakResult> {
  const language = job.lang ?? engine.language;
  const sentences = sentencesOf(job, language);
  const result: SpeakResult = { engine, synthMs: 0, audioMs: 0, sentences: sentences.length };
  let started = job.resumeFrom;
  const marks: Promise<void>[] = [];
  let first = true;
  try {
    for (let i = job.resumeFrom; i < sentences.length; i++) {
      signal.throwIfAborted();
      let audio;
      try {
        audio = await result.engine.synthesize(sentences[i], { rate: job.rate, speakerId: job.speaker });
      } catch (err) {
        if (result.engine.engine === 'espeak') throw err;
        result.fallbackReason = `${result.engine.voice} failed: ${(err as Error).message}`;
        result.engine = fallback.forLanguage(job.lang ?? engine.language);
        progress.onFallback(result.fallbackReason, result.engine);
        audio = await result.engine.synthesize(sentences[i], { rate: job.rate, speakerId: job.speaker });
      }
      signal.throwIfAborted();
      result.synthMs += audio.synthMs;
      const samples = resample(audio.samples, audio.sampleRate, sink.sampleRate);
      const pcm = toInt16(samples, job.volume);
      const gap = silence(result.engine.sentenceSilenceSeconds, sink.sampleRate);
      result.audioMs += ((pcm.length + gap.length) / sink.sampleRate) * 1000;
      const index = i;
      marks.push(sink.mark().then(() => {
        started = Math.max(started, index);
      }));
      if (first) {
        // Time to first audio is when the first buffer reaches the device,
        // not when the whole sentence has fitted into the pipe behind it.
        first = false;
        const head = Math.min(pcm.length, Math.round(sink.sampleRate / 10));
        await sink.write(pcm.subarray(0, head));
        progress.onFirstAudio(Date.now(), result.engine);
        await sink.write(pcm.subarray(head));
      } else {
        await sink.write(pcm);
      }
      if (gap.length) await sink.write(gap);
    }
    await Promise.all(marks);
    await sink.mark();
  } catch (err) {
    // Whatever stopped the job, the marks already confirmed say where it was.
    await Promise.allSettled(marks);
    if (signal.aborted || err instanceof SinkCutError) throw new Interrupted(started);
    throw err;
  }
  return result;
}
