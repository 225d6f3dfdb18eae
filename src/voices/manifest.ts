import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { VoiceInfo } from './types.ts';

export const MANIFEST_FILE = 'manifest.json';

// <voices.dir>/manifest.json: the sha256 of each file of each voice, so a
// voice damaged on disk or swapped is refused before onnxruntime loads it.
const manifestSchema = z.looseObject({
  voices: z.record(z.string(), z.looseObject({ files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) })).default({}),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function readManifest(dir: string): { manifest: Manifest; error?: string } {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { manifest: { voices: {} } };
  try {
    return { manifest: manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) };
  } catch (err) {
    return { manifest: { voices: {} }, error: `${path} is unreadable: ${(err as Error).message.split('\n')[0]}` };
  }
}

// One hash per file per load of the voices, shared by the checksum check and
// the TensorRT cache key; kept no longer, so a file damaged on disk is seen.
const hashes = new Map<string, string>();

export function forgetHashes(): void {
  hashes.clear();
}

export function sha256File(path: string): string {
  const { size, mtimeMs, ino } = statSync(path);
  const key = `${path}:${size}:${mtimeMs}:${ino}`;
  let hash = hashes.get(key);
  if (!hash) hashes.set(key, (hash = createHash('sha256').update(readFileSync(path)).digest('hex')));
  return hash;
}

export type Verification = { verified: true } | { verified: false; reason: string; mismatch: boolean };

export function verifyVoice(manifest: Manifest, info: VoiceInfo): Verification {
  const entry = manifest.voices[info.name];
  if (!entry) return { verified: false, reason: 'no checksum in manifest', mismatch: false };
  for (const path of [info.modelPath, info.configPath]) {
    const expected = entry.files[basename(path)];
    if (!expected) return { verified: false, reason: `manifest lists no checksum for ${basename(path)}`, mismatch: true };
    const actual = sha256File(path);
    if (actual !== expected) return { verified: false, reason: `checksum mismatch for ${basename(path)} (manifest ${expected.slice(0, 12)}…, file ${actual.slice(0, 12)}…)`, mismatch: true };
  }
  return { verified: true };
}

// Records the voices' current checksums (after the operator has checked them).
export function writeManifest(dir: string, voices: VoiceInfo[]): Manifest {
  const { manifest } = readManifest(dir);
  for (const info of voices) {
    manifest.voices[info.name] = { files: Object.fromEntries([info.modelPath, info.configPath].map((p) => [basename(p), sha256File(p)])) };
  }
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
