import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { AdaptCancelled } from '../enroll/adapter.ts';
import { readDataset } from '../enroll/dataset.ts';
import { deleteEnrolledVoice } from '../enroll/delete-voice.ts';
import { EnrollError } from '../enroll/enroll-error.ts';
import { DEFAULT_MINUTES, DEFAULT_STEPS, enrollVoice, storedTakesExist, type EnrollInput, type EnrollSettings } from '../enroll/enroll-voice.ts';
import { enrollDir } from '../enroll/private-files.ts';
import { progressReporter } from '../enroll/progress.ts';
import { CONSENT_TAKE_ID, PROMPTS } from '../enroll/prompts.ts';
import { acceptedTakeIds, readRecording, recordedDataset, recordingDir } from '../enroll/recording-store.ts';
import { baseModelPath, BASE_MODEL_HINT } from '../enroll/repo-files.ts';
import { checkNewVoiceName } from '../enroll/voice-name.ts';
import { EspeakHost } from '../text/espeak-host.ts';
import { recordPrompts } from './enroll-prompts.ts';

const USAGE =
  'usage: herald enroll NAME [--from DIR] [--retries N] [--lang L] [--steps N] [--minutes M] [--threads N] [--held-out N] [--json]\n' +
  '       herald enroll --delete NAME\n' +
  '       (without --from: record the prompt script through audio.captureDevice)\n';

// Without a terminal, a take with problems is recorded again this many times.
const DEFAULT_RETRIES = 2;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      from: { type: 'string' },
      delete: { type: 'string' },
      retries: { type: 'string' },
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
    if (!name || extra.length) throw new EnrollError(USAGE.trimEnd());
    if (values.from && values.retries !== undefined) throw new EnrollError('--retries is for recording, not with --from');
    const settings: EnrollSettings = {
      ...dirs,
      lang: values.lang,
      defaultVoice: config.voices.default,
      steps: count('--steps', values.steps, DEFAULT_STEPS, 1),
      minutes: number('--minutes', values.minutes, DEFAULT_MINUTES),
      threads: count('--threads', values.threads, availableParallelism(), 1),
      heldOut: values['held-out'] === undefined ? undefined : count('--held-out', values['held-out'], 0, 0),
    };
    const retries = count('--retries', values.retries, DEFAULT_RETRIES, 0);
    return await run(name, settings, !!values.json, (signal) => (values.from ? fromDirectory(name, values.from) : byRecording(name, settings, config.audio.captureDevice, retries, signal)));
  } catch (err) {
    return fail(err);
  }
}

// Takes listed in DIR (LJSpeech layout).
async function fromDirectory(name: string, from: string): Promise<EnrollInput> {
  return { name, dataset: readDataset(from), source: 'files', consentTake: null };
}

// Takes recorded now, prompt by prompt, or kept from an interrupted run.
async function byRecording(name: string, settings: EnrollSettings, device: string, retries: number, signal: AbortSignal): Promise<EnrollInput> {
  // Everything that would stop the run afterwards is checked before a minute of reading.
  if (!existsSync(settings.voicesDir)) throw new EnrollError(`voices.dir ${settings.voicesDir} does not exist`, 1);
  checkNewVoiceName(name, settings.voicesDir);
  if (!existsSync(baseModelPath())) throw new EnrollError(`no base model at ${baseModelPath()}: train it with ${BASE_MODEL_HINT}`, 1);
  try {
    const progress = await recordPrompts({ name, stateDir: settings.stateDir, device, retries, signal });
    if (!progress.takes.some((t) => t.id === CONSENT_TAKE_ID)) throw new EnrollError('the consent sentence (prompt 1) is not recorded', 1);
    return { name, dataset: recordedDataset(settings.stateDir, name, progress), source: 'recording', consentTake: CONSENT_TAKE_ID, accepted: acceptedTakeIds(progress) };
  } catch (err) {
    const done = safeProgress(settings.stateDir, name);
    if (done) process.stderr.write(`herald enroll: ${done.takes.length} of ${PROMPTS.length} prompt(s) recorded and kept in ${recordingDir(settings.stateDir, name)}; 'herald enroll ${name}' continues from prompt ${Math.min(done.next, PROMPTS.length - 1) + 1}\n`);
    throw err;
  }
}

async function run(name: string, settings: EnrollSettings, json: boolean, takesOf: (signal: AbortSignal) => Promise<EnrollInput>): Promise<number> {
  const say = (line: string) => process.stderr.write(`herald enroll: ${line}\n`);
  // Ctrl-C stops whatever runs (arecord or the Python process is killed) and cleans up.
  const controller = new AbortController();
  const onSigint = () => controller.abort(new AdaptCancelled('interrupted'));
  process.on('SIGINT', onSigint);
  const espeak = new EspeakHost();
  const progress = progressReporter(process.stderr);
  try {
    const input = await takesOf(controller.signal);
    const summary = await enrollVoice(input, settings, {
      espeak,
      signal: controller.signal,
      say,
      onSkip: (s) => say(`take ${s.id} skipped: ${s.problems.map((p) => `${p.code} (${p.detail})`).join(', ')}`),
      afterPrepare: () => espeak.stop(),
      onProgress: (p) => progress.update(p),
    });
    progress.end();
    if (json) process.stdout.write(`${JSON.stringify({ ...summary, source: input.source, voicesDir: settings.voicesDir })}\n`);
    else
      process.stdout.write(
        `enrolled voice '${name}' into ${settings.voicesDir}: ${summary.takes} takes, ${summary.speechSeconds} s of speech; ${summary.steps} steps in ${summary.seconds} s; ` +
          `held-out loss ${loss(summary.baseValLoss)} (base) -> ${loss(summary.valLoss)}; train loss ${loss(summary.trainLoss)}\n`,
      );
    return 0;
  } catch (err) {
    progress.end();
    const code = fail(controller.signal.aborted ? controller.signal.reason : err);
    if (storedTakesExist(settings.stateDir, name)) say(`the checked takes are kept in ${enrollDir(settings.stateDir, name)}; 'herald enroll --delete ${name}' removes them`);
    return code;
  } finally {
    process.off('SIGINT', onSigint);
    espeak.stop();
  }
}

function safeProgress(stateDir: string, name: string) {
  try {
    return readRecording(stateDir, name);
  } catch {
    return undefined;
  }
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

function loss(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}
