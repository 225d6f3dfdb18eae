import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where a child's code is, and whether it needs the TypeScript loader.
export interface ChildEntry {
  url: URL;
  typescript: boolean;
}

// The one rule for finding a child: the file beside its host with the host's
// own extension. Under tsx (tests, development) the host is a .ts file and so
// is its child, which then needs tsx too; compiled (dist/), both are .js and
// the child starts with plain node, without the loader's memory and start cost.
export function siblingEntry(hostModuleUrl: string, name: string): ChildEntry {
  const ext = extname(new URL(hostModuleUrl).pathname);
  return { url: new URL(`./${name}${ext}`, hostModuleUrl), typescript: ext === '.ts' || ext === '.mts' };
}

// Arguments for child_process.fork. tsx is found from here, not from the
// working directory, so a daemon started elsewhere still finds it.
export function forkArgs(entry: ChildEntry, v8Flags: readonly string[] = []): { modulePath: string; execArgv: string[] } {
  const loader = entry.typescript ? ['--import', import.meta.resolve('tsx')] : [];
  return { modulePath: fileURLToPath(entry.url), execArgv: [...loader, ...v8Flags] };
}

// What to hand to `new Worker`. Node 20 ignores `--import` in a worker's
// execArgv, so under tsx the worker starts from a line of JavaScript that
// loads its TypeScript entry through tsx's API.
export function workerScript(entry: ChildEntry): { script: string | URL; eval: boolean } {
  if (!entry.typescript) return { script: entry.url, eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const url = JSON.stringify(entry.url.href);
  return { script: `import(${api}).then((tsx) => tsx.tsImport(${url}, ${url}))`, eval: true };
}
