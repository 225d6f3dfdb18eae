import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

function hashKey(path: string): string {
  const { size, mtimeMs, ino } = statSync(path);
  return `${path}:${size}:${mtimeMs}:${ino}`;
}

export function sha256File(path: string): string {
  const key = hashKey(path);
  let hash = hashes.get(key);
  if (!hash) hashes.set(key, (hash = createHash('sha256').update(readFileSync(path)).digest('hex')));
  return hash;
}

// The same hash, read in chunks so the main thread stays free between them:
// at start it runs while the onnx worker loads (a voice is ~80 ms of hashing
// here), and sha256File then finds it. A file it cannot read is left to sha256File.
export async function hashAhead(path: string): Promise<void> {
  try {
    const key = hashKey(path);
    if (hashes.has(key)) return;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    if (hashKey(path) === key) hashes.set(key, hash.digest('hex'));
  } catch {
    // sha256File reports it.
  }
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
  saveManifest(dir, manifest);
  return manifest;
}

// Drops a voice's checksums (its files are being removed).
export function removeFromManifest(dir: string, name: string): void {
  const { manifest, error } = readManifest(dir);
  if (error || !manifest.voices[name]) return;
  delete manifest.voices[name];
  saveManifest(dir, manifest);
}

// Replaced whole by a rename: a reader sees the old manifest or the new one,
// never a torn one that would make every voice fail its check.
function saveManifest(dir: string, manifest: Manifest): void {
  const path = join(dir, MANIFEST_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temp, path);
}
