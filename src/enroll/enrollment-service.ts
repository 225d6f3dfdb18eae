import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { EspeakHost } from '../text/espeak-host.ts';
import type { AdaptProgress } from './adapt-protocol.ts';
import { AdaptCancelled } from './adapter.ts';
import { EnrollError } from './enroll-error.ts';
import { DEFAULT_MINUTES, DEFAULT_STEPS, enrollVoice, type EnrollSummary } from './enroll-voice.ts';
import { readEnrollment } from './enrolled.ts';
import { MIN_USABLE_TAKES } from './prepare-takes.ts';
import { enrollDir } from './private-files.ts';
import { CONSENT_TAKE_ID, PROMPTS } from './prompts.ts';
import { describeProblems, recordPrompt } from './record-prompt.ts';
import { acceptedTakeIds, emptyProgress, keepTake, readRecording, recordedDataset, type RecordingProgress } from './recording-store.ts';
import { checkNewVoiceName, voiceNameProblem } from './voice-name.ts';

// herald/<id>/request/enroll: {action, name} (+ steps, minutes for finish).
// Unknown keys (the transaction) pass; the action and name must be right.
const requestSchema = z.object({
  action: z.enum(['start', 'record', 'finish', 'status', 'cancel']),
  name: z.string(),
  steps: z.number().int().min(1).optional(),
  minutes: z.number().positive().optional(),
});

export type EnrollRequest = z.infer<typeof requestSchema>;

// What herald/<id>/enroll/<name> carries while a voice is made.
export type EnrollEvent =
  | ({ event: 'progress' } & AdaptProgress)
  | ({ event: 'done' } & Omit<EnrollSummary, 'name' | 'created'>)
  | { event: 'failed'; reason: string };

export interface EnrollmentParts {
  voicesDir: string;
  stateDir: string;
  captureDevice: string;
  defaultVoice: string;
  espeak: EspeakHost;
  log: Logger;
  publish: (name: string, event: EnrollEvent) => void;
  // Loads the voices again (the new one among them) and re-publishes the status.
  reloadVoices: () => Promise<void>;
}

interface Busy {
  name: string;
  what: 'recording' | 'adapting';
  controller: AbortController;
  done: Promise<unknown>;
  last?: AdaptProgress;
}

// Enrollment by recording for a device without a keyboard: the daemon's
// side of request/enroll. One enrollment works at a time (one microphone,
// and adaptation wants the CPU the announcements leave); its takes and
// progress are the same files `herald enroll NAME` keeps, so either can
// continue what the other began. Nothing it answers, publishes or logs at
// info holds a path or a recording; the prompts are Herald's own text.
export class EnrollmentService {
  private started = new Set<string>();
  private busy?: Busy;
  private outcomes = new Map<string, { state: 'done' | 'failed'; detail: object }>();

  constructor(private readonly p: EnrollmentParts) {}

