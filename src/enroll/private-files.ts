import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// Recordings of a person and everything derived from them are readable by
// the owner only. Modes are given at creation and set again with chmod,
// because the umask can take bits away from the first but not the second.
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

// <stateDir>/enroll/<name>: where one voice's takes and records live.
export function enrollDir(stateDir: string, name: string): string {
  return join(stateDir, 'enroll', name);
}

// <stateDir>/enroll/<name>/recording: takes recorded by Herald itself and
// their progress, until the voice is installed.
export const RECORDING_DIR = 'recording';

export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
}

// Written and fsynced before it returns: a record that says the takes exist
// is never ahead of the takes on disk.
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, PRIVATE_FILE_MODE);
}

// Replaced whole or not at all: a progress record cut by a crash or Ctrl-C
// would lose every take it lists.
export function replacePrivateFile(path: string, data: string | Uint8Array): void {
  const temp = `${path}.part`;
  writePrivateFile(temp, data);
  renameSync(temp, path);
}
