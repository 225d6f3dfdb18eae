// The last steps of `herald enroll` on real files and processes: the
// adaptation process failing (no base model, a crash, Ctrl-C) leaves nothing
// behind, and a voice goes into voices.dir whole or not at all.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { AdaptArgs } from '../src/enroll/adapt-protocol.ts';
import { adaptVoice, AdaptCancelled } from '../src/enroll/adapter.ts';
import { EnrollError } from '../src/enroll/enroll-error.ts';
import { installVoice } from '../src/enroll/install-voice.ts';
import { progressReporter } from '../src/enroll/progress.ts';
import { enrolledVoiceConfig } from '../src/enroll/voice-config.ts';
import { discoverVoices } from '../src/voices/discover.ts';
import { readManifest, verifyVoice } from '../src/voices/manifest.ts';

const BUNDLED = fileURLToPath(new URL('../models/en_US-herald_slt-low.onnx', import.meta.url));
let dir: string;
let base: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-enroll-install-'));
  base = join(dir, 'base.pt');
  writeFileSync(base, 'a checkpoint');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function args(outOnnx: string): AdaptArgs {
  return { base, takes: [], heldOut: 1, outOnnx, steps: 10, minutes: 1, threads: 1 };
}

// Not the adaptation process: a shell script standing in for an interpreter
// that dies or hangs, which is all these cases need of it.
function shellScript(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

describe('adaptVoice', () => {
  test('no base model: a clear error before any process starts', async () => {
    const missing = join(dir, 'nowhere', 'herald-base.pt');
    await assert.rejects(adaptVoice({ ...args(join(dir, 'x.onnx')), base: missing }, { python: '/nonexistent/python3' }), (e: unknown) => {
      assert.ok(e instanceof EnrollError);
      assert.equal(e.message, `no base model at ${missing}: train it with scripts/train-voice/run-base.sh`);
      assert.equal(e.exitCode, 1);
      return true;
    });
  });

  test('the process crashing: its exit and last words, and it is gone', async () => {
    const script = shellScript('crash.sh', 'echo "RuntimeError: out of memory" >&2\nexit 3\n');
    await assert.rejects(adaptVoice(args(join(dir, 'y.onnx')), { python: '/bin/sh', script }), (e: unknown) => {
      assert.ok(e instanceof EnrollError, String(e));
      assert.match(e.message, /^adaptation failed: adaptation process exited \(code 3\): RuntimeError: out of memory$/);
      return true;
    });
  });

  test('cancelling kills the process at once', async () => {
    const script = shellScript('hang.sh', 'echo \'{"t":"ready"}\'\nexec sleep 60\n');
    const controller = new AbortController();
    const started = Date.now();
    const run = adaptVoice(args(join(dir, 'z.onnx')), { python: '/bin/sh', script, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(run, AdaptCancelled);
    assert.ok(Date.now() - started < 5000, 'killed, not waited for');
  });
});

describe('installVoice', () => {
  const figures = { steps: 600, seconds: 812.5, trainLoss: 0.91, baseValLoss: 1.42, valLoss: 1.07, heldOut: 2, onnxBytes: 1 };
  const config = (name: string) => enrolledVoiceConfig(`${BUNDLED}.json`, name, { created: '2026-01-02T03:04:05.000Z', takes: 40, speechSeconds: 301.2, adaptation: figures });

  test('both files arrive, readable as a voice, with verified checksums and no temporary file left', () => {
    const voicesDir = join(dir, 'voices-ok');
    mkdirSync(voicesDir);
    const info = installVoice(voicesDir, 'erin', BUNDLED, config('erin'));
    assert.deepEqual(readdirSync(voicesDir).sort(), ['erin.onnx', 'erin.onnx.json', 'manifest.json']);
    const found = discoverVoices(voicesDir).voices.find((v) => v.name === 'erin');
    assert.ok(found);
    assert.deepEqual(verifyVoice(readManifest(voicesDir).manifest, info), { verified: true });
    const json = JSON.parse(readFileSync(join(voicesDir, 'erin.onnx.json'), 'utf8'));
    assert.equal(json.dataset, 'erin');
    assert.deepEqual(json.herald, { enrolled: { created: '2026-01-02T03:04:05.000Z', takes: 40, seconds: 301.2, steps: 600, heldOut: 2, trainLoss: 0.91, baseValLoss: 1.42, valLoss: 1.07 } });
    const bundled = JSON.parse(readFileSync(`${BUNDLED}.json`, 'utf8'));
    assert.deepEqual(json.phoneme_id_map, bundled.phoneme_id_map);
    assert.deepEqual(json.espeak, bundled.espeak);
  });

  test('a failure part way leaves voices.dir as it was', () => {
    const voicesDir = join(dir, 'voices-fail');
    mkdirSync(voicesDir);
    copyFileSync(`${BUNDLED}.json`, join(voicesDir, 'other.onnx.json'));
    assert.throws(() => installVoice(voicesDir, 'frank', join(dir, 'no-such.onnx'), config('frank')), EnrollError);
    assert.deepEqual(readdirSync(voicesDir), ['other.onnx.json']);
  });

  test('an unreadable manifest is not overwritten', () => {
    const voicesDir = join(dir, 'voices-bad-manifest');
    mkdirSync(voicesDir);
    writeFileSync(join(voicesDir, 'manifest.json'), '{ torn');
    assert.throws(() => installVoice(voicesDir, 'gina', BUNDLED, config('gina')), /manifest\.json is unreadable.*fix or remove it/);
    assert.deepEqual(readdirSync(voicesDir), ['manifest.json']);
    assert.equal(existsSync(join(voicesDir, 'gina.onnx')), false);
  });
});

describe('progress', () => {
  test('without a terminal: one line per tenth of a phase, with step, loss and ETA', () => {
    const lines: string[] = [];
    const p = progressReporter({ isTTY: false, write: (t) => lines.push(t) });
    p.update({ phase: 'features', step: 1, steps: 1 });
    for (let step = 1; step <= 600; step++) p.update({ phase: 'adapt', step, steps: 600, loss: 2 - step / 600, etaSeconds: 600 - step });
    p.end();
    assert.equal(lines.length, 1 + 11);
    assert.ok(lines.every((l) => l.endsWith('\n') && !l.includes('\r')));
    assert.equal(lines.at(-1), `adapt    [${'#'.repeat(24)}] 600/600  loss 1.000  ETA 0:00\n`);
    assert.match(lines[6], /^adapt {4}\[#{12}\.{12}\] 300\/600 {2}loss 1\.500 {2}ETA 5:00\n$/);
  });

  test('on a terminal: one line redrawn in place, at most four times a second, ended once', () => {
    const out: string[] = [];
    let now = 0;
    const p = progressReporter({ isTTY: true, columns: 100, write: (t) => out.push(t) }, () => now);
    for (let step = 1; step <= 100; step++) {
      now += 50;
      p.update({ phase: 'adapt', step, steps: 100 });
    }
    p.end();
    assert.ok(out.length <= 100 / 5 + 2, `${out.length} redraws`);
    assert.ok(out.slice(0, -1).every((t) => t.startsWith('\r\x1b[K')));
    assert.match(out.at(-2) ?? '', /100\/100/);
    assert.equal(out.at(-1), '\n');
  });
});
