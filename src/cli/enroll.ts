import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { adaptVoice, AdaptCancelled } from '../enroll/adapter.ts';
import { readDataset } from '../enroll/dataset.ts';
import { deleteEnrolledVoice } from '../enroll/delete-voice.ts';
import { EnrollError } from '../enroll/enroll-error.ts';
import { writeEnrollment, type Enrollment } from '../enroll/enrolled.ts';
import { installVoice } from '../enroll/install-voice.ts';
import { prepareTakes } from '../enroll/prepare-takes.ts';
import { makePrivateDir, writePrivateFile } from '../enroll/private-files.ts';
import { progressReporter } from '../enroll/progress.ts';
import { baseModelPath, BUNDLED_VOICE_CONFIG, BUNDLED_VOICE_MODEL } from '../enroll/repo-files.ts';
import { storeTakes } from '../enroll/store-takes.ts';
import { enrolledVoiceConfig } from '../enroll/voice-config.ts';
import { checkNewVoiceName } from '../enroll/voice-name.ts';
import { EspeakHost } from '../text/espeak-host.ts';
import { languageRules } from '../text/languages.ts';
import { discoverVoices, readPiperVoice } from '../voices/discover.ts';

const USAGE =
  'usage: herald enroll NAME --from DIR [--lang L] [--steps N] [--minutes M] [--threads N] [--held-out N] [--json]\n' +
  '       herald enroll --delete NAME\n';

// Adaptation budgets: whichever ends first. 600 steps is where the
// adaptation recipe's validation loss stops falling on ~5 min of speech; 15
// minutes keeps a run on a 2-core board to a coffee break.
const DEFAULT_STEPS = 600;
const DEFAULT_MINUTES = 15;
// Held-out takes for the validation loss: two, or one when there are few to spare.
const FEW_TAKES = 8;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      from: { type: 'string' },
      delete: { type: 'string' },
      lang: { type: 'string' },
      steps: { type: 'string' },
      minutes: { type: 'string' },
      threads: { type: 'string' },
      'held-out': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const { config } = loadConfig(values.config);
  const dirs = { voicesDir: config.voices.dir, stateDir: config.stateDir };
  try {
    if (values.delete !== undefined) {
      if (positionals.length || values.from) throw new EnrollError(`--delete takes only the voice's name\n${USAGE}`);
      deleteEnrolledVoice(dirs, values.delete);
      process.stdout.write(`deleted voice '${values.delete}': its files in ${dirs.voicesDir}, its checksums and its takes (a running daemon forgets it at its next reload)\n`);
      return 0;
    }
    const [name, ...extra] = positionals;
    if (!name || extra.length || !values.from) throw new EnrollError(USAGE.trimEnd());
    const options = {
      steps: count('--steps', values.steps, DEFAULT_STEPS, 1),
      minutes: number('--minutes', values.minutes, DEFAULT_MINUTES),
      threads: count('--threads', values.threads, availableParallelism(), 1),
      heldOut: values['held-out'] === undefined ? undefined : count('--held-out', values['held-out'], 0, 0),
    };
    return await enroll(name, values.from, { ...dirs, lang: values.lang, defaultVoice: config.voices.default, json: !!values.json, ...options });
  } catch (err) {
    return fail(err);
  }
}

interface EnrollOptions {
  voicesDir: string;
  stateDir: string;
  lang?: string;
  defaultVoice: string;
  json: boolean;
  steps: number;
  minutes: number;
  threads: number;
  heldOut?: number;
}

