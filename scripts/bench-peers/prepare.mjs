// Builds, once, what the peers need beside the voices: the medium-sized
// voice, sherpa-onnx's copy of each voice, espeak-ng-data. All under .cache/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const CACHE = join(HERE, '.cache');
export const ESPEAK_DATA = join(CACHE, 'espeak-ng-data');
// Debian's python3 carries python3-onnx; a python3 earlier on PATH may not.
const PYTHON = process.env.HERALD_TEST_PYTHON ?? '/usr/bin/python3';

export const BUNDLED = join(ROOT, 'models', 'en_US-herald_slt-low.onnx');
export const MEDIUM = join(CACHE, 'voices', 'en_US-bench_medium-medium.onnx');

export const sherpaDir = (voice) => join(CACHE, 'sherpa', basename(voice, '.onnx'));
export const pkgVersion = (name) => JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

export function prepare() {
  if (!existsSync(MEDIUM)) {
    mkdirSync(join(CACHE, 'voices'), { recursive: true });
    run(PYTHON, [join(HERE, 'make-medium-voice.py'), '--out', `${MEDIUM}.tmp`]);
    // Same Piper config as the bundled voice (its phoneme map, espeak voice,
    // inference defaults), marked as the medium-shaped benchmark voice.
    const config = JSON.parse(readFileSync(`${BUNDLED}.json`, 'utf8'));
    delete config.herald;
    config.audio.quality = 'medium';
    config.dataset = 'bench_medium';
    writeFileSync(`${MEDIUM}.json`, `${JSON.stringify(config, null, 2)}\n`);
    renameSync(`${MEDIUM}.tmp`, MEDIUM);
  }
  for (const voice of [BUNDLED, MEDIUM]) {
    if (!existsSync(join(sherpaDir(voice), 'tokens.txt'))) run(PYTHON, [join(HERE, 'sherpa-model.py'), '--voice', voice, '--out', sherpaDir(voice)]);
  }
  if (!existsSync(join(ESPEAK_DATA, 'phontab'))) run(process.execPath, [join(HERE, 'extract-espeak-data.mjs'), CACHE]);
}
