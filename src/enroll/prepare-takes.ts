import type { EspeakHost } from '../text/espeak-host.ts';
import { sentenceIds, utteranceIds, type IdOptions } from '../text/piper-ids.ts';
import type { DatasetTake } from './dataset.ts';
import { EnrollError } from './enroll-error.ts';
import type { PreparedTake } from './store-takes.ts';
import { checkTake, type TakeProblem, type TakeProblemCode } from './take-checks.ts';
import { readTakeWav, TAKE_SAMPLE_RATE } from './wav-read.ts';

// Adapting a voice from less than this learns the recording room more than
// the speaker: ~20 s is the least where speaker adaptation is reported to
// move a multi-speaker base noticeably toward the target.
export const MIN_SPEECH_SECONDS = 20;
// At least one take to hold out for validation and two to learn from.
export const MIN_USABLE_TAKES = 3;

// Problems a speaker may choose to keep a take with: it still holds the
// sentence, only worse. A take too short to align, or without words, would
// stop adaptation instead.
export const KEEPABLE_PROBLEMS: readonly TakeProblemCode[] = ['clipped', 'too-quiet', 'mostly-silence'];

export function keepable(problems: readonly TakeProblem[]): boolean {
  return problems.every((p) => KEEPABLE_PROBLEMS.includes(p.code));
}

export interface SkippedTake {
  id: string;
  problems: TakeProblem[];
}

export interface PreparedSet {
  takes: PreparedTake[];
  skipped: SkippedTake[];
  speechSeconds: number;
}

// Every listed take decoded, checked and trimmed; those with problems are
// set aside (reported by id: a transcript is never printed). A file that
// cannot be decoded stops everything, naming it: the set is not what the
// user meant to give.
export interface PrepareOptions {
  signal?: AbortSignal;
  // Takes the speaker kept although they had problems (recording's `k`):
  // used anyway when every problem is one of KEEPABLE_PROBLEMS.
  accepted?: ReadonlySet<string>;
  // Told of each take set aside, as it is found.
  onSkip?: (take: SkippedTake) => void;
}

export async function prepareTakes(dataset: DatasetTake[], espeak: EspeakHost, idOptions: IdOptions, options: PrepareOptions = {}): Promise<PreparedSet> {
  const takes: PreparedTake[] = [];
  const skipped: SkippedTake[] = [];
  const skip = (take: SkippedTake) => {
    skipped.push(take);
    options.onSkip?.(take);
  };
  for (const entry of dataset) {
    options.signal?.throwIfAborted();
    const decoded = readTakeWav(entry.wav);
    const check = checkTake(decoded.channels, decoded.mono, TAKE_SAMPLE_RATE, entry.transcript);
    if (check.problems.length && !(options.accepted?.has(entry.id) && keepable(check.problems))) {
      skip({ id: entry.id, problems: check.problems });
      continue;
    }
    const sentences = await sentenceIds(espeak, entry.transcript, idOptions);
    if (!sentences.some((s) => s.phonemes)) {
      skip({ id: entry.id, problems: [{ code: 'empty-transcript', detail: 'the transcript gives no phonemes' }] });
      continue;
    }
    takes.push({ id: entry.id, transcript: entry.transcript, ids: utteranceIds(sentences, idOptions.idMap), audio: decoded.mono.slice(check.trimStart, check.trimEnd), sourceRate: decoded.sourceRate, check });
  }
  const speechSeconds = takes.reduce((sum, t) => sum + t.audio.length / TAKE_SAMPLE_RATE, 0);
  if (takes.length < MIN_USABLE_TAKES || speechSeconds < MIN_SPEECH_SECONDS) {
    const all = dataset.length === takes.length ? '' : ` (${skipped.length} of ${dataset.length} take(s) skipped for problems)`;
    throw new EnrollError(
      `not enough usable speech: ${speechSeconds.toFixed(1)} s of audio in all from ${takes.length} usable take(s)${all}; at least ${MIN_SPEECH_SECONDS} s in at least ${MIN_USABLE_TAKES} takes are needed`,
    );
  }
  return { takes, skipped, speechSeconds };
}