  async handle(data: Record<string, unknown>): Promise<object> {
    const parsed = requestSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`enroll needs {action: 'start'|'record'|'finish'|'status'|'cancel', name}: ${issue.path.join('.') || 'payload'}: ${issue.message}`);
    }
    const request = parsed.data;
    const problem = voiceNameProblem(request.name);
    if (problem) throw new Error(problem);
    switch (request.action) {
      case 'start':
        return this.start(request.name);
      case 'record':
        return this.record(request.name);
      case 'finish':
        return this.finish(request);
      case 'status':
        return this.status(request.name);
      case 'cancel':
        return this.cancel(request.name);
    }
  }

  private start(name: string): object {
    checkNewVoiceName(name, this.p.voicesDir);
    if (this.busy && this.busy.name !== name) throw new Error(`enrollment of '${this.busy.name}' is ${this.busy.what}; wait or cancel it first`);
    const progress = readRecording(this.p.stateDir, name) ?? emptyProgress();
    this.started.add(name);
    this.outcomes.delete(name);
    this.p.log.info({ voice: name, next: progress.next }, 'enrollment started');
    return { name, prompts: PROMPTS.map((text, index) => ({ index, text })), ...recorded(progress) };
  }

  private async record(name: string): Promise<object> {
    this.mustBeStarted(name);
    if (this.busy) throw new Error(this.busy.name === name && this.busy.what === 'recording' ? 'a take is being recorded already' : `enrollment of '${this.busy.name}' is ${this.busy.what}`);
    let progress = readRecording(this.p.stateDir, name) ?? emptyProgress();
    const index = progress.next;
    if (index >= PROMPTS.length) throw new Error(`every prompt is recorded; send finish`);
    const controller = new AbortController();
    const taking = recordPrompt(PROMPTS[index], { device: this.p.captureDevice, signal: controller.signal });
    this.busy = { name, what: 'recording', controller, done: taking.catch(() => {}) };
    try {
      const take = await taking;
      const kept = take.check.problems.length === 0;
      if (kept) progress = keepTake(this.p.stateDir, name, progress, { index, transcript: PROMPTS[index], audio: take.source, rate: take.sourceRate });
      this.p.log.info({ voice: name, index, kept, problems: take.check.problems.map((p) => p.code) }, 'enrollment take recorded');
      const c = take.check;
      return {
        name,
        index,
        kept,
        problems: c.problems,
        ...(kept ? {} : { advice: `record prompt ${index + 1} again: ${describeProblems(c)}` }),
        checks: { seconds: round(c.seconds), trimmedSeconds: round(c.trimmedSeconds), speechDbfs: round(c.speechDbfs), speechFraction: round(c.speechFraction), clippedFraction: c.clippedFraction },
        level: { peakDbfs: round(peakDbfs(take.source)), speechDbfs: round(c.speechDbfs) },
        ...recorded(progress),
      };
    } catch (err) {
      if (controller.signal.aborted) throw new Error('the recording was cancelled');
      throw err;
    } finally {
      this.busy = undefined;
    }
  }

  private finish(request: EnrollRequest): object {
    const { name } = request;
    this.mustBeStarted(name);
    if (this.busy) throw new Error(`enrollment of '${this.busy.name}' is ${this.busy.what}`);
    checkNewVoiceName(name, this.p.voicesDir);
    const progress = readRecording(this.p.stateDir, name) ?? emptyProgress();
    if (!progress.takes.some((t) => t.id === CONSENT_TAKE_ID)) throw new Error('the consent sentence (prompt index 0) is not recorded yet');
    if (progress.takes.length < MIN_USABLE_TAKES) throw new Error(`${progress.takes.length} take(s) recorded; at least ${MIN_USABLE_TAKES} (and 20 s of speech) are needed`);
    const controller = new AbortController();
    const busy: Busy = { name, what: 'adapting', controller, done: Promise.resolve() };
    busy.done = this.adapt(name, progress, request, busy);
    this.busy = busy;
    this.outcomes.delete(name);
    this.p.log.info({ voice: name, takes: progress.takes.length }, 'enrollment adaptation started');
    return { name, adapting: true, takes: progress.takes.length, events: `enroll/${name}` };
  }

  // Runs after finish has answered; its end is an event, never a throw.
  private async adapt(name: string, progress: RecordingProgress, request: EnrollRequest, busy: Busy): Promise<void> {
    try {
      const summary = await enrollVoice(
        { name, dataset: recordedDataset(this.p.stateDir, name, progress), source: 'recording', consentTake: CONSENT_TAKE_ID, accepted: acceptedTakeIds(progress) },
        {
          voicesDir: this.p.voicesDir,
          stateDir: this.p.stateDir,
          defaultVoice: this.p.defaultVoice,
          steps: request.steps ?? DEFAULT_STEPS,
          minutes: request.minutes ?? DEFAULT_MINUTES,
          // One core is left to speech; nice 19 does the rest (low-priority.ts).
          threads: Math.max(1, availableParallelism() - 1),
        },
        {
          espeak: this.p.espeak,
          signal: busy.controller.signal,
          say: (line) => this.p.log.debug({ voice: name }, line),
          onProgress: (p) => {
            busy.last = p;
            this.p.publish(name, { event: 'progress', ...p });
          },
        },
      );
      const { name: _name, created: _created, ...figures } = summary;
      this.outcomes.set(name, { state: 'done', detail: figures });
      this.busy = undefined;
      await this.p.reloadVoices();
      this.p.log.info({ voice: name, ...figures }, 'enrollment done; voice installed');
      this.p.publish(name, { event: 'done', ...figures });
    } catch (err) {
      const reason = busy.controller.signal.aborted || err instanceof AdaptCancelled ? 'cancelled' : withoutPaths((err as Error).message);
      this.outcomes.set(name, { state: 'failed', detail: { reason } });
      this.p.log.warn({ voice: name, reason }, 'enrollment failed; nothing installed');
      this.p.publish(name, { event: 'failed', reason });
    } finally {
      if (this.busy === busy) this.busy = undefined;
    }
  }

  private status(name: string): object {
    const progress = safeRecording(this.p.stateDir, name);
    const base = { name, prompts: PROMPTS.length, ...recorded(progress ?? emptyProgress()) };
    if (this.busy?.name === name) return { ...base, state: this.busy.what, ...(this.busy.last ? { progress: this.busy.last } : {}) };
    const outcome = this.outcomes.get(name);
    if (outcome) return { ...base, state: outcome.state, ...outcome.detail };
    if (this.installed(name)) return { ...base, state: 'installed' };
    if (progress || this.started.has(name)) return { ...base, state: 'recording' };
    return { ...base, state: 'none' };
  }

  private async cancel(name: string): Promise<object> {
    if (this.busy?.name === name) {
      const busy = this.busy;
      busy.controller.abort(new AdaptCancelled('cancelled'));
      await busy.done;
    }
    if (this.installed(name)) throw new Error(`voice '${name}' is installed; voice-delete removes it`);
    const dir = enrollDir(this.p.stateDir, name);
    const removed = existsSync(dir);
    rmSync(dir, { recursive: true, force: true });
    this.started.delete(name);
    this.outcomes.delete(name);
    this.p.log.info({ voice: name, removed }, 'enrollment cancelled');
    return { name, cancelled: true, removed };
  }

  // Stops a recording or an adaptation in flight (the daemon is stopping).
  async close(): Promise<void> {
    const busy = this.busy;
    if (!busy) return;
    busy.controller.abort(new AdaptCancelled('the daemon is stopping'));
    await busy.done;
  }

  private mustBeStarted(name: string): void {
    if (!this.started.has(name)) throw new Error(`no enrollment of '${name}' is started; send {action: 'start', name: '${name}'} first`);
  }

  private installed(name: string): boolean {
    return !!readEnrollment(this.p.stateDir, name)?.adaptation && existsSync(join(this.p.voicesDir, `${name}.onnx`));
  }
}

function recorded(progress: RecordingProgress) {
  return { recorded: progress.takes.map((t) => t.index), skipped: progress.skipped, next: progress.next < PROMPTS.length ? progress.next : null };
}

function safeRecording(stateDir: string, name: string): RecordingProgress | undefined {
  try {
    return readRecording(stateDir, name);
  } catch (err) {
    if (err instanceof EnrollError) return undefined;
    throw err;
  }
}

// Failure reasons go over MQTT and into the log: an absolute path in one
// (a base model's, a take's) says where a person's recordings live.
export function withoutPaths(message: string): string {
  return message.replace(/(^|[\s('"=])\/[^\s'",;)]+/g, '$1<path>');
}

function peakDbfs(x: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]));
  return peak > 0 ? 20 * Math.log10(peak) : -Infinity;
}

function round(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toFixed(2)) : null;
}
