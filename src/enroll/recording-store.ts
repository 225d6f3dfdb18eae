import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatasetTake } from './dataset.ts';
import { EnrollError } from './enroll-error.ts';
import { enrollDir, makePrivateDir, RECORDING_DIR, replacePrivateFile, writePrivateFile } from './private-files.ts';
import { promptTakeId } from './prompts.ts';
import type { TakeProblemCode } from './take-checks.ts';
import { pcm16Wav } from './wav-write.ts';

const PROGRESS_FILE = 'progress.json';

// <stateDir>/enroll/<name>/recording/progress.json: which prompts are done,
// so that an enrollment interrupted (Ctrl-C, a power cut, a phone app closed)
// goes on from the next prompt. Each take's transcript is the prompt as it
// was read, so a later change to the prompt script cannot mislabel it.
const progressSchema = z.strictObject({
  version: z.literal(1),
  // Index of the next prompt to record: every prompt before it is kept or skipped.
  next: z.number().int().min(0),
  takes: z.array(
    z.strictObject({
      index: z.number().int().min(0),
      id: z.string(),
      transcript: z.string(),
      // Problems the speaker chose to keep the take with (`k`): adaptation uses it anyway.
      acceptedProblems: z.array(z.string()),
    }),
  ),
  skipped: z.array(z.number().int().min(0)),
});

export type RecordingProgress = z.infer<typeof progressSchema>;

export function recordingDir(stateDir: string, name: string): string {
  return join(enrollDir(stateDir, name), RECORDING_DIR);
}

// The progress of an enrollment by recording, or undefined when none was started.
export function readRecording(stateDir: string, name: string): RecordingProgress | undefined {
  const path = join(recordingDir(stateDir, name), PROGRESS_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return progressSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    throw new EnrollError(`the recording progress of '${name}' cannot be read (${(err as Error).message.split('\n')[0]}); 'herald enroll --delete ${name}' removes it`, 1);
  }
}

export function emptyProgress(): RecordingProgress {
  return { version: 1, next: 0, takes: [], skipped: [] };
}

// Writes prompt `index`'s take (owner-only, at the rate it was recorded), then
// the progress that lists it: a take on disk but not listed is recorded again.
export function keepTake(stateDir: string, name: string, progress: RecordingProgress, take: { index: number; transcript: string; audio: Float32Array; rate: number; acceptedProblems?: TakeProblemCode[] }): RecordingProgress {
  const dir = openRecordingDir(stateDir, name);
  const id = promptTakeId(take.index);
  writePrivateFile(join(dir, `${id}.wav`), pcm16Wav(take.audio, take.rate));
  const entry = { index: take.index, id, transcript: take.transcript, acceptedProblems: take.acceptedProblems ?? [] };
  return save(dir, { ...progress, next: take.index + 1, takes: [...progress.takes.filter((t) => t.index !== take.index), entry] });
}

export function skipPrompt(stateDir: string, name: string, progress: RecordingProgress, index: number): RecordingProgress {
  return save(openRecordingDir(stateDir, name), { ...progress, next: index + 1, skipped: [...new Set([...progress.skipped, index])] });
}

// The kept takes as a dataset, the same input `herald enroll --from` reads.
export function recordedDataset(stateDir: string, name: string, progress: RecordingProgress): DatasetTake[] {
  const dir = recordingDir(stateDir, name);
  return [...progress.takes].sort((a, b) => a.index - b.index).map((t) => ({ id: t.id, transcript: t.transcript, wav: join(dir, `${t.id}.wav`) }));
}

// Takes kept although they had problems, by id.
export function acceptedTakeIds(progress: RecordingProgress): Set<string> {
  return new Set(progress.takes.filter((t) => t.acceptedProblems.length).map((t) => t.id));
}

export function removeRecording(stateDir: string, name: string): void {
  rmSync(recordingDir(stateDir, name), { recursive: true, force: true });
}

function openRecordingDir(stateDir: string, name: string): string {
  makePrivateDir(join(stateDir, 'enroll'));
  makePrivateDir(enrollDir(stateDir, name));
  const dir = recordingDir(stateDir, name);
  makePrivateDir(dir);
  return dir;
}

function save(dir: string, progress: RecordingProgress): RecordingProgress {
  replacePrivateFile(join(dir, PROGRESS_FILE), `${JSON.stringify(progress, null, 2)}\n`);
  return progress;
}
