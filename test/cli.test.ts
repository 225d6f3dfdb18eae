// The `herald` command as a user runs it: node bin/herald.js, real espeak-ng,
// real onnxruntime, real ALSA (file plugin), real files.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { writeAlsaFileConfig } from './helpers/alsa.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';
import { buildFixtureVoice } from './helpers/fixture-voice.ts';

const BIN = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
let dir: string;
let voicesDir: string;
let alsa: { configPath: string; outFile: string };
let espeak: EspeakHost;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  voicesDir = join(dir, 'voices');
  mkdirSync(voicesDir);
  buildFixtureVoice(voicesDir, { name: 'fixture' });
  alsa = writeAlsaFileConfig(dir);
  espeak = new EspeakHost();
  await espeak.start();
});
after(() => {
  espeak?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function herald(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: dir,
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, HERALD_VOICES_DIR: voicesDir, HERALD_STATE_DIR: join(dir, 'state'), ALSA_CONFIG_PATH: alsa.configPath, HERALD_LOG_LEVEL: 'warn', ...options.env },
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

interface Wav {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  samples: Int16Array;
}

function readWav(path: string): Wav {
  const b = readFileSync(path);
  assert.equal(b.toString('ascii', 0, 4), 'RIFF');
  assert.equal(b.readUInt32LE(4), b.length - 8, 'RIFF size');
  assert.equal(b.toString('ascii', 8, 12), 'WAVE');
  let offset = 12;
  let fmt: Omit<Wav, 'samples'> | undefined;
  while (offset + 8 <= b.length) {
    const id = b.toString('ascii', offset, offset + 4);
    const size = b.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = { format: b.readUInt16LE(body), channels: b.readUInt16LE(body + 2), sampleRate: b.readUInt32LE(body + 4), bitsPerSample: b.readUInt16LE(body + 14) };
      assert.equal(b.readUInt32LE(body + 8), fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8), 'byte rate');
    } else if (id === 'data') {
      assert.ok(fmt, 'fmt chunk before data');
      assert.ok(body + size <= b.length, 'data chunk within the file');
      const copy = Buffer.from(b.subarray(body, body + size));
      return { ...fmt, samples: new Int16Array(copy.buffer, copy.byteOffset, size / 2) };
    }
    offset = body + size + (size % 2);
  }
  assert.fail('no data chunk');
}

describe('herald say', () => {
  test('--out writes a valid WAV with the fixture voice; rate and volume reach the model', async () => {
    const out = join(dir, 'fixture.wav');
    const text = 'Hello, world. Is it raining?';
    const r = await herald(['say', text, '--out', out, '--rate', '2', '--volume', '0.5']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.equal(summary.engine, 'piper');
    assert.equal(summary.voice, 'fixture');
    assert.equal(summary.provider, 'cpu');
    assert.equal(summary.sentences, 2);
    const wav = readWav(out);
    assert.deepEqual({ format: wav.format, channels: wav.channels, sampleRate: wav.sampleRate, bitsPerSample: wav.bitsPerSample }, { format: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16 });
    assert.ok(wav.samples.length > 0);
    // audioMs is printed rounded to the millisecond (22 samples).
    assert.ok(Math.abs(wav.samples.length - (summary.audioMs / 1000) * 22050) <= 12, `${wav.samples.length} samples for ${summary.audioMs} ms`);
    const sentences = findFixtureSentences(wav.samples);
    assert.deepEqual(sentences.map((s) => s.ids), await expectedIds(espeak, text));
    for (const s of sentences) {
      assert.ok(Math.abs(s.lengthScale - 0.5) < 0.001, `length_scale ${s.lengthScale}`);
      assert.ok(Math.abs(s.volume - 0.5) < 0.002, `volume ${s.volume}`);
    }
  });

  test('--out with espeak-ng writes a valid, non-silent WAV', async () => {
    const out = join(dir, 'espeak.wav');
    const r = await herald(['say', 'The garage door is open.', '--voice', 'espeak', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim()).engine, 'espeak');
    const wav = readWav(out);
    assert.equal(wav.sampleRate, 22050);
    assert.equal(wav.channels, 1);
    assert.equal(wav.bitsPerSample, 16);
    assert.ok(wav.samples.length > 22050 * 0.8, `${wav.samples.length} samples`);
    const peak = wav.samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    assert.ok(peak > 3000, `peak ${peak}`);
  });

  test('without --out it plays through ALSA (the default PCM here is a file)', async () => {
    rmSync(alsa.outFile, { force: true });
    const r = await herald(['say', 'Through the speaker.']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout.trim());
    assert.equal(summary.out, 'default');
    const raw = readFileSync(alsa.outFile);
    const samples = new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
    // 10 ms of probe silence, then the whole message (audioMs is rounded).
    assert.ok(Math.abs(samples.length - 220 - (summary.audioMs / 1000) * 22050) <= 12, `${samples.length} samples for 220 + ${summary.audioMs} ms`);
    assert.ok(samples.subarray(0, 220).every((v) => v === 0));
    const sentences = findFixtureSentences(samples);
    assert.deepEqual(sentences.map((s) => s.ids), await expectedIds(espeak, 'Through the speaker.'));
  });

  test('a --device that is not an ALSA name is refused before anything runs', async () => {
    const r = await herald(['say', 'Hello.', '--device', 'hw:0;reboot']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--device: not an ALSA device name/);
  });

  test('a --device that does not exist exits non-zero naming it', async () => {
    const r = await herald(['say', 'Hello.', '--device', 'hw:7,7']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot open ALSA device 'hw:7,7'/);
  });

  test('an unknown voice exits non-zero naming it and the installed ones', async () => {
    const r = await herald(['say', 'Hello.', '--voice', 'nope', '--out', join(dir, 'never.wav')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown voice 'nope'/);
    assert.match(r.stderr, /fixture/);
  });

  test('bad values are refused like a say message', async () => {
    const r = await herald(['say', 'Hello.', '--volume', '7', '--out', join(dir, 'never.wav')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /volume must be between 0 and 1/);
    const empty = await herald(['say', '🔥🔥', '--out', join(dir, 'never.wav')]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no speakable text/);
  });

  test('a config error names the key and exits 2', async () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'audio:\n  devcie: default\n');
    const r = await herald(['say', 'Hello.', '--config', config]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /audio.*devcie/);
  });
});

describe('herald voices and herald phonemize', () => {
  test('voices --json lists the fixture', async () => {
    const r = await herald(['voices', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const listed = JSON.parse(r.stdout);
    assert.equal(listed.dir, voicesDir);
    assert.deepEqual(listed.voices.map((v: { name: string }) => v.name), ['fixture']);
    assert.equal(listed.voices[0].sampleRate, 22050);
    assert.equal(listed.voices[0].phonemizer, 'piper', "a voice without Herald's mark gets Piper's phonemizer");
  });

  test('phonemize reads lines and writes phonemes and Piper ids', async () => {
    const r = await herald(['phonemize', '--lang', 'en-us'], { input: 'Hello, world. Is it raining?\n' });
    assert.equal(r.code, 0, r.stderr);
    const line = JSON.parse(r.stdout.trim());
    assert.deepEqual(line.sentences.map((s: { phonemes: string }) => s.phonemes), ['həlˈoʊ, wˈɜːld.'.normalize('NFD'), 'ɪz ɪt ɹˈeɪnɪŋ?']);
    assert.deepEqual(line.sentences.map((s: { ids: number[] }) => s.ids), await expectedIds(espeak, 'Hello, world. Is it raining?', { phonemizer: 'herald' }));
  });
});
