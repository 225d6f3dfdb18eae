// The per-take checks of `herald enroll` (src/enroll/take-checks.ts) on
// generated signals, and the decoding every take goes through first
// (src/enroll/wav-read.ts): real WAV files in several formats.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkTake, KEEP_SILENCE_SECONDS, type TakeCheck } from '../src/enroll/take-checks.ts';
import { readTakeWav, TAKE_SAMPLE_RATE } from '../src/enroll/wav-read.ts';
import { silence, speechLike, wavFile } from './helpers/speech-like.ts';

const RATE = 22050;
const TEXT = 'The train to Boston departs at seven thirty.';

function check(channels: Float32Array[], transcript = TEXT): TakeCheck {
  return checkTake(channels, channels[0], RATE, transcript);
}

function codes(c: TakeCheck): string[] {
  return c.problems.map((p) => p.code);
}

describe('take checks', () => {
  test('a good take has no problems and is trimmed to 0.1 s of silence each side', () => {
    const take = speechLike(3, { padSeconds: 0.8 });
    const c = check(take);
    assert.deepEqual(codes(c), []);
    assert.ok(c.speechDbfs > -30 && c.speechDbfs < -10, `speech level ${c.speechDbfs}`);
    assert.equal(c.clippedFraction, 0);
    // 0.8 s of silence before the first syllable: about 0.1 s of it is kept (± one 20 ms frame).
    const leading = c.trimStart / RATE;
    assert.ok(Math.abs(leading - (0.8 - KEEP_SILENCE_SECONDS)) <= 0.021, `trimmed ${leading} s from the start`);
    assert.ok(c.trimmedSeconds < c.seconds - 1.2 && c.trimmedSeconds > 2.9, `trimmed length ${c.trimmedSeconds} of ${c.seconds}`);
  });

  test('a clipped take: more than 0.1 % of samples at full scale', () => {
    const take = speechLike(3).map((ch) => ch.map((x) => Math.max(-1, Math.min(1, x * 8))));
    const c = check(take);
    assert.deepEqual(codes(c), ['clipped']);
    assert.ok(c.clippedFraction > 0.001);
    assert.match(c.problems[0].detail, /% of samples clipped/);
  });

  test('one clipped channel of a stereo take is found', () => {
    const [left] = speechLike(3);
    const right = left.map((x) => Math.max(-1, Math.min(1, x * 8)));
    assert.deepEqual(codes(checkTake([left, right], left, RATE, TEXT)), ['clipped']);
  });

  test('a quiet take: speech at about -50 dBFS', () => {
    const c = check(speechLike(3, { amplitude: 0.3 / 10 ** (30 / 20) }));
    assert.deepEqual(codes(c), ['too-quiet']);
    assert.ok(c.speechDbfs < -40 && c.speechDbfs > -60, `speech level ${c.speechDbfs}`);
  });

  test('a mostly silent take: half a second of speech in four seconds', () => {
    const c = check(speechLike(0.5, { padSeconds: 1.75 }));
    assert.deepEqual(codes(c), ['mostly-silence']);
    assert.ok(c.speechFraction < 0.3);
  });

  test('digital silence is too quiet and mostly silence, and trims to nothing removed', () => {
    const c = check(silence(3));
    assert.deepEqual(codes(c), ['too-quiet', 'mostly-silence']);
    assert.equal(c.trimStart, 0);
  });

  test('a take under a second is too short', () => {
    assert.deepEqual(codes(check(speechLike(0.6, { padSeconds: 0.1 }))), ['too-short']);
  });

  test('an empty transcript, and one with no words', () => {
    assert.deepEqual(codes(check(speechLike(3), '')), ['empty-transcript']);
    assert.deepEqual(codes(check(speechLike(3), ' … !? ')), ['empty-transcript']);
  });
});

