import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EspeakHost } from '../text/espeak-host.ts';
import { languageRules } from '../text/languages.ts';
import { discoverVoices, readPiperVoice } from '../voices/discover.ts';
import type { AdaptProgress } from './adapt-protocol.ts';
import { adaptVoice } from './adapter.ts';
import type { DatasetTake } from './dataset.ts';
import { EnrollError } from './enroll-error.ts';
import { writeEnrollment, type AdaptationFigures, type Enrollment } from './enrolled.ts';
import { installVoice } from './install-voice.ts';
import { prepareTakes, type SkippedTake } from './prepare-takes.ts';
import { enrollDir, makePrivateDir, writePrivateFile } from './private-files.ts';
import { removeRecording } from './recording-store.ts';
import { baseModelPath, BUNDLED_VOICE_CONFIG, BUNDLED_VOICE_MODEL } from './repo-files.ts';
import { storeTakes } from './store-takes.ts';
import { enrolledVoiceConfig } from './voice-config.ts';
import { checkNewVoiceName } from './voice-name.ts';

// Adaptation budgets: whichever ends first. 600 steps is where the
// adaptation recipe's validation loss stops falling on ~5 min of speech; 15
// minutes keeps a run on a 2-core board to a coffee break.
export const DEFAULT_STEPS = 600;
export const DEFAULT_MINUTES = 15;
// Held-out takes for the validation loss: two, or one when there are few to spare.
const FEW_TAKES = 8;

export interface EnrollInput {
  name: string;
  // Takes as LJSpeech lists them: from --from DIR, or recorded by Herald.
  dataset: DatasetTake[];
  source: Enrollment['source'];
  // The id of the take in which the speaker read the consent sentence.
  consentTake: string | null;
  // Takes kept although they had problems (see prepareTakes).
  accepted?: ReadonlySet<string>;
}

export interface EnrollSettings {
  voicesDir: string;
  stateDir: string;
  lang?: string;
  defaultVoice: string;
  steps: number;
  minutes: number;
  threads: number;
  heldOut?: number;
}

export interface EnrollHooks {
  // The caller's espeak-ng host (the CLI's own, or the daemon's).
  espeak: EspeakHost;
  signal?: AbortSignal;
  // One line of news: counts and figures only, never a transcript or a path.
  say?: (line: string) => void;
  onSkip?: (take: SkippedTake) => void;
  // The takes are checked and stored: what only phonemizing needed can go.
  afterPrepare?: () => void;
  onProgress?: (progress: AdaptProgress) => void;
}

export interface EnrollSummary extends AdaptationFigures {
  name: string;
  created: string;
  takes: number;
  skipped: number;
  speechSeconds: number;
}

// The one way a voice is made, whatever recorded it: the takes checked,
// trimmed and phonemized (prepareTakes), stored privately, adapted from the
// base model in the Python process, installed whole into voices.dir, and
// enrolled.json completed. On failure nothing is installed; the stored takes
// stay for another try (storedTakesExist), and the staging goes.
export async function enrollVoice(input: EnrollInput, settings: EnrollSettings, hooks: EnrollHooks): Promise<EnrollSummary> {
  const { name } = input;
  const say = hooks.say ?? (() => {});
  if (!existsSync(settings.voicesDir)) throw new EnrollError(`voices.dir ${settings.voicesDir} does not exist`, 1);
  checkNewVoiceName(name, settings.voicesDir);
  const bundled = readPiperVoice('bundled', BUNDLED_VOICE_MODEL, BUNDLED_VOICE_CONFIG);
  const { lang, espeakVoice } = languageOf(settings);
  say(`checking ${input.dataset.length} take(s)`);
  const set = await prepareTakes(input.dataset, hooks.espeak, { lang, espeakVoice, idMap: bundled.phonemeIdMap }, { signal: hooks.signal, accepted: input.accepted, onSkip: hooks.onSkip });
  if (input.consentTake && !set.takes.some((t) => t.id === input.consentTake)) throw new EnrollError('the consent take did not pass its checks: record the consent sentence again');
  hooks.afterPrepare?.();
  const heldOut = settings.heldOut ?? (set.takes.length < FEW_TAKES ? 1 : 2);
  if (heldOut > set.takes.length - 2) throw new EnrollError(`--held-out ${heldOut} leaves fewer than 2 of the ${set.takes.length} usable takes to learn from`);
  say(`${set.takes.length} usable take(s), ${set.speechSeconds.toFixed(1)} s of speech${set.skipped.length ? `, ${set.skipped.length} skipped` : ''}`);

  const created = new Date().toISOString();
  const record: Enrollment = { name, created, source: input.source, takes: set.takes.length, speechSeconds: round(set.speechSeconds, 1), consentTake: input.consentTake, adaptation: null };
  const stored = storeTakes(settings.stateDir, set.takes, record);
  const staging = join(stored.dir, 'staging');
  try {
    makePrivateDir(staging);
    const outOnnx = join(staging, `${name}.onnx`);
    const result = await adaptVoice(
      { base: baseModelPath(), takes: set.takes.map((t, i) => ({ wav: stored.wavs[i], ids: t.ids, bandHz: t.sourceRate / 2 })), heldOut, outOnnx, steps: settings.steps, minutes: settings.minutes, threads: settings.threads },
      { signal: hooks.signal, onProgress: hooks.onProgress },
    );
    const adaptation = { steps: result.steps, seconds: round(result.seconds, 1), trainLoss: result.trainLoss, baseValLoss: result.baseValLoss, valLoss: result.valLoss, heldOut, onnxBytes: result.onnxBytes };
    const configText = enrolledVoiceConfig(BUNDLED_VOICE_CONFIG, name, { created, takes: record.takes, speechSeconds: record.speechSeconds, adaptation });
    writePrivateFile(`${outOnnx}.json`, configText);
    hooks.signal?.throwIfAborted();
    installVoice(settings.voicesDir, name, outOnnx, configText);
    writeEnrollment(settings.stateDir, { ...record, adaptation });
    // takes/ holds the checked copies (the consent take among them); the raw recordings are not needed again.
    removeRecording(settings.stateDir, name);
    return { name, created, takes: record.takes, skipped: set.skipped.length, speechSeconds: record.speechSeconds, ...adaptation };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// --lang, else the default voice's language, else US English.
function languageOf(o: EnrollSettings): { lang: string; espeakVoice: string } {
  if (o.lang) return { lang: o.lang, espeakVoice: languageRules(o.lang).espeakVoice };
  const info = discoverVoices(o.voicesDir).voices.find((v) => v.name === o.defaultVoice);
  return info ? { lang: info.language, espeakVoice: info.espeakVoice } : { lang: 'en-us', espeakVoice: 'en-us' };
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

// Whether a failed run left its checked takes under <stateDir>/enroll/<name>.
export function storedTakesExist(stateDir: string, name: string): boolean {
  return existsSync(join(enrollDir(stateDir, name), 'takes.json'));
}
