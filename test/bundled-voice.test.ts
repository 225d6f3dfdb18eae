// The voice Herald ships (models/en_US-herald_slt-low): a real Piper-contract
// model on a real onnxruntime session, speaking through the daemon to ALSA.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { PiperEngine } from '../src/engines/piper.ts';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { discoverVoices } from '../src/voices/discover.ts';
import { readManifest, verifyVoice } from '../src/voices/manifest.ts';
import type { VoiceInfo } from '../src/voices/types.ts';
import { flushAudio, startHarness, type Harness } from './helpers/daemon-harness.ts';

const MODELS = fileURLToPath(new URL('../models', import.meta.url));
const NAME = 'en_US-herald_slt-low';
const TEXT = 'Attention please. The train to Boston departs at 7:30 from platform 4.';

function rms(samples: ArrayLike<number>, scale = 1): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += (samples[i] / scale) ** 2;
  return Math.sqrt(sum / samples.length);
}

describe('the bundled voice on onnxruntime', () => {
  const espeak = new EspeakHost();
  let info: VoiceInfo;
  let engine: PiperEngine;
  before(async () => {
    const found = discoverVoices(MODELS).voices.find((v) => v.name === NAME);
    assert.ok(found, `${NAME} is in models/`);
    info = found;
    engine = await PiperEngine.load(info, ['cpu'], espeak);
  });
  after(async () => {
    await engine?.close();
    espeak.stop();
  });

  test('is a Piper voice: 22.05 kHz, one speaker, the standard id map, checksums match', () => {
    assert.equal(info.sampleRate, 22050);
    assert.equal(info.numSpeakers, 1);
    assert.deepEqual(info.phonemeIdMap['^'], [1]);
    assert.ok(Object.keys(info.phonemeIdMap).length >= 150);
    assert.ok(info.sizeBytes < 20e6, `${info.sizeBytes} bytes`);
    assert.deepEqual(verifyVoice(readManifest(MODELS).manifest, info), { verified: true });
  });

  test('speaks: audio of a plausible length and level, within [-1, 1]', async () => {
    const audio = await engine.synthesize('The train to Boston departs from platform four.', { rate: 1 });
    const seconds = audio.samples.length / audio.sampleRate;
    assert.ok(seconds > 1.2 && seconds < 6, `${seconds.toFixed(2)} s for eight words`);
    assert.ok(rms(audio.samples) > 0.02, `rms ${rms(audio.samples)}`);
    assert.ok(audio.samples.every((v) => v >= -1.0001 && v <= 1.0001));
  });

  test('rate maps to length_scale: half the rate, about twice as long', async () => {
    const sentence = 'Please keep your belongings with you at all times.';
    const normal = (await engine.synthesize(sentence, { rate: 1 })).samples.length;
    const slow = (await engine.synthesize(sentence, { rate: 0.5 })).samples.length;
    const fast = (await engine.synthesize(sentence, { rate: 2 })).samples.length;
    assert.ok(slow / normal > 1.7 && slow / normal < 2.3, `slow/normal ${(slow / normal).toFixed(2)}`);
    assert.ok(fast / normal > 0.45 && fast / normal < 0.75, `fast/normal ${(fast / normal).toFixed(2)}`);
  });

  // onnxruntime-node computes on the calling thread; on the main thread one
  // sentence would hold up MQTT, stop and the watchdog for its whole run.
  test('inference leaves the main thread free: a timer keeps firing while a long sentence is computed', async () => {
    const [ids] = await engine.sentenceIds(
      'Ladies and gentlemen, the eleven forty five service to Edinburgh Waverley, calling at York, Darlington, Durham and Newcastle, will now depart from platform nine.',
    );
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    let runs = 0;
    // Several runs, so the measurement spans long enough to tell the two apart on any machine.
    while (performance.now() - started < 600) {
      await engine.run(ids, { rate: 1 });
      runs++;
    }
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // From the start to the first tick and from the last tick to the end count too: blocked, there are no ticks at all.
    const points = [started, ...ticks, started + elapsed];
    let maxGap = 0;
    for (let i = 1; i < points.length; i++) maxGap = Math.max(maxGap, points[i] - points[i - 1]);
    const perRun = elapsed / runs;
    // Blocked, the longest gap would be a whole run; free, it is the timer's own period plus scheduling noise.
    assert.ok(maxGap < perRun / 2, `longest timer gap ${maxGap.toFixed(0)} ms, one run ${perRun.toFixed(0)} ms (${runs} runs)`);
  });
});

describe('the bundled voice through the daemon and ALSA', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      prepare: ({ voicesDir }) => {
        for (const f of [`${NAME}.onnx`, `${NAME}.onnx.json`]) copyFileSync(join(MODELS, f), join(voicesDir, f));
      },
    });
  });
  after(async () => {
    await h?.stop();
  });

  test('is the default voice, and its speech reaches the device', async () => {
    const status = await h.request('status');
    assert.equal(status.data.defaultVoice, NAME);
    const before = h.capture.bytes().length;
    await h.say({ id: 'real', text: TEXT });
    const end = await h.terminalOf('real', 60_000);
    assert.equal(end.event, 'finished');
    assert.equal(end.engine, 'piper');
    assert.equal(end.voice, NAME);
    await flushAudio(h);
    const captured = h.capture.samples().subarray(before / 2);
    const heard = captured.length / 22050;
    // The flush message adds silence after it; the speech itself is there, and loud enough.
    assert.ok(heard * 1000 >= (end.audioMs as number) * 0.95, `captured ${heard.toFixed(2)} s, event says ${end.audioMs} ms`);
    assert.ok(rms(captured.subarray(0, Math.round(((end.audioMs as number) / 1000) * 22050)), 32768) > 0.02);
  });
});
