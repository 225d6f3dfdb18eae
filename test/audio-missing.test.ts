// The configured ALSA device does not exist (a USB speaker not plugged in):
// the daemon stays up, says so in its status, keeps messages until their ttl
// and drops them with a reason that names the device; when the device
// appears, the messages still waiting are spoken.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';

const DEVICE = 'herald_late';
let h: Harness;

before(async () => {
  // A PCM name that the ALSA configuration does not define (yet).
  h = await startHarness({ voices: [{ name: 'fixture' }], config: { audio: { device: DEVICE, retrySeconds: 1 } }, waitForAudio: false });
});
after(async () => {
  await h?.stop();
});

describe('audio device missing', () => {
  test('the daemon runs and its status says audio is not ok, and why', async () => {
    // The first sink attempt has failed by the time a retry has been made.
    const status = await h.waitForMessage((m) => m.topic === `${h.base}/status` && m.json?.state === 'online' && m.json?.audioOk === false && !!m.json?.audioError);
    assert.equal(status.json.audioDevice, DEVICE);
    const live = await h.request('status');
    assert.equal(live.status, 'ok', 'still answering requests');
    assert.equal(live.data.audioOk, false);
    assert.equal(typeof live.data.audioError, 'string');
  });

  test('a message waits until its ttl, then is dropped naming the audio device; it never starts', async () => {
    await h.say({ id: 'no-audio', text: 'Nobody will hear this.', ttlSeconds: 2 });
    const end = await h.terminalOf('no-audio', 15_000);
    assert.equal(end.event, 'dropped');
    assert.match(end.reason!, /ttl expired while the audio device 'herald_late' was unavailable/);
    assert.deepEqual(h.eventsFor('no-audio').map((e) => e.event), ['queued', 'dropped']);
    const waited = end.ts - h.eventsFor('no-audio')[0].ts;
    assert.ok(waited >= 2000 && waited < 6000, `dropped after ${waited} ms`);
  });

  test('when the device appears, a waiting message is spoken', async () => {
    await h.say({ id: 'waits', text: 'Patience pays.', ttlSeconds: 120 });
    await h.waitForEvent((e) => e.id === 'waits' && e.event === 'queued');
    // Plug it in: define the PCM (the file plugin into the capture FIFO). The
    // sink's next retry, a new process, reads the new configuration.
    appendFileSync(h.capture.configPath, `\npcm.${DEVICE} {\n  type file\n  slave.pcm "nullsink"\n  file "${h.capture.fifo}"\n  format "raw"\n}\n`);
    const end = await h.terminalOf('waits', 30_000);
    assert.equal(end.event, 'finished', JSON.stringify(h.eventsFor('waits')));
    await h.waitForMessage((m) => m.topic === `${h.base}/status` && m.json?.audioOk === true);
    await h.flushAudio();
    const sentences = findFixtureSentences(h.capture.samples()).filter((s) => s.volume > 0);
    assert.equal(sentences.length, 1);
    assert.ok(sentences[0].complete);
  });

  test('every message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
  });
});
