// Where `herald enroll` keeps what it derives from a person's recordings, and
// that a delete removes all of it: through the real CLI (a run that stores
// its takes, then stops because no base model exists), and through the
// daemon's MQTT request voice-delete (real mosquitto, in-process daemon).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { writeEnrollment } from '../src/enroll/enrolled.ts';
import { enrollDir } from '../src/enroll/private-files.ts';
import { readPiperVoice } from '../src/voices/discover.ts';
import { readManifest, writeManifest } from '../src/voices/manifest.ts';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';
import { enrollSetup, herald, snapshot, type EnrollSetup } from './helpers/enroll-cli.ts';
import { SENTENCES, speechLike, wavFile, writeDataset } from './helpers/speech-like.ts';

const BUNDLED = fileURLToPath(new URL('../models/en_US-herald_slt-low.onnx', import.meta.url));
const NO_BASE = '/nonexistent/models/base/herald-base.pt';

let root: string;
let setup: EnrollSetup;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'herald-enroll-privacy-'));
  setup = enrollSetup(join(root, 'home'));
});
after(() => rmSync(root, { recursive: true, force: true }));

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

// A voice as `herald enroll` leaves one: the bundled voice's files under a
// new name, its checksums, and an enrollment record.
function fakeEnrolledVoice(voicesDir: string, stateDir: string, name: string): void {
  copyFileSync(BUNDLED, join(voicesDir, `${name}.onnx`));
  copyFileSync(`${BUNDLED}.json`, join(voicesDir, `${name}.onnx.json`));
  writeManifest(voicesDir, [readPiperVoice(name, join(voicesDir, `${name}.onnx`), join(voicesDir, `${name}.onnx.json`))]);
  mkdirSync(join(enrollDir(stateDir, name), 'takes'), { recursive: true });
  writeEnrollment(stateDir, { name, created: '2026-01-02T03:04:05.000Z', source: 'files', takes: 9, speechSeconds: 31.5, consentTake: null, adaptation: null });
}

describe('herald enroll: private storage', () => {
  test('a run that stores its takes and then finds no base model: owner-only files, nothing installed', async () => {
    const takes = SENTENCES.map((transcript, i) => ({ id: `LJ001-000${i}`, transcript, bytes: wavFile(speechLike(3 + i * 0.2, { rate: 44100, channels: 2 }), 44100) }));
    takes.push({ id: 'LJ001-0099', transcript: 'Far too loud.', bytes: wavFile(speechLike(3).map((c) => c.map((x) => Math.max(-1, Math.min(1, x * 8))))) });
    const from = writeDataset(join(root, 'alice-set'), takes);
    const voicesBefore = snapshot(setup.voicesDir);
    // umask 000: the modes must come from Herald, not from the caller's umask.
    const run = await herald(setup, ['enroll', 'alice', '--from', from], { env: { HERALD_ENROLL_BASE: NO_BASE }, umask: '000' });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`no base model at ${NO_BASE}: train it with scripts/train-voice/run-base\\.sh`));
    assert.match(run.stderr, /take LJ001-0099 skipped: clipped/);
    assert.match(run.stderr, /6 usable take\(s\), 2\d\.\d s of speech, 1 skipped/);
    for (const t of takes) assert.ok(!run.stderr.includes(t.transcript), 'no transcript on stderr');
    assert.ok(!run.stderr.includes(join(from, 'wavs')), 'no recording path on stderr');
    assert.deepEqual(snapshot(setup.voicesDir), voicesBefore, 'voices.dir unchanged');

    const dir = enrollDir(setup.stateDir, 'alice');
    for (const d of [join(setup.stateDir, 'enroll'), dir, join(dir, 'takes')]) assert.equal(mode(d), 0o700, `${d} is 0700`);
    assert.ok(!existsSync(join(dir, 'staging')), 'staging removed');
    const files = ['takes.json', 'enrolled.json', ...readdirSync(join(dir, 'takes')).map((f) => join('takes', f))];
    assert.equal(files.length, 2 + 6);
    for (const f of files) assert.equal(mode(join(dir, f)), 0o600, `${f} is 0600`);

    const stored = JSON.parse(readFileSync(join(dir, 'takes.json'), 'utf8'));
    assert.deepEqual(stored.map((t: { id: string }) => t.id), takes.slice(0, 6).map((t) => t.id));
    const wav = readFileSync(join(dir, 'takes', 'LJ001-0000.wav'));
    assert.equal(wav.readUInt16LE(22), 1, 'mono');
    assert.equal(wav.readUInt32LE(24), 22050, '22050 Hz');
    // Trimmed: 3 s of syllables (the last ends at 2.93 s) with 0.3 s of
    // silence each side keeps about 0.1 s of it: 3.1 s of the 3.6 s recorded.
    assert.ok(stored[0].duration > 3.0 && stored[0].duration < 3.2, `duration ${stored[0].duration}`);

    // The ids are exactly what `herald phonemize` gives for the same text.
    const phonemized = await herald(setup, ['phonemize'], { input: `${SENTENCES[1]}\n` });
    assert.equal(phonemized.code, 0, phonemized.stderr);
    assert.deepEqual(stored[1].ids, JSON.parse(phonemized.stdout).sentences[0].ids);
    assert.equal(stored[1].transcript, SENTENCES[1]);

    const record = JSON.parse(readFileSync(join(dir, 'enrolled.json'), 'utf8'));
    assert.equal(record.name, 'alice');
    assert.equal(record.source, 'files');
    assert.equal(record.takes, 6);
    assert.equal(record.adaptation, null);
    assert.ok(!Number.isNaN(Date.parse(record.created)));
    const text = readFileSync(join(dir, 'enrolled.json'), 'utf8');
    for (const t of takes) assert.ok(!text.includes(t.transcript), 'no transcript in enrolled.json');

    // The takes of a failed run go with a delete too.
    const del = await herald(setup, ['enroll', '--delete', 'alice']);
    assert.equal(del.code, 0, del.stderr);
    assert.ok(!existsSync(dir));
  });
});

