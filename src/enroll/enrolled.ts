import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { adaptResultSchema } from './adapt-protocol.ts';
import { enrollDir, writePrivateFile } from './private-files.ts';
import { voiceNameProblem } from './voice-name.ts';

export const ENROLLED_FILE = 'enrolled.json';

// <stateDir>/enroll/<name>/enrolled.json: the record that this device made
// the voice, and what from. It holds no transcript and no audio path.
const adaptationSchema = adaptResultSchema.extend({
  heldOut: z.number().int(),
  onnxBytes: z.number().int(),
});

export const enrolledSchema = z.looseObject({
  name: z.string(),
  created: z.string(),
  source: z.enum(['files', 'recording']),
  takes: z.number().int(),
  speechSeconds: z.number(),
  consentTake: z.string().nullable(),
  // Null until adaptation has finished and the voice is installed.
  adaptation: adaptationSchema.nullable(),
});

export type Enrollment = z.infer<typeof enrolledSchema>;
export type AdaptationFigures = z.infer<typeof adaptationSchema>;

export function writeEnrollment(stateDir: string, record: Enrollment): void {
  writePrivateFile(join(enrollDir(stateDir, record.name), ENROLLED_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

// The record of a voice enrolled here, or undefined for one that was not
// (or whose record cannot be read: it is then not treated as enrolled).
export function readEnrollment(stateDir: string, name: string): Enrollment | undefined {
  if (voiceNameProblem(name)) return undefined;
  const path = join(enrollDir(stateDir, name), ENROLLED_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return enrolledSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

export function isEnrolledHere(stateDir: string, name: string): boolean {
  return !voiceNameProblem(name) && existsSync(join(enrollDir(stateDir, name), ENROLLED_FILE));
}
