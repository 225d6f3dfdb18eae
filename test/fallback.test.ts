// espeak-ng speaks when no neural voice can: none installed, or a model file
// that onnxruntime cannot load. And the provider list falls through to CPU on
// a machine without TensorRT or CUDA.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';

function rms(x: Int16Array): number {
  let sum = 0;
  for (const v of x) sum += v * v;
  return Math.sqrt(sum / Math.max(1, x.length));
}

describe('no neural voice installed', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ voices: [] });
  });
  after(async () => {
    await h?.stop();
  });

  test('status offers espeak only, provider wasm', async () => {
    const status = (await h.request('status')).data;
    assert.deepEqual(status.voices, ['espeak']);
    assert.equal(status.defaultVoice, 'espeak');
    assert.equal(status.provider, 'wasm');
    assert.equal(status.audioOk, true);
  });

  test('espeak-ng speaks, and its audio reaches the device', async () => {
    const from = h.capture.bytes().length / 2;
    await h.say({ id: 'es-1', text: 'The front door is open.' });
    const end = await h.terminalOf('es-1');
    assert.equal(end.event, 'finished', JSON.stringify(end));
    const started = h.eventsFor('es-1').find((e) => e.event === 'started')!;
    for (const e of [started, end]) {
      assert.equal(e.engine, 'espeak');
      assert.equal(e.voice, 'espeak-ng:en-us');
      assert.equal(e.provider, 'wasm');
    }
    // Nothing is wrong: no fallback reason when there was never a neural voice.
    assert.equal(end.reason, undefined);
    await h.flushAudio();
    const audio = h.capture.samples().subarray(Math.floor(from));
    const expectedSamples = (end.audioMs! / 1000) * 22050;
    // The message's audio, then the flush message's silence.
    const speech = audio.subarray(0, Math.round(expectedSamples));
    assert.ok(audio.length >= expectedSamples, `captured ${audio.length} samples, message is ${expectedSamples}`);
    assert.ok(rms(speech) > 500, `speech, not silence: rms ${rms(speech)}`);
    assert.ok(end.audioMs! > 800 && end.audioMs! < 6000, `audioMs ${end.audioMs}`);
  });

  test('lang picks the espeak-ng voice', async () => {
    await h.say({ id: 'es-de', text: 'Die Tür ist offen.', lang: 'de' });
    const end = await h.terminalOf('es-de');
    assert.equal(end.event, 'finished', JSON.stringify(end));
    assert.equal(end.voice, 'espeak-ng:de');
    await h.say({ id: 'es-fr', text: 'La porte est ouverte.', lang: 'fr' });
    const fr = await h.terminalOf('es-fr');
    assert.equal(fr.event, 'finished', JSON.stringify(fr));
  });

  test('every message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
  });
});

describe('a corrupt model beside a good one, providers [tensorrt, cuda, cpu] on a CPU-only machine', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      voices: [{ name: 'good' }],
      // Garbage bytes with a valid Piper config beside them.
      prepare: ({ voicesDir }) => {
        copyFileSync(`${voicesDir}/good.onnx.json`, `${voicesDir}/broken.onnx.json`);
        writeFileSync(`${voicesDir}/broken.onnx`, Buffer.from('this is not an onnx model \x00\x01\x02\xff'.repeat(64), 'latin1'));
      },
      config: { engine: { providers: ['tensorrt', 'cuda', 'cpu'] } },
    });
  });
  after(async () => {
    await h?.stop();
  });

  test('status names the broken voice and why, and reports provider cpu for the good one', async () => {
    const status = (await h.request('status')).data;
    assert.deepEqual(status.voices, ['broken', 'good', 'espeak']);
    assert.equal(status.defaultVoice, 'good');
    assert.equal(status.provider, 'cpu');
    const problem = status.voiceProblems.find((p: { name: string }) => p.name === 'broken');
    assert.ok(problem, JSON.stringify(status.voiceProblems));
    assert.match(problem.path, /broken\.onnx$/);
    assert.match(problem.reason, /no execution provider could load/);
    assert.match(problem.reason, /cpu:/, 'says what the CPU provider said');
    const voices = (await h.request('voices')).data.voices;
    assert.equal(voices.find((v: { name: string }) => v.name === 'broken').loaded, false);
    assert.equal(voices.find((v: { name: string }) => v.name === 'good').provider, 'cpu');
  });

  test('a message for the broken voice is spoken by espeak-ng, saying why', async () => {
    await h.say({ id: 'for-broken', text: 'Spoken anyway.', voice: 'broken' });
    const end = await h.terminalOf('for-broken');
    assert.equal(end.event, 'finished', JSON.stringify(end));
    assert.equal(end.engine, 'espeak');
    assert.match(end.reason!, /voice broken could not be loaded/);
    const started = h.eventsFor('for-broken').find((e) => e.event === 'started')!;
    assert.equal(started.engine, 'espeak');
    assert.match(started.reason!, /broken/);
  });

  test('the good voice runs on cpu after tensorrt and cuda failed', async () => {
    await h.flushAudio();
    const from = h.capture.bytes().length / 2;
    await h.say({ id: 'for-good', text: 'Neural voice.' });
    const end = await h.terminalOf('for-good');
    assert.equal(end.event, 'finished', JSON.stringify(end));
    assert.equal(end.engine, 'piper');
    assert.equal(end.voice, 'good');
    assert.equal(end.provider, 'cpu');
    assert.equal(h.eventsFor('for-good').find((e) => e.event === 'started')?.provider, 'cpu');
    await h.flushAudio();
    const sentences = findFixtureSentences(h.capture.samples().subarray(Math.floor(from))).filter((s) => s.volume > 0);
    assert.equal(sentences.length, 1);
    assert.ok(sentences[0].complete);
  });

  test('voice: "espeak" asks for espeak-ng directly', async () => {
    await h.say({ id: 'ask-espeak', text: 'Robot voice.', voice: 'espeak' });
    const end = await h.terminalOf('ask-espeak');
    assert.equal(end.event, 'finished');
    assert.equal(end.engine, 'espeak');
    assert.equal(end.reason, undefined);
  });

  test('every message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
  });
});
