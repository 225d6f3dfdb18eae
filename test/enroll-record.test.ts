// Enrollment by recording through the real CLI (node bin/herald.js enroll
// NAME, compiled dist/): real arecord (through node-record-lpcm16) on a real
// ALSA capture PCM, the `file` plugin reading a FIFO that a test microphone
// feeds take by take (helpers/mic-fifo.ts), real adaptation of the shipped
// base model. No terminal: no questions, retries, then skips.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import wavefile from 'wavefile';
import { CONSENT_SENTENCE, PROMPTS } from '../src/enroll/prompts.ts';
import { readTakeWav } from '../src/enroll/wav-read.ts';
import { discoverVoices } from '../src/voices/discover.ts';
import { enrollSetup, startHerald, type EnrollSetup } from './helpers/enroll-cli.ts';
import { startMicFifo, type MicFifo } from './helpers/mic-fifo.ts';
import { speechLike } from './helpers/speech-like.ts';

// The base model shipped in the repository (scripts/train-voice/run-base.sh).
const BASE = fileURLToPath(new URL('../models/base/herald-base.pt', import.meta.url));
const haveBase = existsSync(BASE);
const haveFestival = spawnSync('/bin/sh', ['-c', 'command -v text2wave']).status === 0;

let root: string;
let setup: EnrollSetup;
let mic: MicFifo;
let alsaConfig: string;
let env: Record<string, string>;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'herald-enroll-record-'));
  setup = enrollSetup(join(root, 'home'));
  mic = await startMicFifo(root, '!default');
  alsaConfig = join(root, 'asound.conf');
  writeFileSync(alsaConfig, mic.alsaConfig);
  env = { ALSA_CONFIG_PATH: alsaConfig, HERALD_ENROLL_BASE: BASE };
});
after(async () => {
  await mic?.stop();
  rmSync(root, { recursive: true, force: true });
});

// A take as a speaker gives it: 3 s of syllables at about -20 dBFS.
const good = () => speechLike(3)[0];
// The same 30 dB down: speech at about -50 dBFS, under the checks' -40.
const quiet = () => speechLike(3, { amplitude: 0.3 / 10 ** (30 / 20) })[0];

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('the emulated capture device', () => {
  test('arecord -D default reads what the test microphone is given, sample for sample', { skip: haveFestival ? false : 'text2wave (festival) is not installed' }, async () => {
    const wav = join(root, 'kal.wav');
    execFileSync('text2wave', ['-eval', '(voice_kal_diphone)', '-o', wav], { input: 'I agree that this device may learn and speak in my voice.\n', timeout: 60_000 });
    const speech = readTakeWav(wav).mono;
    const opened = mic.opened();
    mic.serve(speech);
    const out = join(root, 'arecord.wav');
    execFileSync('arecord', ['-q', '-D', 'default', '-f', 'S16_LE', '-r', '22050', '-c', '1', '-d', '1', out], { env: { ...process.env, ALSA_CONFIG_PATH: alsaConfig }, timeout: 20_000 });
    // (Counted once this test's event loop runs again: execFileSync held it.)
    await mic.waitOpened(opened + 1, 5000);
    const got = new wavefile.WaveFile(readFileSync(out)).getSamples(false, Int16Array) as unknown as Int16Array;
    assert.equal(got.length, 22050, 'one second at 22050 Hz');
    const want = Int16Array.from(speech.subarray(0, 22050), (x) => Math.max(-32768, Math.min(32767, Math.round(x * 32767))));
    assert.deepEqual(Array.from(got), Array.from(want));
    assert.ok(want.some((x) => Math.abs(x) > 1000), 'festival spoke within the first second');
  });
});