describe('take decoding', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-takes-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a 44.1 kHz stereo 24-bit take becomes 22050 Hz mono with its level kept', () => {
    const path = join(dir, 'stereo.wav');
    writeFileSync(path, wavFile(speechLike(2, { rate: 44100, channels: 2 }), 44100, '24'));
    const d = readTakeWav(path);
    assert.equal(d.sourceRate, 44100);
    assert.equal(d.channels.length, 2);
    assert.ok(Math.abs(d.mono.length - (2.6 * TAKE_SAMPLE_RATE)) <= 2, `${d.mono.length} samples`);
    const direct = check(speechLike(2));
    const decoded = checkTake(d.channels, d.mono, TAKE_SAMPLE_RATE, TEXT);
    assert.deepEqual(codes(decoded), []);
    assert.ok(Math.abs(decoded.speechDbfs - direct.speechDbfs) < 0.5, `${decoded.speechDbfs} vs ${direct.speechDbfs}`);
  });

  test('a 16 kHz float take is read', () => {
    const path = join(dir, 'float.wav');
    writeFileSync(path, wavFile(speechLike(2, { rate: 16000 }), 16000, '32f'));
    const d = readTakeWav(path);
    assert.equal(d.sourceRate, 16000);
    assert.ok(Math.abs(d.mono.length - 2.6 * TAKE_SAMPLE_RATE) <= 2);
  });

  test('an MP3 named .wav, a text file and a truncated WAV are refused naming the file', () => {
    const mp3 = join(dir, 'song.wav');
    writeFileSync(mp3, Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0xff)]));
    assert.throws(() => readTakeWav(mp3), (e: Error) => e.message.startsWith(mp3) && /not a WAV file.*MP3/.test(e.message));
    const text = join(dir, 'notes.wav');
    writeFileSync(text, 'these are my notes, not audio\n');
    assert.throws(() => readTakeWav(text), (e: Error) => e.message.startsWith(text) && /not a WAV file/.test(e.message));
    const cut = join(dir, 'cut.wav');
    writeFileSync(cut, Buffer.from(wavFile(speechLike(1))).subarray(0, 30));
    assert.throws(() => readTakeWav(cut), (e: Error) => e.message.startsWith(cut) && /cannot be decoded/.test(e.message));
  });
});

// Real speech, where festival (and sox) are installed: the thresholds must
// not turn away an ordinary recording.
function installed(command: string): boolean {
  return spawnSync('/bin/sh', ['-c', `command -v ${command}`]).status === 0;
}

describe('real speech (festival)', () => {
  const haveFestival = installed('text2wave');
  const haveSox = installed('sox');
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-takes-festival-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a sentence spoken by festival passes every check', { skip: haveFestival ? false : 'text2wave (festival) is not installed' }, () => {
    const path = join(dir, 'festival.wav');
    execFileSync('text2wave', ['-o', path], { input: `${TEXT}\n`, timeout: 60_000 });
    const d = readTakeWav(path);
    const c = checkTake(d.channels, d.mono, TAKE_SAMPLE_RATE, TEXT);
    assert.deepEqual(codes(c), []);
    assert.ok(c.trimmedSeconds > 2 && c.trimmedSeconds <= c.seconds);
  });

  test('the same at 48 kHz stereo (sox) gives the same figures', { skip: haveFestival && haveSox ? false : 'text2wave or sox is not installed' }, () => {
    const mono = join(dir, 'festival-mono.wav');
    const stereo = join(dir, 'festival-48k.wav');
    execFileSync('text2wave', ['-o', mono], { input: `${TEXT}\n`, timeout: 60_000 });
    execFileSync('sox', [mono, '-r', '48000', '-c', '2', '-b', '24', stereo], { timeout: 60_000 });
    const a = readTakeWav(mono);
    const b = readTakeWav(stereo);
    assert.equal(b.sourceRate, 48000);
    assert.equal(b.channels.length, 2);
    const ca = checkTake(a.channels, a.mono, TAKE_SAMPLE_RATE, TEXT);
    const cb = checkTake(b.channels, b.mono, TAKE_SAMPLE_RATE, TEXT);
    assert.deepEqual(codes(cb), []);
    assert.ok(Math.abs(ca.speechDbfs - cb.speechDbfs) < 1, `${ca.speechDbfs} vs ${cb.speechDbfs}`);
    assert.ok(Math.abs(ca.trimmedSeconds - cb.trimmedSeconds) < 0.05);
  });
});
