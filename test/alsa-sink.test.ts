// AlsaSink and its child process on real ALSA (the file plugin over a null
// device): marks answered after their audio, a cut that drops what is
// queued and takes new audio at once, a device that fails and a close that
// plays out what is left.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AlsaSink } from '../src/audio/alsa-sink.ts';
import { AudioDropped } from '../src/audio/sink.ts';
import { writeAlsaFileConfig } from './helpers/alsa.ts';

const RATE = 22050;
const dir = mkdtempSync(join(tmpdir(), 'herald-alsa-sink-'));
const { configPath, outFile } = writeAlsaFileConfig(dir);
let previous: string | undefined;

before(() => {
  previous = process.env.ALSA_CONFIG_PATH;
  process.env.ALSA_CONFIG_PATH = configPath;
});
after(() => {
  if (previous === undefined) delete process.env.ALSA_CONFIG_PATH;
  else process.env.ALSA_CONFIG_PATH = previous;
  rmSync(dir, { recursive: true, force: true });
});

function tone(seconds: number, value: number): Int16Array {
  return new Int16Array(Math.round(RATE * seconds)).fill(value);
}

function played(): Int16Array {
  const bytes = readFileSync(outFile);
  return new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 2));
}

describe('the ALSA sink', () => {
  test('opens, plays, answers a mark only after the audio before it could be heard, cuts, and plays out on close', async () => {
    const sink = new AlsaSink({ device: 'default', sampleRate: RATE, retrySeconds: 1 });
    const states: boolean[] = [];
    sink.on('state', (ok: boolean) => states.push(ok));
    sink.start();
    await sink.waitReady(AbortSignal.timeout(20_000));
    assert.equal(sink.ok, true);
    assert.equal(typeof sink.pid, 'number');

    const started = Date.now();
    await sink.write(tone(0.6, 1000));
    await sink.mark();
    // 0.6 s of audio: the mark waits until the device buffer has played it out.
    assert.ok(Date.now() - started >= 400, `mark after ${Date.now() - started} ms`);
    assert.ok(played().includes(1000));

    // A cut drops what is queued: a mark behind 30 s of audio fails at once as a cut.
    const firstPid = sink.pid;
    await sink.write(tone(0.2, 2000));
    const behind = sink.mark();
    sink.cut();
    await assert.rejects(behind, (err: Error) => err instanceof AudioDropped && err.message === 'audio cut');
    // Audio right after the cut goes to the fresh child, with no 'state' flicker.
    await sink.write(tone(0.3, 3000));
    await sink.mark();
    assert.notEqual(sink.pid, firstPid);
    assert.deepEqual(states, [true]);

    // The file plugin holds back its last buffer until the device is closed,
    // and the fresh child's open started the file afresh.
    await sink.write(tone(0.3, 4000));
    await sink.close();
    const after = played();
    assert.ok(after.includes(3000), 'audio after the cut was played');
    assert.ok(after.includes(4000), 'close played out what was written');
    assert.ok(!after.includes(1000), 'the file is the fresh child\'s');
  });

  test('a device that cannot open: not ok, the reason kept, and tried again every retrySeconds', async () => {
    const sink = new AlsaSink({ device: 'herald_nowhere', sampleRate: RATE, retrySeconds: 1 });
    const pids = new Set<number>();
    sink.start();
    const until = Date.now() + 15_000;
    while (pids.size < 3 && Date.now() < until) {
      if (sink.pid) pids.add(sink.pid);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(sink.ok, false);
    assert.ok(pids.size >= 3, `child processes seen: ${pids.size}`);
    assert.match(sink.lastError ?? '', /herald_nowhere|No such file|open/i);
    await assert.rejects(sink.write(tone(0.1, 1)).then(() => sink.mark()), AudioDropped);
    await sink.close();
  });
});
