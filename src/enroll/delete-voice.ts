import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeFromManifest } from '../voices/manifest.ts';
import { EnrollError } from './enroll-error.ts';
import { isEnrolledHere } from './enrolled.ts';
import { enrollDir } from './private-files.ts';
import { recordingDir } from './recording-store.ts';
import { voiceNameProblem } from './voice-name.ts';

export interface EnrollDirs {
  voicesDir: string;
  stateDir: string;
}

// Removes a voice enrolled on this device: its model first (a voice is found
// by its .onnx, so it is gone for readers at once), its config, its
// checksums, then every take and record under <stateDir>/enroll/<name>. A
// voice without an enrollment record was installed by someone else and is
// not Herald's to delete; a recording begun here and never finished (no
// voice installed under its name) is. The messages name no path: they also go over MQTT.
export function deleteEnrolledVoice(dirs: EnrollDirs, name: string): void {
  const problem = voiceNameProblem(name);
  if (problem) throw new EnrollError(problem);
  if (!isEnrolledHere(dirs.stateDir, name) && !partialRecording(dirs, name)) throw new EnrollError(`voice '${name}' was not enrolled on this device (no enrollment record): Herald deletes only voices it enrolled`);
  try {
    rmSync(join(dirs.voicesDir, `${name}.onnx`), { force: true });
    rmSync(join(dirs.voicesDir, `${name}.onnx.json`), { force: true });
    removeFromManifest(dirs.voicesDir, name);
    rmSync(enrollDir(dirs.stateDir, name), { recursive: true, force: true });
  } catch (err) {
    throw new EnrollError(`could not delete voice '${name}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 1);
  }
}

function partialRecording(dirs: EnrollDirs, name: string): boolean {
  return existsSync(recordingDir(dirs.stateDir, name)) && !existsSync(join(dirs.voicesDir, `${name}.onnx`));
}