describe('herald enroll --delete', () => {
  test('removes the voice files, its manifest entry and its enroll dir; lists it as enrolled before', async () => {
    fakeEnrolledVoice(setup.voicesDir, setup.stateDir, 'bob');
    const listed = await herald(setup, ['voices']);
    assert.match(listed.stdout, /bob .* verified {2}enrolled here 2026-01-02/);
    assert.doesNotMatch(listed.stdout, /en_US-herald_slt-low .*enrolled here/);

    const run = await herald(setup, ['enroll', '--delete', 'bob']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!existsSync(join(setup.voicesDir, 'bob.onnx')));
    assert.ok(!existsSync(join(setup.voicesDir, 'bob.onnx.json')));
    assert.ok(!existsSync(enrollDir(setup.stateDir, 'bob')));
    const { manifest } = readManifest(setup.voicesDir);
    assert.deepEqual(Object.keys(manifest.voices), ['en_US-herald_slt-low'], 'only the bundled voice keeps its checksums');
  });

  test('refuses a voice that was not enrolled here, and touches nothing', async () => {
    const before_ = snapshot(setup.voicesDir);
    const run = await herald(setup, ['enroll', '--delete', 'en_US-herald_slt-low']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /voice 'en_US-herald_slt-low' was not enrolled on this device/);
    assert.deepEqual(snapshot(setup.voicesDir), before_);
  });
});

describe('MQTT request voice-delete', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      prepare: ({ dir, voicesDir }) => {
        fakeEnrolledVoice(voicesDir, join(dir, 'state'), 'carol');
        copyFileSync(BUNDLED, join(voicesDir, 'dave.onnx'));
        copyFileSync(`${BUNDLED}.json`, join(voicesDir, 'dave.onnx.json'));
      },
    });
  });
  after(() => h?.stop());

  test('deletes an enrolled voice, reloads, and the status no longer lists it', async () => {
    const voicesDir = h.config.voices.dir;
    assert.ok(h.daemon.voices.has('carol'));
    const response = await h.request('voice-delete', { name: 'carol' }, 60_000);
    assert.equal(response.status, 'ok', JSON.stringify(response));
    assert.equal(response.data.deleted, 'carol');
    assert.ok(!response.data.voices.includes('carol'));
    assert.ok(!existsSync(join(voicesDir, 'carol.onnx')) && !existsSync(join(voicesDir, 'carol.onnx.json')));
    assert.ok(!existsSync(enrollDir(h.config.stateDir, 'carol')));
    assert.equal(readManifest(voicesDir).manifest.voices.carol, undefined);
    const status = await h.waitForMessage((m) => m.topic === `${h.base}/status` && m.json?.state === 'online' && !m.json.voices.includes('carol'));
    assert.ok(status.json.voices.includes('dave'));
  });

  test('refuses a voice not enrolled here and a name that is a path, keeping the files', async () => {
    const refused = await h.request('voice-delete', { name: 'dave' });
    assert.equal(refused.status, 'error');
    assert.match(refused.error, /voice 'dave' was not enrolled on this device/);
    assert.ok(existsSync(join(h.config.voices.dir, 'dave.onnx')));
    const path = await h.request('voice-delete', { name: '../state' });
    assert.equal(path.status, 'error');
    assert.match(path.error, /contains a path separator/);
    const missing = await h.request('voice-delete', {});
    assert.equal(missing.status, 'error');
    assert.match(missing.error, /voice-delete needs \{name/);
  });
});