describe('herald enroll NAME (recording, no terminal)', { skip: !haveBase ? `no base model at ${BASE}` : false }, () => {
  test('a quiet take is recorded again or skipped; Ctrl-C keeps what was recorded; the next run continues and installs the voice', async () => {
    const recording = join(setup.stateDir, 'enroll', 'alice', 'recording');
    // Prompt 1 and 3 good; prompt 2 quiet, then good on the retry; prompt 4
    // quiet three times (once and --retries 2): skipped. Nothing for prompt 5.
    for (const take of [good(), quiet(), good(), good(), quiet(), quiet(), quiet()]) mic.serve(take);
    const opened = mic.opened();
    const first = startHerald(setup, ['enroll', 'alice', '--steps', '3'], { env });
    // Seven takes heard; then prompt 5 waits for a speaker who does not come.
    await mic.waitOpened(opened + 7, 60_000);
    await first.waitForStderr(/prompt 5 of 20/, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    first.child.kill('SIGINT');
    const run1 = await first.done;
    assert.equal(run1.code, 130, run1.stderr);
    assert.match(run1.stderr, /prompt 2: the take has problems: too-quiet \(speech at -5\d\.\d dBFS \(at least -40 dBFS\)\)/);
    assert.match(run1.stderr, /recording prompt 2 again \(1 of 2\)/);
    assert.match(run1.stderr, /prompt 2 kept/);
    assert.match(run1.stderr, /recording prompt 4 again \(2 of 2\)/);
    assert.match(run1.stderr, /prompt 4 skipped after 3 tries/);
    assert.match(run1.stderr, /interrupted; nothing was installed/);
    assert.match(run1.stderr, /3 of 20 prompt\(s\) recorded and kept in .*; 'herald enroll alice' continues from prompt 5/);
    assert.equal(mic.opened(), opened + 7, 'one opening of the microphone per take');

    const progress = JSON.parse(readFileSync(join(recording, 'progress.json'), 'utf8'));
    assert.equal(progress.next, 4);
    assert.deepEqual(progress.takes.map((t: { index: number }) => t.index), [0, 1, 2]);
    assert.deepEqual(progress.skipped, [3]);
    assert.equal(progress.takes[0].transcript, CONSENT_SENTENCE);
    assert.deepEqual(readdirSync(recording).sort(), ['progress.json', 'prompt-01.wav', 'prompt-02.wav', 'prompt-03.wav']);
    for (const f of readdirSync(recording)) assert.equal(mode(join(recording, f)), 0o600, `${f} is owner-only`);
    assert.equal(mode(recording), 0o700);
    assert.ok(!existsSync(join(setup.voicesDir, 'alice.onnx')), 'nothing installed');

    // The rest of the prompts, and the run again: it continues at prompt 5.
    for (let i = 4; i < PROMPTS.length; i++) mic.serve(good());
    const second = startHerald(setup, ['enroll', 'alice', '--steps', '3', '--json'], { env });
    const run2 = await second.done;
    assert.equal(run2.code, 0, run2.stderr);
    assert.match(run2.stderr, /continuing the recording of 'alice' from prompt 5 of 20 \(3 take\(s\) kept so far\)/);
    assert.doesNotMatch(run2.stderr, /prompt 1 of 20/, 'the recorded prompts are not asked for again');
    const summary = JSON.parse(run2.stdout);
    assert.equal(summary.name, 'alice');
    assert.equal(summary.source, 'recording');
    assert.equal(summary.takes, PROMPTS.length - 1);
    assert.equal(summary.steps, 3);

    const voice = discoverVoices(setup.voicesDir).voices.find((v) => v.name === 'alice');
    assert.ok(voice, 'alice is installed');
    const enrolled = JSON.parse(readFileSync(join(setup.stateDir, 'enroll', 'alice', 'enrolled.json'), 'utf8'));
    assert.equal(enrolled.source, 'recording');
    assert.equal(enrolled.consentTake, 'prompt-01');
    assert.equal(enrolled.takes, PROMPTS.length - 1);
    assert.equal(enrolled.adaptation.steps, 3);
    const consent = join(setup.stateDir, 'enroll', 'alice', 'takes', 'prompt-01.wav');
    assert.ok(existsSync(consent), 'the consent take is kept with the voice');
    assert.equal(mode(consent), 0o600);
    assert.ok(!existsSync(recording), 'the raw recordings go once the voice is installed');
    assert.ok(run2.stderr.includes(`prompt 20 of 20:\n\n    ${PROMPTS[19]}`), 'each prompt is shown before it is recorded');
  });
});

const PTY_RUN = fileURLToPath(new URL('./helpers/pty-run.py', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/herald.js', import.meta.url));

describe('herald enroll NAME on a terminal', { skip: !haveBase ? `no base model at ${BASE}` : false }, () => {
  test('count-in and meter; a take with problems is named and the speaker chooses: record again, keep anyway; Ctrl-C', async () => {
    // Prompt 1 quiet, then good; prompt 2 quiet (kept anyway); prompt 3: nobody speaks.
    for (const take of [quiet(), good(), quiet()]) mic.serve(take);
    const opened = mic.opened();
    const spec = {
      argv: [process.execPath, BIN, 'enroll', 'tina', '--config', setup.configPath],
      env: { ...env, HOME: setup.dir },
      timeout: 60,
      script: [
        ['[r]ecord again, [q]uit? ', 'r\n'],
        ['[r]ecord again, [k]eep anyway, [q]uit? ', 'k\n'],
        ['prompt 3 of 20', ''],
        ['speak now', '\u0003'],
      ],
    };
    const run = await new Promise<{ output: string; code: number }>((resolve, reject) =>
      execFile('/usr/bin/python3', [PTY_RUN, JSON.stringify(spec)], { cwd: setup.dir, timeout: 90_000 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout)))),
    );
    const text = run.output.replace(/\r/g, '');
    assert.equal(run.code, 130, text);
    assert.match(text, /3…\x1b\[K2…\x1b\[K1…\x1b\[Kspeak now \(Enter ends the take\)/);
    assert.match(text, /level \[[#.]{30}\] +(-?\d+|-∞) dBFS/);
    assert.match(text, /prompt 1: the take has problems: too-quiet/);
    assert.doesNotMatch(text.split('prompt 2 of 20')[0], /\[k\]eep anyway/, 'the consent take cannot be kept with problems');
    assert.match(text, /prompt 2 kept as it is/);
    assert.match(text, /interrupted; nothing was installed/);
    assert.equal(mic.opened(), opened + 3);
    const progress = JSON.parse(readFileSync(join(setup.stateDir, 'enroll', 'tina', 'recording', 'progress.json'), 'utf8'));
    assert.deepEqual(progress.takes.map((t: { index: number; acceptedProblems: string[] }) => [t.index, t.acceptedProblems]), [[0, []], [1, ['too-quiet']]]);
  });
});

describe('herald enroll NAME refuses before recording', () => {
  test('without a base model: one error, and the microphone is never opened', async () => {
    mkdirSync(join(root, 'empty'), { recursive: true });
    const opened = mic.opened();
    const run = await startHerald(setup, ['enroll', 'bob'], { env: { ...env, HERALD_ENROLL_BASE: join(root, 'empty', 'none.pt') } }).done;
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no base model at .*none\.pt: train it with scripts\/train-voice\/run-base\.sh/);
    assert.equal(mic.opened(), opened);
    assert.ok(!existsSync(join(setup.stateDir, 'enroll', 'bob')));
  });
});
