import { resample } from './audio/resample.ts';
import { silence, toInt16 } from './audio/pcm.ts';
import { AudioDropped, type AudioSink } from './audio/sink.ts';
import type { JobSpeech } from './engines/fallback.ts';
import type { SpeechSource } from './engines/types.ts';
import type { SayJob } from './queue/job.ts';

export interface SpeakResult {
  engine: SpeechSource;
  fallbackReason?: string;
  synthMs: number;
  audioMs: number;
  // On a zone timeline: how far later sentences had to be moved back onto it
  // (ms, + dropped, - silence), after the device ran dry.
  resyncs: number[];
}

// The job stopped before its end: by its AbortSignal (whose reason says why),
// or because the sink dropped the audio (device lost). `sentence` is the one
// that was audible, where the job resumes.
export class SpeechCut extends Error {
  constructor(readonly sentence: number) {
    super(`cut at sentence ${sentence}`);
  }
}

// Sentences → audio → device, one sentence at a time: each sentence goes to
// the device as soon as it is synthesized, while the next is being made.
// `signal` stops it between sentences; the sink's cut() stops the audio now.
// `onFirstAudio` gets the time the first buffer reached the device, and on a
// zone timeline how late it was (ms, + late). `startAt`: the wall-clock time
// the first sentence is to be heard (a zone timeline); each later sentence
// is due at the sample it follows on, not whenever the last one ended.
export async function speak(
  job: SayJob,
  speech: JobSpeech,
  sink: AudioSink,
  signal: AbortSignal,
  onFirstAudio: (at: number, engine: SpeechSource, shiftMs?: number) => void,
  startAt?: number,
): Promise<SpeakResult> {
  const result: SpeakResult = { engine: speech.engine, synthMs: 0, audioMs: 0, resyncs: [] };
  const timeline = startAt !== undefined && sink.anchor ? sink.anchor.bind(sink) : undefined;
  let dueAt = startAt ?? 0;
  let audible = job.resumeFrom;
  const marks: Promise<void>[] = [];
  try {
    for (let i = job.resumeFrom; i < job.sentences.length; i++) {
      signal.throwIfAborted();
      const synthesized = speech.synthesize(job.sentences[i], { rate: job.rate, speakerId: job.speaker, noiseless: job.syncZone !== undefined });
      if (i + 1 < job.sentences.length) speech.prepare(job.sentences[i + 1]);
      // A cut does not wait for the sentence being made (a pool's answer can take its deadline).
      synthesized.catch(() => {});
      const audio = await untilAborted(synthesized, signal);
      result.synthMs += audio.synthMs;
      const pcm = toInt16(resample(audio.samples, audio.sampleRate, sink.sampleRate), job.volume);
      const gap = silence(speech.engine.sentenceSilenceSeconds, sink.sampleRate);
      result.audioMs += ((pcm.length + gap.length) / sink.sampleRate) * 1000;
      // The anchor before the mark: a zone cut tells the marks of the new
      // timeline from those of the audio it threw away by it.
      const anchored = await timeline?.(dueAt, i === job.resumeFrom);
      const index = i;
      const mark = sink.mark().then(() => void (audible = Math.max(audible, index)));
      // A cut rejects it while this loop may be awaiting synthesis; it is read below.
      mark.catch(() => {});
      marks.push(mark);
      dueAt += ((pcm.length + gap.length) / sink.sampleRate) * 1000;
      if (i === job.resumeFrom) {
        // Time to first audio is when the first buffer reaches the device,
        // not when the whole sentence has fitted into the pipe behind it.
        const head = Math.min(pcm.length, Math.round(sink.sampleRate / 10));
        await sink.write(pcm.subarray(0, head));
        onFirstAudio(Date.now(), speech.engine, await anchored?.shiftMs);
        await sink.write(pcm.subarray(head));
      } else {
        anchored?.shiftMs.then((ms) => Math.abs(ms) >= 1 && result.resyncs.push(Math.round(ms)), () => {});
        await sink.write(pcm);
      }
      if (gap.length) await sink.write(gap);
    }
    // What follows is off the timeline: nothing more to drop or place.
    await timeline?.(null, false);
    await Promise.all(marks);
    await sink.mark();
  } catch (err) {
    // Whatever stopped the job, the marks already confirmed say where it was.
    await Promise.allSettled(marks);
    if (signal.aborted || err instanceof AudioDropped) throw new SpeechCut(audible);
    throw err;
  }
  result.engine = speech.engine;
  result.fallbackReason = speech.fallbackReason;
  return result;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
