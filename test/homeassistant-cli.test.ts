// `herald say` applies the defaults Home Assistant set, as the daemon does,
// and only while discovery is enabled. The real command (through tsx: the
// worktree has no dist/), real onnxruntime and espeak-ng, fixture voices.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { writeHaRecord } from '../src/homeassistant/settings.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';
import { buildFixtureVoice } from './helpers/fixture-voice.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-ha-cli-'));
  const voicesDir = join(dir, 'voices');
  mkdirSync(voicesDir);
  buildFixtureVoice(voicesDir, { name: 'alpha' });
  buildFixtureVoice(voicesDir, { name: 'beta' });
  writeHaRecord(join(dir, 'state'), { voice: 'beta', volume: 0.5, rate: 2, published: [] });
});
after(() => rmSync(dir, { recursive: true, force: true }));

function say(enabled: boolean, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    HERALD_VOICES_DIR: join(dir, 'voices'),
    HERALD_VOICES_DEFAULT: 'alpha',
    HERALD_STATE_DIR: join(dir, 'state'),
    HERALD_ENGINE_PROVIDERS: '[cpu]',
    HERALD_HOMEASSISTANT_ENABLED: String(enabled),
    HERALD_LOG_LEVEL: 'warn',
  };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'say', 'Which defaults are these?', '--out', out], { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function heard(path: string) {
  const b = readFileSync(path);
  // The fixture voice's header is read from the 16-bit samples after the 44-byte WAV header.
  const samples = new Int16Array(b.buffer.slice(b.byteOffset + 44, b.byteOffset + b.length - ((b.length - 44) % 2)));
  return findFixtureSentences(samples);
}

describe('herald say and the defaults Home Assistant set', () => {
  test('enabled: the chosen voice, volume and rate', async () => {
    const out = join(dir, 'on.wav');
    const r = await say(true, out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim().split('\n').pop()!).voice, 'beta');
    const [s] = heard(out);
    assert.ok(Math.abs(s.volume - 0.5) < 0.002 && Math.abs(s.lengthScale - 0.5) < 0.001, `volume ${s.volume}, length scale ${s.lengthScale}`);
  });

  test('disabled: the configured voice, volume 1, rate 1', async () => {
    const out = join(dir, 'off.wav');
    const r = await say(false, out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim().split('\n').pop()!).voice, 'alpha');
    const [s] = heard(out);
    assert.ok(Math.abs(s.volume - 1) < 0.002 && Math.abs(s.lengthScale - 1) < 0.001, `volume ${s.volume}, length scale ${s.lengthScale}`);
  });
});