async function enroll(name: string, from: string, o: EnrollOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`herald enroll: ${line}\n`);
  // Ctrl-C stops whatever runs (the Python process is killed) and cleans up.
  const controller = new AbortController();
  const onSigint = () => controller.abort(new AdaptCancelled('interrupted'));
  process.on('SIGINT', onSigint);
  const espeak = new EspeakHost();
  const progress = progressReporter(process.stderr);
  let staging: string | undefined;
  let storedAt: string | undefined;
  try {
    if (!existsSync(o.voicesDir)) throw new EnrollError(`voices.dir ${o.voicesDir} does not exist`, 1);
    checkNewVoiceName(name, o.voicesDir);
    const dataset = readDataset(from);
    const bundled = readPiperVoice('bundled', BUNDLED_VOICE_MODEL, BUNDLED_VOICE_CONFIG);
    const { lang, espeakVoice } = languageOf(o);
    say(`checking ${dataset.length} take(s)`);
    const set = await prepareTakes(dataset, espeak, { lang, espeakVoice, idMap: bundled.phonemeIdMap }, {
      signal: controller.signal,
      onSkip: (s) => say(`take ${s.id} skipped: ${s.problems.map((p) => `${p.code} (${p.detail})`).join(', ')}`),
    });
    espeak.stop();
    const heldOut = o.heldOut ?? (set.takes.length < FEW_TAKES ? 1 : 2);
    if (heldOut > set.takes.length - 2) throw new EnrollError(`--held-out ${heldOut} leaves fewer than 2 of the ${set.takes.length} usable takes to learn from`);
    say(`${set.takes.length} usable take(s), ${set.speechSeconds.toFixed(1)} s of speech${set.skipped.length ? `, ${set.skipped.length} skipped` : ''}`);

    const created = new Date().toISOString();
    const record: Enrollment = { name, created, source: 'files', takes: set.takes.length, speechSeconds: round(set.speechSeconds, 1), consentTake: null, adaptation: null };
    const stored = storeTakes(o.stateDir, set.takes, record);
    storedAt = stored.dir;
    staging = join(stored.dir, 'staging');
    makePrivateDir(staging);
    const outOnnx = join(staging, `${name}.onnx`);
    const result = await adaptVoice(
      { base: baseModelPath(), takes: set.takes.map((t, i) => ({ wav: stored.wavs[i], ids: t.ids, bandHz: t.sourceRate / 2 })), heldOut, outOnnx, steps: o.steps, minutes: o.minutes, threads: o.threads },
      { signal: controller.signal, onProgress: (p) => progress.update(p) },
    );
    progress.end();
    const adaptation = { steps: result.steps, seconds: round(result.seconds, 1), trainLoss: result.trainLoss, baseValLoss: result.baseValLoss, valLoss: result.valLoss, heldOut, onnxBytes: result.onnxBytes };
    const configText = enrolledVoiceConfig(BUNDLED_VOICE_CONFIG, name, { created, takes: record.takes, speechSeconds: record.speechSeconds, adaptation });
    writePrivateFile(`${outOnnx}.json`, configText);
    controller.signal.throwIfAborted();
    installVoice(o.voicesDir, name, outOnnx, configText);
    writeEnrollment(o.stateDir, { ...record, adaptation });
    const summary = { name, created, takes: record.takes, skipped: set.skipped.length, speechSeconds: record.speechSeconds, ...adaptation, voicesDir: o.voicesDir };
    if (o.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      process.stdout.write(
        `enrolled voice '${name}' into ${o.voicesDir}: ${record.takes} takes, ${record.speechSeconds} s of speech; ${adaptation.steps} steps in ${adaptation.seconds} s; ` +
          `held-out loss ${loss(adaptation.baseValLoss)} (base) -> ${loss(adaptation.valLoss)}; train loss ${loss(adaptation.trainLoss)}\n`,
      );
    return 0;
  } catch (err) {
    progress.end();
    const code = fail(controller.signal.aborted ? controller.signal.reason : err);
    if (storedAt) say(`the checked takes are kept in ${storedAt}; 'herald enroll --delete ${name}' removes them`);
    return code;
  } finally {
    process.off('SIGINT', onSigint);
    espeak.stop();
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

// --lang, else the default voice's language, else US English.
function languageOf(o: EnrollOptions): { lang: string; espeakVoice: string } {
  if (o.lang) return { lang: o.lang, espeakVoice: languageRules(o.lang).espeakVoice };
  const info = discoverVoices(o.voicesDir).voices.find((v) => v.name === o.defaultVoice);
  return info ? { lang: info.language, espeakVoice: info.espeakVoice } : { lang: 'en-us', espeakVoice: 'en-us' };
}

function fail(err: unknown): number {
  if (err instanceof AdaptCancelled) {
    process.stderr.write('herald enroll: interrupted; nothing was installed\n');
    return 130;
  }
  if (err instanceof EnrollError) {
    process.stderr.write(`herald enroll: ${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(`herald enroll: ${(err as Error)?.message ?? String(err)}\n`);
  return 1;
}

function count(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new EnrollError(`${flag} must be a whole number of at least ${min}, not '${value}'`);
  return n;
}

function number(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new EnrollError(`${flag} must be a positive number, not '${value}'`);
  return n;
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

function loss(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}
