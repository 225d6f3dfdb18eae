// Piper's model contract, end to end: a `say` through mosquitto, the daemon's
// text pipeline, a real onnxruntime session of a fixture model whose output
// encodes its inputs, the ALSA sink process, ALSA's file plugin. The inputs
// the model got (ids, input_lengths, scales, sid) and the volume are read
// back from the captured PCM.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences, type CapturedSentence } from './helpers/fixture-pcm.ts';

let h: Harness;
let n = 0;

before(async () => {
  h = await startHarness({
    voices: [{ name: 'fixture' }, { name: 'multi', speakers: 4 }, { name: 'slow' }],
    // A voice whose own length_scale is not 1: the rate divides it.
    prepare: ({ voicesDir }) => {
      const path = join(voicesDir, 'slow.onnx.json');
      const json = JSON.parse(readFileSync(path, 'utf8'));
      json.inference.length_scale = 1.6;
      writeFileSync(path, JSON.stringify(json));
    },
    config: { voices: { default: 'fixture' } },
  });
});
after(async () => {
  await h?.stop();
});

// Says one message, waits for it to finish, and returns its sentences as the
// model produced them, read from what reached ALSA.
async function spoken(payload: Record<string, unknown>): Promise<{ sentences: CapturedSentence[]; samples: Int16Array; events: ReturnType<Harness['eventsFor']> }> {
  const id = `contract-${++n}`;
  const from = h.capture.bytes().length / 2;
  await h.say({ id, ...payload });
  const end = await h.terminalOf(id);
  assert.equal(end.event, 'finished', `${id}: ${JSON.stringify(end)}\n${h.logTail()}`);
  await h.flushAudio();
  const samples = h.capture.samples().subarray(Math.floor(from));
  return { sentences: findFixtureSentences(samples).filter((s) => s.volume > 0), samples, events: h.eventsFor(id) };
}

describe('Piper contract through MQTT, onnxruntime and ALSA', () => {
  test('ids and input_lengths reach the model exactly, sentence by sentence, with the default scales', async () => {
    const text = 'Hello, world. Is it raining?';
    const { sentences, samples, events } = await spoken({ text });
    const expected = await expectedIds(h.daemon.espeak, text);
    assert.equal(expected.length, 2);
    // Known values, so a wrong phonemizer cannot agree with itself: ^ _ h _ ə _ l _ ˈ _ o _ ʊ _ , _ ␠ _ w …
    assert.deepEqual(expected[0].slice(0, 20), [1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 8, 0, 3, 0, 35, 0]);
    assert.equal(sentences.length, 2, `decoded ${JSON.stringify(sentences.map((s) => s.ids.length))}`);
    sentences.forEach((s, i) => {
      assert.ok(s.complete, `sentence ${i} complete`);
      assert.deepEqual(s.ids, expected[i], `sentence ${i} ids`);
      assert.ok(Math.abs(s.noiseScale - 0.667) < 0.001, `noise_scale ${s.noiseScale}`);
      assert.ok(Math.abs(s.lengthScale - 1) < 0.001, `length_scale ${s.lengthScale}`);
      assert.ok(Math.abs(s.noiseW - 0.8) < 0.001, `noise_w ${s.noiseW}`);
      assert.equal(s.sid, 0);
      assert.ok(Math.abs(s.volume - 1) < 0.001, `volume ${s.volume}`);
    });
    // 0.2 s of sentence silence between the two, exactly.
    const gap = sentences[1].offset - sentences[0].end;
    assert.equal(gap, 4410);
    assert.ok(samples.subarray(sentences[0].end, sentences[1].offset).every((v) => v === 0));
    // The finished event accounts for the same audio.
    const finished = events.find((e) => e.event === 'finished')!;
    const audioSamples = sentences.reduce((sum, s) => sum + (s.end - s.offset), 0) + 2 * 4410;
    assert.ok(Math.abs(finished.audioMs! - (audioSamples / 22050) * 1000) < 1, `audioMs ${finished.audioMs} vs ${(audioSamples / 22050) * 1000}`);
    assert.equal(finished.voice, 'fixture');
    assert.equal(finished.engine, 'piper');
    assert.equal(finished.provider, 'cpu');
  });

  test('rate sets length_scale = voice length_scale / rate', async () => {
    const fast = await spoken({ text: 'Quick.', rate: 2 });
    assert.equal(fast.sentences.length, 1);
    assert.ok(Math.abs(fast.sentences[0].lengthScale - 0.5) < 0.001, `rate 2 → ${fast.sentences[0].lengthScale}`);
    assert.deepEqual(fast.sentences[0].ids, (await expectedIds(h.daemon.espeak, 'Quick.'))[0]);

    const slower = await spoken({ text: 'Slower.', rate: 0.8 });
    assert.ok(Math.abs(slower.sentences[0].lengthScale - 1.25) < 0.001, `rate 0.8 → ${slower.sentences[0].lengthScale}`);
    assert.ok(slower.sentences[0].complete);

    const own = await spoken({ text: 'Own scale.', voice: 'slow', rate: 2 });
    assert.ok(Math.abs(own.sentences[0].lengthScale - 0.8) < 0.001, `slow voice (1.6) at rate 2 → ${own.sentences[0].lengthScale}`);
    assert.equal(own.events.find((e) => e.event === 'finished')?.voice, 'slow');
  });

  test('volume scales the samples', async () => {
    const { sentences } = await spoken({ text: 'Half volume.', volume: 0.5 });
    assert.equal(sentences.length, 1);
    assert.ok(Math.abs(sentences[0].volume - 0.5) < 0.002, `volume ${sentences[0].volume}`);
    assert.deepEqual(sentences[0].ids, (await expectedIds(h.daemon.espeak, 'Half volume.'))[0]);
  });

  test('speaker reaches a multi-speaker model as sid; absent means speaker 0', async () => {
    const three = await spoken({ text: 'Speaker three.', voice: 'multi', speaker: 3 });
    assert.equal(three.sentences.length, 1);
    assert.equal(three.sentences[0].sid, 3);
    assert.deepEqual(three.sentences[0].ids, (await expectedIds(h.daemon.espeak, 'Speaker three.'))[0]);
    assert.equal(three.events.find((e) => e.event === 'finished')?.voice, 'multi');

    const zero = await spoken({ text: 'Default speaker.', voice: 'multi' });
    assert.equal(zero.sentences[0].sid, 0);
  });

  test('a speaker for a single-speaker voice is ignored, not an error', async () => {
    const { sentences, events } = await spoken({ text: 'Only one.', speaker: 2 });
    assert.equal(sentences.length, 1);
    assert.equal(sentences[0].sid, 0);
    assert.equal(events.filter((e) => e.event === 'failed').length, 0);
    assert.match(String(events.find((e) => e.event === 'finished')?.reason), /speaker 2 not in voice fixture/);
  });

  test('every message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
  });
});
