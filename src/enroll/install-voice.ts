import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPiperVoice } from '../voices/discover.ts';
import { readManifest, writeManifest } from '../voices/manifest.ts';
import type { VoiceInfo } from '../voices/types.ts';
import { EnrollError } from './enroll-error.ts';

// Puts <name>.onnx and <name>.onnx.json into voices.dir so that a reader
// (the daemon reloading, `herald voices`) never sees half a voice: both are
// copied to hidden temporary names in voices.dir and fsynced, then renamed,
// the .onnx.json first (a config without its model is not a voice; a voice
// is found by its .onnx), and the directory fsynced. Then the manifest
// records both checksums. On any failure nothing of the voice is left.
export function installVoice(voicesDir: string, name: string, stagedOnnx: string, configText: string): VoiceInfo {
  const { error } = readManifest(voicesDir);
  // Rewriting an unreadable manifest would drop every other voice's checksums.
  if (error) throw new EnrollError(`${error}; fix or remove it before enrolling a voice`, 1);
  const finalOnnx = join(voicesDir, `${name}.onnx`);
  const finalJson = `${finalOnnx}.json`;
  const tag = join(voicesDir, `.${name}.enroll-${process.pid}`);
  const tempOnnx = `${tag}.onnx.part`;
  const tempJson = `${tag}.json.part`;
  const placed: string[] = [];
  try {
    writeFileSync(tempJson, configText);
    fsyncFile(tempJson);
    copyFileSync(stagedOnnx, tempOnnx);
    fsyncFile(tempOnnx);
    if (existsSync(finalOnnx) || existsSync(finalJson)) throw new EnrollError(`a voice named '${name}' appeared in ${voicesDir} meanwhile; nothing was installed`, 1);
    renameSync(tempJson, finalJson);
    placed.push(finalJson);
    renameSync(tempOnnx, finalOnnx);
    placed.push(finalOnnx);
    fsyncFile(voicesDir);
    const info = readPiperVoice(name, finalOnnx, finalJson);
    writeManifest(voicesDir, [info]);
    return info;
  } catch (err) {
    for (const path of [tempJson, tempOnnx, ...placed.reverse()]) rmSync(path, { force: true });
    if (err instanceof EnrollError) throw err;
    throw new EnrollError(`could not install the voice into ${voicesDir}: ${(err as Error).message}`, 1);
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
