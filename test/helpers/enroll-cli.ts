// `herald enroll` as a user runs it (node bin/herald.js, compiled dist/),
// against a temporary config whose voices.dir is a copy of models/ and whose
// stateDir is empty, plus a listing of a directory's files with their hashes
// to show that a failed run left voices.dir exactly as it was.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDaemonConfig } from './daemon-process.ts';

const BIN = fileURLToPath(new URL('../../bin/herald.js', import.meta.url));
const MODELS = fileURLToPath(new URL('../../models', import.meta.url));

export interface EnrollSetup {
  dir: string;
  voicesDir: string;
  stateDir: string;
  configPath: string;
}

export function enrollSetup(dir: string): EnrollSetup {
  const voicesDir = join(dir, 'voices');
  const stateDir = join(dir, 'state');
  cpSync(MODELS, voicesDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  const configPath = writeDaemonConfig(dir, { voices: { dir: voicesDir }, stateDir, log: { level: 'warn' } });
  return { dir, voicesDir, stateDir, configPath };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface HeraldOptions {
  env?: Record<string, string>;
  input?: string;
  // Run under this umask (through sh), e.g. '000' to show modes do not depend on it.
  umask?: string;
}

export function herald(setup: EnrollSetup, args: string[], options: HeraldOptions = {}): Promise<Run> {
  const argv = [BIN, ...args, '--config', setup.configPath];
  const [file, fileArgs] = options.umask ? ['/bin/sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, ...argv]] : [process.execPath, argv];
  return new Promise((resolve) => {
    const child = execFile(
      file as string,
      fileArgs as string[],
      { cwd: setup.dir, timeout: 60_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: setup.dir, ...options.env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

// Every file under dir (relative path → sha256), sorted.
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
