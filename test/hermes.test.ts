// Rhasspy Hermes TTS through a real mosquitto, the real daemon (fixture
// voice) and real ALSA (file plugin, drained in real time, so a message takes
// as long as on a sound card). The test client publishes payloads as
// rhasspyhermes writes them: camelCase, unset optional fields as null.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { settle, sleep, startHarness, withTimeout, type Harness, type Received } from './helpers/daemon-harness.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';

const SITE = 'living-room';

async function listenToHermes(h: Harness): Promise<void> {
  await withTimeout(h.client.subscribeAsync(['hermes/#', 'rhasspy/#'], { qos: 1 }), 15_000, 'subscribe hermes/#');
}

const on = (h: Harness, topic: string) => h.messages.filter((m) => m.topic === topic);
const sayFinishedFor = (h: Harness, pred: (json: any) => boolean) => h.waitForMessage((m) => m.topic === 'hermes/tts/sayFinished' && pred(m.json));
const indexOf = (h: Harness, m: Received) => h.messages.indexOf(m);

// A say for this site, ended, shows that every message published before it was handled.
async function barrier(h: Harness, name: string): Promise<void> {
  await h.publish('hermes/tts/say', { text: 'Next.', siteId: SITE, lang: null, id: name, sessionId: null });
  await sayFinishedFor(h, (j) => j.id === name);
  await settle(h, 300, 3000);
}

