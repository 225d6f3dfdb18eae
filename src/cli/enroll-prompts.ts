import { createInterface, type Interface } from 'node:readline/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnrollError } from '../enroll/enroll-error.ts';
import { keepable } from '../enroll/prepare-takes.ts';
import { PROMPTS } from '../enroll/prompts.ts';
import { describeProblems, recordPrompt, type PromptTake } from '../enroll/record-prompt.ts';
import { emptyProgress, keepTake, readRecording, recordingDir, skipPrompt, type RecordingProgress } from '../enroll/recording-store.ts';
import { meterLine } from './level-meter.ts';

export interface PromptSession {
  name: string;
  stateDir: string;
  device: string;
  // Non-TTY: how many times a take with problems is recorded again before its prompt is skipped.
  retries: number;
  signal: AbortSignal;
}

// Between the count-in's numbers: a reader's pace.
const COUNT_IN_MS = 700;
// The meter is redrawn at most this often; faster only costs CPU.
const METER_MS = 100;

// Reads the prompt script with the speaker, from the first prompt not yet
// done (an interrupted enrollment goes on where it stopped), keeping each
// accepted take on disk at once. On a terminal: a count-in, a level meter,
// Enter to end a take, and a choice when a take has problems. Without one
// (a script, a test): no questions; a take with problems is recorded again
// up to `retries` times, then its prompt is skipped, except the consent
// sentence, without which there is no enrollment.
export async function recordPrompts(s: PromptSession): Promise<RecordingProgress> {
  const tty = !!process.stdin.isTTY && !!process.stderr.isTTY;
  const say = (line: string) => process.stderr.write(`herald enroll: ${line}\n`);
  let progress = readRecording(s.stateDir, s.name) ?? emptyProgress();
  if (progress.next >= PROMPTS.length) {
    say(`all ${PROMPTS.length} prompts of '${s.name}' are recorded (${progress.takes.length} take(s) kept); going on to adaptation`);
    return progress;
  }
  if (progress.next > 0) say(`continuing the recording of '${s.name}' from prompt ${progress.next + 1} of ${PROMPTS.length} (${progress.takes.length} take(s) kept so far)`);
  const rl = tty ? createInterface({ input: process.stdin, output: process.stderr, terminal: false }) : undefined;
  try {
    for (let index = progress.next; index < PROMPTS.length; index++) {
      const text = PROMPTS[index];
      process.stderr.write(`\nprompt ${index + 1} of ${PROMPTS.length}${index === 0 ? ' (your consent: read it only if you agree)' : ''}:\n\n    ${text}\n\n`);
      for (let attempt = 0; ; attempt++) {
        const take = await recordOnce(text, s, rl);
        if (!take.check.problems.length) {
          progress = keepTake(s.stateDir, s.name, progress, { index, transcript: text, audio: take.source, rate: take.sourceRate });
          say(`prompt ${index + 1} kept (${take.check.trimmedSeconds.toFixed(1)} s, speech at ${take.check.speechDbfs.toFixed(1)} dBFS)`);
          break;
        }
        say(`prompt ${index + 1}: the take has problems: ${describeProblems(take.check)}`);
        const choice = rl ? await ask(rl, index > 0 && keepable(take.check.problems), s.signal) : attempt < s.retries ? 'r' : 'skip';
        if (choice === 'q') throw new EnrollError(`stopped; ${progress.takes.length} take(s) are kept in ${recordingDir(s.stateDir, s.name)}: 'herald enroll ${s.name}' continues`, 1);
        if (choice === 'k') {
          progress = keepTake(s.stateDir, s.name, progress, { index, transcript: text, audio: take.source, rate: take.sourceRate, acceptedProblems: take.check.problems.map((p) => p.code) });
          say(`prompt ${index + 1} kept as it is`);
          break;
        }
        if (choice === 'r') {
          if (!rl) say(`recording prompt ${index + 1} again (${attempt + 1} of ${s.retries})`);
          continue;
        }
        if (index === 0) throw new EnrollError(`the consent sentence was not recorded cleanly in ${attempt + 1} tries; nothing is enrolled without it`, 1);
        progress = skipPrompt(s.stateDir, s.name, progress, index);
        say(`prompt ${index + 1} skipped after ${attempt + 1} tries`);
        break;
      }
    }
    return progress;
  } finally {
    rl?.close();
  }
}

async function recordOnce(text: string, s: PromptSession, rl: Interface | undefined): Promise<PromptTake> {
  if (!rl) {
    process.stderr.write('recording…\n');
    return recordPrompt(text, { device: s.device, signal: s.signal });
  }
  for (const n of ['3', '2', '1']) {
    process.stderr.write(`\r\x1b[K${n}…`);
    await sleep(COUNT_IN_MS, undefined, { signal: s.signal });
  }
  process.stderr.write('\r\x1b[Kspeak now (Enter ends the take)\n');
  let lastDraw = 0;
  let stop: (() => void) | undefined;
  const onLine = () => stop?.();
  rl.on('line', onLine);
  try {
    return await recordPrompt(text, {
      device: s.device,
      signal: s.signal,
      onStopper: (fn) => (stop = fn),
      onLevel: (db) => {
        const now = Date.now();
        if (now - lastDraw < METER_MS) return;
        lastDraw = now;
        process.stderr.write(`\r\x1b[K${meterLine(db)}`);
      },
    });
  } finally {
    rl.off('line', onLine);
    process.stderr.write('\r\x1b[K');
  }
}

// r: record again, k: keep anyway (not offered for a problem adaptation cannot use, nor for consent), q: quit.
async function ask(rl: Interface, canKeep: boolean, signal: AbortSignal): Promise<'r' | 'k' | 'q'> {
  const options = canKeep ? '[r]ecord again, [k]eep anyway, [q]uit' : '[r]ecord again, [q]uit';
  for (;;) {
    const answer = (await rl.question(`${options}? `, { signal })).trim().toLowerCase();
    if (answer === 'r' || answer === '' || answer === 'q' || (answer === 'k' && canKeep)) return answer === '' ? 'r' : (answer as 'r' | 'k' | 'q');
  }
}
