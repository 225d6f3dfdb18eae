// Import cost of each runtime dependency, each in a fresh plain-node process:
// RSS growth and wall time of `await import(name)` (median of 3).
//   npx tsx scripts/measure-imports.ts
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const MODULES = ['systeminformation', 'pino', 'mqtt', 'aedes', 'zod', 'yaml', 'onnxruntime-node', 'tsx/esm/api', '@echogarden/espeak-ng-emscripten'];
const CODE = (m: string) => `const r0 = process.memoryUsage.rss(); const t0 = performance.now(); await import(${JSON.stringify(m)}); const ms = performance.now() - t0; console.log(JSON.stringify({ ms, mb: (process.memoryUsage.rss() - r0) / 1e6 }));`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const m of MODULES) {
  const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', CODE(m)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as { ms: number; mb: number });
  process.stdout.write(`${JSON.stringify({ module: m, importMs: Math.round(median(runs.map((r) => r.ms))), rssMB: +median(runs.map((r) => r.mb)).toFixed(1) })}\n`);
}
