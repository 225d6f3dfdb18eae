import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import wavefile from 'wavefile';
import type { TakeCheck } from './take-checks.ts';
import { TAKE_SAMPLE_RATE } from './wav-read.ts';
import { writeEnrollment, type Enrollment } from './enrolled.ts';
import { enrollDir, makePrivateDir, writePrivateFile } from './private-files.ts';

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
// that) is replaced, never mixed with this one.
export function storeTakes(stateDir: string, takes: PreparedTake[], record: Enrollment): StoredTakes {
  makePrivateDir(join(stateDir, 'enroll'));
  const dir = enrollDir(stateDir, record.name);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  makePrivateDir(dir);
  makePrivateDir(join(dir, 'takes'));
  const wavs = takes.map((take) => {
    const path = join(dir, 'takes', `${take.id}.wav`);
    writePrivateFile(path, wavBytes(take.audio));
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

function wavBytes(audio: Float32Array): Uint8Array {
  const pcm = new Int16Array(audio.length);
  for (let i = 0; i < audio.length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(audio[i] * 32767)));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, TAKE_SAMPLE_RATE, '16', pcm);
  return wav.toBuffer();
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toFixed(3)) : x;
}