describe('Hermes on: hermes/tts/say and rhasspy/tts/getVoices', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ voices: [{ name: 'fixture' }], bytesPerSecond: 44100, config: { zones: ['kitchen'], hermes: { enabled: true, siteId: SITE } } });
    await listenToHermes(h);
  });
  after(async () => {
    await h?.stop();
  });

  test('a say for this site is spoken at its volume, then sayFinished {siteId, id, sessionId} follows Herald\'s finished', async () => {
    const from = h.capture.bytes().length / 2;
    await h.publish('hermes/tts/say', { text: 'The kettle is boiling.', siteId: SITE, lang: null, id: 'h-1', sessionId: 'session-1', volume: 0.5 });
    const finished = await sayFinishedFor(h, (j) => j.id === 'h-1');
    assert.deepEqual(finished.json, { siteId: SITE, id: 'h-1', sessionId: 'session-1' });
    assert.deepEqual(h.eventsFor('h-1').map((e) => e.event), ['queued', 'started', 'finished']);
    const heraldFinished = h.messages.find((m) => m.topic === `${h.base}/event` && m.json?.id === 'h-1' && m.json.event === 'finished')!;
    assert.ok(indexOf(h, heraldFinished) < indexOf(h, finished), 'sayFinished after Herald\'s finished');
    assert.deepEqual(on(h, 'hermes/error/tts'), []);

    await h.flushAudio();
    const heard = findFixtureSentences(h.capture.samples().subarray(Math.floor(from))).filter((s) => s.volume > 0);
    assert.equal(heard.length, 1);
    assert.ok(Math.abs(heard[0].volume - 0.5) < 0.01, `volume ${heard[0].volume}`);
  });

  test('a say for another site, or with no siteId (Hermes: "default"), is ignored: no events, no sayFinished', async () => {
    await h.publish('hermes/tts/say', { text: 'Not here.', siteId: 'garage', lang: null, id: 'other-site', sessionId: null });
    await h.publish('hermes/tts/say', { text: 'Not here either.', id: 'no-site' });
    await barrier(h, 'after-other-sites');
    assert.deepEqual(h.eventsFor('other-site'), []);
    assert.deepEqual(h.eventsFor('no-site'), []);
    assert.deepEqual(on(h, 'hermes/tts/sayFinished').filter((m) => ['other-site', 'no-site'].includes(m.json.id)), []);
  });

  test('a zone is a site too: a say for siteId "kitchen" is spoken and answered for that site', async () => {
    await h.publish('hermes/tts/say', { text: 'Dinner is ready.', siteId: 'kitchen', lang: null, id: 'zone-1', sessionId: null });
    const finished = await sayFinishedFor(h, (j) => j.id === 'zone-1');
    assert.deepEqual(finished.json, { siteId: 'kitchen', id: 'zone-1', sessionId: null });
    assert.equal((await h.terminalOf('zone-1')).event, 'finished');
  });

  test('a say without id is spoken under an id Herald gives it; sayFinished echoes id null', async () => {
    const known = new Set(h.events.map((e) => e.id));
    await h.publish('hermes/tts/say', { text: 'No id on this one.', siteId: SITE, lang: null, id: null, sessionId: 'session-no-id' });
    const finished = await sayFinishedFor(h, (j) => j.sessionId === 'session-no-id');
    assert.deepEqual(finished.json, { siteId: SITE, id: null, sessionId: 'session-no-id' });
    const ids = [...new Set(h.events.filter((e) => !known.has(e.id)).map((e) => e.id))];
    assert.equal(ids.length, 1, JSON.stringify(ids));
    assert.deepEqual(h.eventsFor(ids[0]).map((e) => e.event), ['queued', 'started', 'finished']);
  });

  test('lang picks a voice for the language, as Herald\'s own lang does', async () => {
    await h.publish('hermes/tts/say', { text: 'Hello there.', siteId: SITE, lang: 'en_US', id: 'lang-en', sessionId: null });
    await h.publish('hermes/tts/say', { text: 'Guten Tag.', siteId: SITE, lang: 'de_DE', id: 'lang-de', sessionId: null });
    await sayFinishedFor(h, (j) => j.id === 'lang-de');
    assert.equal(h.eventsFor('lang-en').find((e) => e.event === 'finished')?.voice, 'fixture');
    // No neural voice for German here: espeak-ng reads it in German.
    assert.equal(h.eventsFor('lang-de').find((e) => e.event === 'finished')?.voice, 'espeak-ng:de');
  });

  test('a say that fails (only emoji) still gets sayFinished, after a Herald failed event and a hermes/error/tts', async () => {
    await h.publish('hermes/tts/say', { text: '🎉🎉', siteId: SITE, lang: null, id: 'emoji', sessionId: 'session-2' });
    const finished = await sayFinishedFor(h, (j) => j.id === 'emoji');
    assert.deepEqual(finished.json, { siteId: SITE, id: 'emoji', sessionId: 'session-2' });
    const failed = await h.terminalOf('emoji');
    assert.equal(failed.event, 'failed');
    assert.match(failed.reason!, /no speakable text/);
    const error = on(h, 'hermes/error/tts').find((m) => m.json.context === 'emoji')!;
    assert.equal(error.json.siteId, SITE);
    assert.equal(error.json.sessionId, 'session-2');
    assert.match(error.json.error, /^failed: no speakable text/);
    assert.ok(indexOf(h, error) < indexOf(h, finished), 'error before sayFinished, as Rhasspy\'s TTS services send them');
  });

  test('says dropped by Herald\'s stop {"clear":true}, the one playing and the one queued, each get sayFinished', async () => {
    await h.publish('hermes/tts/say', { text: 'Alpha one two three. Bravo four five six. Charlie seven eight nine.', siteId: SITE, lang: null, id: 'stop-playing', sessionId: 'session-4' });
    await h.publish('hermes/tts/say', { text: 'Waiting in the queue.', siteId: SITE, lang: null, id: 'stop-queued', sessionId: 'session-4' });
    await h.waitForEvent((e) => e.id === 'stop-playing' && e.event === 'started');
    await sleep(200);
    await h.publish(`${h.base}/stop`, { clear: true });
    for (const id of ['stop-playing', 'stop-queued']) {
      const finished = await sayFinishedFor(h, (j) => j.id === id);
      assert.deepEqual(finished.json, { siteId: SITE, id, sessionId: 'session-4' });
      assert.equal((await h.terminalOf(id)).event, 'dropped', id);
      const error = on(h, 'hermes/error/tts').find((m) => m.json.context === id)!;
      assert.match(error.json.error, /^dropped: (stopped by request|queue cleared by stop request)/);
    }
  });

  test('bad payloads: invalid JSON is a Herald failed event and a Hermes error; without text, also sayFinished', async () => {
    await h.publish('hermes/tts/say', '{"text": "unclosed');
    const invalid = await h.waitForEvent((e) => e.event === 'failed' && /invalid JSON/.test(e.reason ?? ''));
    assert.match(invalid.reason!, /^hermes\/tts\/say: invalid JSON/);
    await h.waitForMessage((m) => m.topic === 'hermes/error/tts' && /invalid JSON/.test(m.json.error) && m.json.context === null);

    await h.publish('hermes/tts/say', { siteId: SITE, id: 'no-text', sessionId: 'session-3' });
    const finished = await sayFinishedFor(h, (j) => j.id === 'no-text');
    assert.deepEqual(finished.json, { siteId: SITE, id: 'no-text', sessionId: 'session-3' });
    const failed = await h.terminalOf('no-text');
    assert.equal(failed.event, 'failed');
    assert.match(failed.reason!, /text is required/);
  });

  test('a say sent twice with one id is spoken once and answered once', async () => {
    const say = { text: 'Only once.', siteId: SITE, lang: null, id: 'dup-1', sessionId: null };
    await h.publish('hermes/tts/say', say);
    await h.publish('hermes/tts/say', say);
    await sayFinishedFor(h, (j) => j.id === 'dup-1');
    await barrier(h, 'after-dup');
    assert.deepEqual(h.eventsFor('dup-1').map((e) => e.event), ['queued', 'started', 'finished']);
    assert.equal(on(h, 'hermes/tts/sayFinished').filter((m) => m.json.id === 'dup-1').length, 1);
  });

  test('getVoices for this site is answered with the installed voices; for another site, not at all', async () => {
    await h.publish('rhasspy/tts/getVoices', { id: 'other', siteId: 'garage' });
    await h.publish('rhasspy/tts/getVoices', { id: 'v-1', siteId: SITE });
    const answer = await h.waitForMessage((m) => m.topic === 'rhasspy/tts/voices' && m.json.id === 'v-1');
    assert.equal(answer.json.siteId, SITE);
    assert.deepEqual(answer.json.voices.map((v: { voiceId: string }) => v.voiceId), ['fixture', 'espeak']);
    for (const v of answer.json.voices) assert.equal(typeof v.description, 'string');
    assert.match(answer.json.voices[0].description, /en_US/);
    await settle(h, 300, 2000);
    assert.deepEqual(on(h, 'rhasspy/tts/voices').filter((m) => m.json.id === 'other'), []);
  });

  test('every Herald message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
  });
});

