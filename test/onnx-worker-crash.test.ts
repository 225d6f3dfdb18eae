// The onnx worker dies in the middle of a multi-sentence message, through the
// real daemon (mosquitto, ALSA file PCM, fixture voice on onnxruntime). That
// message still ends exactly once, and the next one is spoken by the neural
// voice again, not by espeak-ng: the worker restarted and reopened its session.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { killOnnxWorker } from '../src/engines/onnx-session.ts';
import { settle, startHarness, type Harness } from './helpers/daemon-harness.ts';

let h: Harness;

before(async () => {
  h = await startHarness({ voices: [{ name: 'fixture' }], config: { voices: { default: 'fixture' } } });
});
after(async () => {
  await h?.stop();
});

describe('the onnx worker killed mid-message', () => {
  test('the message ends in exactly one terminal event', async () => {
    // Killed right after the second sentence's run was handed to it.
    await killOnnxWorker({ duringRun: 2 });
    await h.say({ id: 'crash', text: 'First sentence here. Second sentence here. Third sentence here. Fourth sentence here.' });
    const end = await h.terminalOf('crash');
    assert.equal(end.event, 'finished', JSON.stringify(h.eventsFor('crash')));
    // The kill really landed in this message: its second sentence lost the neural voice.
    assert.match(end.reason ?? '', /onnx worker died while running/, JSON.stringify(end));
    await settle(h);
    assert.equal(h.eventsFor('crash').filter((e) => ['finished', 'failed', 'dropped'].includes(e.event)).length, 1);
  });

  test('the next message is spoken by the neural voice again', async () => {
    await h.say({ id: 'after', text: 'Back to normal. All good.' });
    const end = await h.terminalOf('after');
    assert.equal(end.event, 'finished', JSON.stringify(h.eventsFor('after')));
    assert.equal(end.engine, 'piper', JSON.stringify(end));
    assert.equal(end.voice, 'fixture');
    assert.equal(end.reason, undefined, 'no fallback');
  });

  test('every message ended exactly once', async () => {
    await settle(h);
    assert.deepEqual(h.terminalProblems(), []);
  });
});
