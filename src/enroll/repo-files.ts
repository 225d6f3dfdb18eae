import { fileURLToPath } from 'node:url';

// Files of the Herald checkout, found from this module (src/enroll/ under
// tsx, dist/enroll/ compiled: both two levels below the root), so the
// command works from any working directory.
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

// The voice whose phoneme map and espeak-ng voice every enrolled voice shares.
export const BUNDLED_VOICE_MODEL = root('models/en_US-herald_slt-low.onnx');
export const BUNDLED_VOICE_CONFIG = `${BUNDLED_VOICE_MODEL}.json`;
export const ADAPT_SCRIPT = root('scripts/train-voice/adapt.py');
export const BASE_MODEL_HINT = 'scripts/train-voice/run-base.sh';

// The multi-speaker base model adaptation starts from; HERALD_ENROLL_BASE overrides it.
export function baseModelPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HERALD_ENROLL_BASE || root('models/base/herald-base.pt');
}

// HERALD_PYTHON overrides it; Debian's python3 is where the training packages are installed.
export function pythonPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HERALD_PYTHON || '/usr/bin/python3';
}
