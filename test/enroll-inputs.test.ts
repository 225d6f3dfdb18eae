// Bad input to `herald enroll`, through the real CLI: each case exits
// non-zero with a message naming the problem, and leaves voices.dir byte for
// byte as it was, with no staging and no private copy of anything.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { enrollSetup, herald, snapshot, type EnrollSetup, type Run } from './helpers/enroll-cli.ts';
import { SENTENCES, silence, speechLike, wavFile, writeDataset } from './helpers/speech-like.ts';

let root: string;
let setup: EnrollSetup;
let before_: Record<string, string>;
let caseNo = 0;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'herald-enroll-inputs-'));
  setup = enrollSetup(join(root, 'home'));
  before_ = snapshot(setup.voicesDir);
});
after(() => rmSync(root, { recursive: true, force: true }));

function datasetDir(): string {
  return join(root, `set-${++caseNo}`);
}

// A base model path that does not exist: no case may get as far as training.
const ENV = { HERALD_ENROLL_BASE: '/nonexistent/herald-base.pt' };

async function refused(args: string[], message: RegExp, code = 2): Promise<Run> {
  const run = await herald(setup, ['enroll', ...args], { env: ENV });
  assert.equal(run.code, code, `exit code; stderr: ${run.stderr}`);
  assert.match(run.stderr, message);
  assert.deepEqual(snapshot(setup.voicesDir), before_, 'voices.dir unchanged');
  assert.ok(!existsSync(join(setup.stateDir, 'enroll')), 'nothing stored under stateDir/enroll');
  return run;
}

const good = (i: number) => ({ id: `take${i}`, transcript: SENTENCES[i % SENTENCES.length], bytes: wavFile(speechLike(3)) });

describe('herald enroll refuses bad input and writes nothing', () => {
  test('a directory that does not exist', async () => {
    const dir = join(root, 'nowhere');
    await refused(['alice', '--from', dir], new RegExp(`no such directory: ${dir}`));
  });

  test('a directory without metadata.csv', async () => {
    const dir = datasetDir();
    mkdirSync(join(dir, 'wavs'), { recursive: true });
    await refused(['alice', '--from', dir], /metadata\.csv is missing \(expected LJSpeech layout/);
  });

  test('malformed metadata.csv: a line without "|", and an empty id', async () => {
    const dir = writeDataset(datasetDir(), [good(0), good(1)], 'take0|Hello there.\ntake1 Hello again\n');
    await refused(['alice', '--from', dir], /metadata\.csv line 2: no '\|' \(expected id\|transcript\)/);
    const dir2 = writeDataset(datasetDir(), [good(0)], 'take0|Hello there.\n|An orphan line.\n');
    await refused(['alice', '--from', dir2], /metadata\.csv line 2: empty id/);
  });

  test('transcripts and wavs that do not match: counts and names', async () => {
    const dir = writeDataset(datasetDir(), [good(0), good(1), { id: 'extra', transcript: '', bytes: wavFile(speechLike(2)) }], 'take0|One.\ntake1|Two.\ntake9|Nine.\n');
    const run = await refused(['alice', '--from', dir], /metadata\.csv lists 3 take\(s\) but .*wavs holds 3 \.wav file\(s\)/);
    assert.match(run.stderr, /1 listed but missing: take9\.wav/);
    assert.match(run.stderr, /1 not listed: extra\.wav/);
  });

  test('silent recordings: every take skipped with its reasons, then too little speech', async () => {
    const takes = [0, 1, 2, 3].map((i) => ({ id: `quiet${i}`, transcript: SENTENCES[i], bytes: wavFile(silence(4)) }));
    const run = await refused(['alice', '--from', writeDataset(datasetDir(), takes)], /not enough usable speech: 0\.0 s of audio in all from 0 usable take\(s\)/);
    for (let i = 0; i < 4; i++) assert.match(run.stderr, new RegExp(`take quiet${i} skipped: too-quiet \\(speech at digital silence.*mostly-silence`));
    for (const s of SENTENCES.slice(0, 4)) assert.ok(!run.stderr.includes(s), 'no transcript is printed');
  });

  test('2 s of audio in all', async () => {
    const takes = [0, 1].map((i) => ({ id: `short${i}`, transcript: SENTENCES[i], bytes: wavFile(speechLike(0.85, { padSeconds: 0.1 })) }));
    await refused(['alice', '--from', writeDataset(datasetDir(), takes)], /not enough usable speech: 2\.\d s of audio in all from 2 usable take\(s\); at least 20 s in at least 3 takes are needed/);
  });

  test('an MP3 and a text file named .wav are refused by name', async () => {
    const mp3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(4000, 0xfb)]);
    const dir = writeDataset(datasetDir(), [good(0), { id: 'song', transcript: 'La la la.', bytes: mp3 }]);
    await refused(['alice', '--from', dir], new RegExp(`${join(dir, 'wavs', 'song.wav')}: not a WAV file \\(it looks like MP3\\)`));
    const dir2 = writeDataset(datasetDir(), [good(0), { id: 'notes', transcript: 'Notes.', bytes: 'shopping list: eggs, milk\n' }]);
    await refused(['alice', '--from', dir2], /wavs\/notes\.wav: not a WAV file/);
  });

  test('a name taken by an installed voice (in any case) or by espeak', async () => {
    const dir = writeDataset(datasetDir(), [good(0), good(1), good(2)]);
    await refused(['en_US-herald_slt-low', '--from', dir], /a voice named 'en_US-herald_slt-low' is already installed/);
    await refused(['EN_us-HERALD_slt-LOW', '--from', dir], /a voice named 'en_US-herald_slt-low' is already installed/);
    await refused(['espeak', '--from', dir], /voice name 'espeak' is reserved for espeak-ng/);
  });

  test('names with a path separator or ".." are refused', async () => {
    const dir = writeDataset(datasetDir(), [good(0), good(1), good(2)]);
    await refused(['../alice', '--from', dir], /voice name '\.\.\/alice' contains a path separator/);
    await refused(['a/b', '--from', dir], /voice name 'a\/b' contains a path separator/);
    await refused(['al..ice', '--from', dir], /voice name 'al\.\.ice' contains '\.\.'/);
    await refused(['.hidden', '--from', dir], /must start with a letter or digit/);
    await refused(['--delete', '../../etc'], /voice name '\.\.\/\.\.\/etc' contains a path separator/);
  });

  test('bad options', async () => {
    const dir = writeDataset(datasetDir(), [good(0), good(1), good(2)]);
    await refused([], /usage: herald enroll NAME \[--from DIR\]/);
    await refused(['alice', 'bob', '--from', dir], /usage: herald enroll NAME \[--from DIR\]/);
    await refused(['alice', '--from', dir, '--retries', '3'], /--retries is for recording, not with --from/);
    await refused(['alice', '--from', dir, '--steps', 'many'], /--steps must be a whole number of at least 1, not 'many'/);
  });
});
