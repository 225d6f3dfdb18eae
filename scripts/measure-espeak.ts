// What the espeak-ng child holds: each variant runs in a fresh plain-node
// process (as the child does) and reports RSS, V8's array buffers (the
// WebAssembly memory plus the 24 MB data package that every language's
// dictionary sits in), and the time to phonemize a few clauses.
//   stock   the package as the module reads it (every dictionary resident)
//   sparse  the package handed over through emscripten's getPreloadedPackage
//           hook as a zero-filled buffer with only the shared files and the
//           English dictionary read in: untouched pages of a large zeroed
//           buffer are never resident; another language's dictionary can be
//           read into its range before that voice is first used.
//
//   npx tsx scripts/measure-espeak.ts
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const MODULE = createRequire(join(ROOT, 'package.json')).resolve('@echogarden/espeak-ng-emscripten');

const CODE = (sparse: boolean) => `
import { readFileSync, openSync, readSync, closeSync } from 'node:fs';
const t0 = performance.now();
const rss0 = process.memoryUsage.rss();
const { default: EspeakModule } = await import(${JSON.stringify(pathToFileURL(MODULE).href)});
const dataPath = ${JSON.stringify(join(dirname(MODULE), 'espeak-ng.data'))};
const src = readFileSync(${JSON.stringify(MODULE)}, 'utf8');
const files = [...src.matchAll(/filename:"([^"]+)",start:(\\d+),end:(\\d+)/g)].map((m) => ({ name: m[1], start: +m[2], end: +m[3] }));
let fill;
const opts = {};
if (${sparse}) {
  const total = Math.max(...files.map((f) => f.end));
  const buf = new ArrayBuffer(total);
  const fd = openSync(dataPath, 'r');
  fill = (f) => readSync(fd, new Uint8Array(buf, f.start, f.end - f.start), 0, f.end - f.start, f.start);
  for (const f of files) if (!f.name.endsWith('_dict') || f.name.endsWith('/en_dict')) fill(f);
  opts.getPreloadedPackage = () => buf;
}
const module = await EspeakModule(opts);
const worker = new module.eSpeakNGWorker();
worker.set_voice('en-us');
const loadedMs = performance.now() - t0;
const dec = new TextDecoder();
const read = (ptr) => { const h = module.HEAPU8; let e = ptr; while (h[e]) e++; return dec.decode(h.subarray(ptr, e)); };
const clauses = ['Attention please', 'the train to Boston departs at seven thirty from platform four', 'Flight BA123 to London is now boarding at gate B12', 'Please keep your belongings with you at all times'];
let out = '';
const t1 = performance.now();
for (let r = 0; r < 20; r++) for (const c of clauses) out = read(worker.convert_to_phonemes(c, true).ptr);
const perClauseMs = (performance.now() - t1) / 80;
globalThis.gc?.();
const m = process.memoryUsage();
console.log(JSON.stringify({ variant: ${sparse} ? 'sparse (en only)' : 'stock', rssMB: +(m.rss / 1e6).toFixed(1), rssGrowthMB: +((m.rss - rss0) / 1e6).toFixed(1), arrayBuffersMB: +(m.arrayBuffers / 1e6).toFixed(1), wasmMemoryMB: +(module.HEAPU8.length / 1e6).toFixed(1), heapUsedMB: +(m.heapUsed / 1e6).toFixed(1), loadMs: Math.round(loadedMs), perClauseMs: +perClauseMs.toFixed(2), sample: out }));
`;

// V8 flags a small child could run with, each measured on the stock loader.
const FLAGS = [[], ['--max-semi-space-size=1'], ['--single-threaded-gc'], ['--v8-pool-size=1'], ['--lite-mode'], ['--max-semi-space-size=1', '--single-threaded-gc', '--v8-pool-size=1']];
for (const sparse of [false, true]) {
  for (const flags of sparse ? [[]] : FLAGS) {
    const out = execFileSync(process.execPath, [...flags, '--expose-gc', '--input-type=module', '-e', CODE(sparse)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    process.stdout.write(`${JSON.stringify({ flags, ...JSON.parse(out) })}\n`);
  }
}
