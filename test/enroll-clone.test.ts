// The whole of enrollment, as a user runs it: festival's `kal` (a speaker the
// shipped base never heard: scripts/train-voice/speakers.py) reads a dozen
// sentences into an LJSpeech directory, `herald enroll` adapts the real base
// model (models/base/herald-base.pt) in the real Python process with a small
// step budget, and the new voice is installed, listed and spoken by `herald say`.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { enrollSetup, type EnrollSetup } from './helpers/enroll-cli.ts';

const BIN = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
const BASE = fileURLToPath(new URL('../models/base/herald-base.pt', import.meta.url));

// Announcement-like sentences of everyday English; none is a Harvard sentence
// (those are evaluate-clone's unseen test set).
const SENTENCES = [
  'The next train to the airport leaves from platform four in ten minutes.',
  'Please keep your belongings with you at all times.',
  'The museum will close in fifteen minutes, thank you for visiting.',
  'Passengers for the last bus should go to bay number seven.',
  'We are sorry for the delay to this service this morning.',
  'A blue umbrella has been left at the information desk.',
  'Smoking is not permitted anywhere on this train.',
  'The lift on the north side of the building is out of order.',
  'Would the owner of the white van please return to the car park.',
  'Doors will open for the evening concert at half past six.',
  'Customers are reminded that the shop closes early on Sundays.',
  'The meeting has moved to the second floor, room twelve.',
];

function installed(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const haveKal = installed('festival', ['-b', '(voice_kal_diphone)']);
const haveTorch = installed('/usr/bin/python3', ['-c', 'import torch, scipy']);
const skip = !haveKal ? "festival with festvox-kallpc16k is not installed (scripts/setup.sh --test installs it)" : !haveTorch ? 'python3-torch / python3-scipy are not installed (scripts/setup.sh --enroll)' : false;

function run(setup: EnrollSetup, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args, '--config', setup.configPath], { cwd: setup.dir, timeout: timeoutMs, env: { ...process.env, HOME: setup.dir } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

describe('enrollment from files, end to end', { skip }, () => {
  let setup: EnrollSetup;
  let lj: string;

  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-enroll-clone-'));
    setup = enrollSetup(dir);
    lj = join(dir, 'kal');
    mkdirSync(join(lj, 'wavs'), { recursive: true });
    const scm = SENTENCES.map((s, i) => `(utt.save.wave (SynthText "${s}") "${join(lj, 'wavs', `kal${i}.wav`)}" 'riff)`).join('\n');
    writeFileSync(join(dir, 'kal.scm'), `(voice_kal_diphone)\n${scm}\n`);
    execFileSync('festival', ['-b', join(dir, 'kal.scm')], { stdio: 'ignore' });
    writeFileSync(join(lj, 'metadata.csv'), SENTENCES.map((s, i) => `kal${i}|${s}\n`).join(''));
  });

  after(() => rmSync(setup.dir, { recursive: true, force: true }));

  test('the shipped base model is in the repository', () => {
    assert.ok(existsSync(BASE), `${BASE} is missing: scripts/train-voice/run-base.sh makes it`);
  });

  test('kal is enrolled, gets closer than the base voice on held-out takes, and speaks', { timeout: 600_000 }, async () => {
    const enrolled = await run(setup, ['enroll', 'kal-test', '--from', lj, '--steps', '40', '--held-out', '2', '--threads', '2', '--json'], 540_000);
    assert.equal(enrolled.code, 0, enrolled.stderr);
    const summary = JSON.parse(enrolled.stdout.trim().split('\n').pop()!);
    assert.equal(summary.takes, SENTENCES.length);
    assert.equal(summary.steps, 40);
    // Held-out takes, spectral loss: the adapted speaker against the base's mean speaker.
    assert.ok(summary.valLoss < summary.baseValLoss * 0.95, `held-out loss ${summary.valLoss} is not clearly below the base voice's ${summary.baseValLoss}`);

    const manifest = JSON.parse(readFileSync(join(setup.voicesDir, 'manifest.json'), 'utf8'));
    assert.ok(manifest.voices['kal-test'], 'the new voice has its checksums in the manifest');

    const listed = await run(setup, ['voices', '--json'], 60_000);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /kal-test/);

    const out = join(setup.dir, 'hello.wav');
    const said = await run(setup, ['say', '--voice', 'kal-test', '--out', out, 'Good morning, this is the new voice speaking.'], 120_000);
    assert.equal(said.code, 0, said.stderr);
    const result = JSON.parse(said.stdout.trim().split('\n').pop()!);
    assert.equal(result.engine, 'piper', 'the enrolled voice itself speaks, not the espeak-ng fallback');
    assert.equal(result.voice, 'kal-test');
    const pcm = readFileSync(out).subarray(44);
    let energy = 0;
    for (let i = 0; i + 1 < pcm.length; i += 2) energy += Math.abs(pcm.readInt16LE(i));
    assert.ok(pcm.length / 2 / 22050 > 1.0, 'more than a second of speech');
    assert.ok(energy / (pcm.length / 2) > 200, 'not silence');
  });
});
