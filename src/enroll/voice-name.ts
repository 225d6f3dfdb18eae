import { discoverVoices } from '../voices/discover.ts';
import { EnrollError } from './enroll-error.ts';

// A voice name becomes file names in voices.dir and a directory under the
// state dir, and arrives over MQTT for a delete: it can never be a path.
const VOICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const MAX_VOICE_NAME_LENGTH = 64;
// The name that always means espeak-ng (src/engines/voice-bank.ts, ESPEAK_VOICE).
const RESERVED = ['espeak'];

// Why `name` cannot be a voice name, or undefined when it can.
export function voiceNameProblem(name: string): string | undefined {
  if (!name) return 'a voice name is needed';
  if (name.length > MAX_VOICE_NAME_LENGTH) return `voice name '${name.slice(0, 20)}…' is longer than ${MAX_VOICE_NAME_LENGTH} characters`;
  if (name.includes('/') || name.includes('\\')) return `voice name '${name}' contains a path separator`;
  if (name.includes('..')) return `voice name '${name}' contains '..'`;
  if (!VOICE_NAME.test(name)) return `voice name '${name}' must start with a letter or digit and hold only letters, digits, '_', '-' and '.'`;
  return undefined;
}

// A name for a new voice: well formed, and not one already spoken for. Case
// is ignored in the comparison so that no two voices differ by case alone.
export function checkNewVoiceName(name: string, voicesDir: string): void {
  const problem = voiceNameProblem(name);
  if (problem) throw new EnrollError(problem);
  const lower = name.toLowerCase();
  if (RESERVED.includes(lower)) throw new EnrollError(`voice name '${name}' is reserved for espeak-ng`);
  const { voices, problems } = discoverVoices(voicesDir);
  const taken = [...voices.map((v) => v.name), ...problems.map((p) => p.name)].find((n) => n.toLowerCase() === lower);
  if (taken) throw new EnrollError(`a voice named '${taken}' is already installed in ${voicesDir}; choose another name (or delete it first)`);
}