describe('hermes config', () => {
  test('off by default; the environment turns it on, and a numeric site id stays text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-hermes-config-'));
    try {
      const file = join(dir, 'herald.yaml');
      writeFileSync(file, 'deviceId: lobby\n');
      assert.deepEqual(loadConfig(file, {}).config.hermes, { enabled: false });
      assert.deepEqual(loadConfig(file, { HERALD_HERMES_ENABLED: 'true', HERALD_HERMES_SITE_ID: '12' }).config.hermes, { enabled: true, siteId: '12' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Hermes off (the default)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ voices: [{ name: 'fixture' }] });
    await listenToHermes(h);
  });
  after(async () => {
    await h?.stop();
  });

  test('hermes/tts/say is not read: nothing spoken, no sayFinished', async () => {
    assert.equal(h.config.hermes.enabled, false);
    await h.publish('hermes/tts/say', { text: 'Anyone?', siteId: h.deviceId, lang: null, id: 'off-1', sessionId: null });
    await h.publish('hermes/tts/say', { text: 'Anyone at the default site?', id: 'off-2' });
    await h.publish('rhasspy/tts/getVoices', { id: 'off-voices', siteId: h.deviceId });
    // Herald's own say, ended, shows the broker has passed on what came before.
    await h.say({ id: 'herald-after', text: 'Herald still speaks.' });
    assert.equal((await h.terminalOf('herald-after')).event, 'finished');
    await settle(h, 300, 2000);
    assert.deepEqual(h.eventsFor('off-1'), []);
    assert.deepEqual(h.eventsFor('off-2'), []);
    assert.deepEqual(on(h, 'hermes/tts/sayFinished'), []);
    assert.deepEqual(on(h, 'hermes/error/tts'), []);
    assert.deepEqual(on(h, 'rhasspy/tts/voices'), []);
  });
});
