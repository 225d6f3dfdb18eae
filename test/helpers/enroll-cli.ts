// `herald enroll` as a user runs it (node bin/herald.js, compiled dist/),
// against a temporary config whose voices.dir is a copy of models/ and whose
// stateDir is empty, plus a listing of a directory's files with their hashes
// to show that a failed run left voices.dir exactly as it was.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
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

export interface Running {
  child: ChildProcess;
  // stdout and stderr so far.
  output(): { stdout: string; stderr: string };
  // Resolves once stderr matches.
  waitForStderr(pattern: RegExp, timeoutMs: number): Promise<void>;
  done: Promise<Run>;
}

// The same, for a run the test acts on while it goes (Ctrl-C), or that may
// take longer than herald()'s minute.
export function startHerald(setup: EnrollSetup, args: string[], options: { env?: Record<string, string> } = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args, '--config', setup.configPath], {
    cwd: setup.dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: setup.dir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : null), stdout, stderr })));
  return {
    child,
    output: () => ({ stdout, stderr }),
    waitForStderr: async (pattern, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(stderr)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`stderr did not match ${pattern} within ${timeoutMs} ms:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    done,
  };
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
