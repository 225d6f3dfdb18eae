import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TakeCheck } from './take-checks.ts';
import { TAKE_SAMPLE_RATE } from './wav-read.ts';
import { writeEnrollment, type Enrollment } from './enrolled.ts';
import { pcm16Wav } from './wav-write.ts';
import { enrollDir, makePrivateDir, RECORDING_DIR, writePrivateFile } from './private-files.ts';

// A take that passed its checks, trimmed, with its transcript's ids.
export interface PreparedTake {
  id: string;
  transcript: string;
  ids: number[];
  audio: Float32Array;
  // The rate it was recorded at: nothing above half of it is the speaker's.
  sourceRate: number;
  check: TakeCheck;
}

export interface StoredTakes {
  dir: string;
  // takes/<id>.wav of each take, in the order given.
  wavs: string[];
}

// Writes one voice's private working set: takes/<id>.wav (22050 Hz mono
// 16-bit), takes.json and enrolled.json, all owner-only. A set left by an
// earlier attempt at the same name (not installed: the name check saw to
// that) is replaced, never mixed with this one; the recordings of an
// enrollment by recording (recording/) are what this set is made from, and stay.
export function storeTakes(stateDir: string, takes: PreparedTake[], record: Enrollment): StoredTakes {
  makePrivateDir(join(stateDir, 'enroll'));
  const dir = enrollDir(stateDir, record.name);
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) if (entry !== RECORDING_DIR) rmSync(join(dir, entry), { recursive: true, force: true });
  makePrivateDir(dir);
  makePrivateDir(join(dir, 'takes'));
  const wavs = takes.map((take) => {
    const path = join(dir, 'takes', `${take.id}.wav`);
    writePrivateFile(path, pcm16Wav(take.audio, TAKE_SAMPLE_RATE));
    return path;
  });
  const list = takes.map((t) => ({
    id: t.id,
    transcript: t.transcript,
    ids: t.ids,
    duration: Number((t.audio.length / TAKE_SAMPLE_RATE).toFixed(3)),
    checks: { seconds: round(t.check.seconds), speechFraction: round(t.check.speechFraction), speechDbfs: round(t.check.speechDbfs), clippedFraction: t.check.clippedFraction },
  }));
  writePrivateFile(join(dir, 'takes.json'), `${JSON.stringify(list, null, 2)}\n`);
  writeEnrollment(stateDir, record);
  return { dir, wavs };
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toFixed(3)) : x;
}
