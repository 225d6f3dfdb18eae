// End to end through a real mosquitto and real ALSA (file plugin): say,
// zones, retained status, request/response, and the offline status at stop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import mqtt from 'mqtt';
import { TERMINAL_EVENTS, type HeraldEvent } from '../src/events.ts';
import { connected, settle, startHarness, withTimeout, type Harness, type Received } from './helpers/daemon-harness.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';

let h: Harness;

before(async () => {
  h = await startHarness({ voices: [{ name: 'fixture' }], config: { zones: ['kitchen'] } });
});
after(async () => {
  await h?.stop();
});

// The ids the daemon gave to plain-text messages, in order of their `queued`.
function newIds(known: Set<string>): string[] {
  return [...new Set(h.events.filter((e) => e.event === 'queued' && !known.has(e.id)).map((e) => e.id))];
}

// A second client that connects now and reads the retained status.
async function retainedStatus(): Promise<any> {
  const client = mqtt.connect(h.broker.url, { protocolVersion: 5, reconnectPeriod: 0 });
  try {
    await connected(client);
    const got = new Promise<Received>((resolve) => {
      client.on('message', (topic, payload, packet) => resolve({ topic, payload, json: JSON.parse(payload.toString()), retain: packet.retain, at: Date.now() }));
    });
    await client.subscribeAsync(`${h.base}/status`, { qos: 1 });
    const m = await withTimeout(got, 10_000, 'retained status');
    assert.equal(m.retain, true, 'status is retained');
    return m.json;
  } finally {
    client.end(true);
  }
}

describe('say through mosquitto to ALSA', () => {
  test('a plain-text say: queued, started (ttfa, provider cpu), finished, and its audio reaches the device', async () => {
    const known = new Set(h.events.map((e) => e.id));
    const from = h.capture.bytes().length / 2;
    const text = 'The kettle is boiling. Tea is ready.';
    await h.say(text);
    await h.waitForEvent((e) => e.event === 'queued' && !known.has(e.id));
    const [id] = newIds(known);
    const end = await h.terminalOf(id);
    assert.equal(end.event, 'finished', JSON.stringify(end));
    const events = h.eventsFor(id);
    assert.deepEqual(events.map((e) => e.event), ['queued', 'started', 'finished']);
    const started = events[1];
    assert.equal(started.provider, 'cpu');
    assert.equal(started.engine, 'piper');
    assert.equal(started.voice, 'fixture');
    assert.equal(typeof started.ttfaMs, 'number');
    assert.ok(started.ttfaMs! >= 0 && started.ttfaMs! < 15_000, `ttfaMs ${started.ttfaMs}`);
    assert.equal(started.sentence, 0);
    assert.ok(events[0].ts <= started.ts && started.ts <= end.ts, 'events in time order');
    assert.ok(end.audioMs! > 0 && end.synthMs! >= 0);

    await h.flushAudio();
    const sentences = findFixtureSentences(h.capture.samples().subarray(Math.floor(from))).filter((s) => s.volume > 0);
    const expected = await expectedIds(h.daemon.espeak, text);
    assert.deepEqual(sentences.map((s) => s.ids), expected, 'both sentences, in order, whole');
  });

  test('a message on a configured zone topic is spoken; an unconfigured zone is ignored', async () => {
    await h.publish(`herald/zone/garage/say`, { id: 'zone-garage', text: 'Not for us.' });
    await h.publish(`herald/zone/kitchen/say`, { id: 'zone-kitchen', text: 'Dinner is ready.' });
    const end = await h.terminalOf('zone-kitchen');
    assert.equal(end.event, 'finished');
    await settle(h, 500, 3000);
    assert.deepEqual(h.eventsFor('zone-garage'), []);
  });

  test('status is retained: online, voices, provider cpu, audio ok', async () => {
    const status = await retainedStatus();
    assert.equal(status.state, 'online');
    assert.equal(status.deviceId, h.deviceId);
    assert.deepEqual(status.voices, ['fixture', 'espeak']);
    assert.equal(status.defaultVoice, 'fixture');
    assert.equal(status.provider, 'cpu');
    assert.equal(status.audioOk, true);
    assert.equal(status.audioDevice, 'default');
    assert.deepEqual(status.voiceProblems, []);
    assert.equal(typeof status.version, 'string');
  });

  test('request/voices answers with the transaction echoed', async () => {
    const r = await h.request('voices');
    assert.equal(r.status, 'ok');
    assert.equal(typeof r.transaction, 'string');
    assert.equal(r.data.default, 'fixture');
    const fixture = r.data.voices.find((v: { name: string }) => v.name === 'fixture');
    assert.equal(fixture.loaded, true);
    assert.equal(fixture.provider, 'cpu');
    assert.equal(fixture.family, 'piper');
    assert.equal(fixture.sampleRate, 22050);
    assert.ok(r.data.voices.some((v: { name: string }) => v.name === 'espeak'));
  });

  test('request/status and request/metrics', async () => {
    const s = await h.request('status');
    assert.equal(s.status, 'ok');
    assert.equal(s.data.state, 'online');
    assert.equal(s.data.audioOk, true);
    const m = await h.request('metrics');
    assert.equal(m.status, 'ok');
    assert.equal(m.data.deviceId, h.deviceId);
    assert.ok(m.data.synthesis.count >= 1, `synthesis count ${m.data.synthesis.count}`);
    assert.equal(typeof m.data.system.processRssBytes, 'number');
  });

  test('request/reload reloads the voices, and the reloaded voice speaks', async () => {
    const r = await h.request('reload');
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.data.voices, ['fixture']);
    assert.deepEqual(r.data.problems, []);
    await h.say({ id: 'after-reload', text: 'Still here.' });
    const end = await h.terminalOf('after-reload');
    assert.equal(end.event, 'finished', JSON.stringify(end));
    assert.equal(end.engine, 'piper');
  });

  test('an unknown request gets an error response; a request that is not JSON too', async () => {
    const r = await h.request('nope');
    assert.equal(r.status, 'error');
    assert.match(r.error, /unknown request 'nope'/);
    assert.match(r.error, /voices/);
    assert.equal(typeof r.transaction, 'string');

    await h.publish(`${h.base}/request/status`, 'not json');
    const bad = await h.waitForMessage((m) => m.topic === `${h.base}/response/status` && m.json?.status === 'error');
    assert.match(bad.json.error, /invalid JSON/);
  });

  test('a request without a transaction is still answered', async () => {
    const responses = () => h.messages.filter((m) => m.topic === `${h.base}/response/voices`);
    const before = responses().length;
    await h.publish(`${h.base}/request/voices`, '');
    await h.waitForMessage(() => responses().length > before);
    const r = responses()[before].json;
    assert.equal(r.status, 'ok');
    assert.equal(r.transaction, undefined);
  });

  test('an id seen before is not spoken again and gets no new events, even where it would now fail', async () => {
    await h.say({ id: 'dup-1', text: 'Spoken once.' });
    assert.equal((await h.terminalOf('dup-1')).event, 'finished');
    const before = h.eventsFor('dup-1').length;
    await h.say({ id: 'dup-1', text: 'Spoken once.' });
    await h.say({ id: 'dup-1', text: 'Now with a voice that is not installed.', voice: 'nonexistent' });
    // A later message's end shows the two repeats were handled before it.
    await h.say({ id: 'dup-after', text: 'After.' });
    await h.terminalOf('dup-after');
    assert.equal(h.eventsFor('dup-1').length, before, JSON.stringify(h.eventsFor('dup-1')));
  });

  test('every message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
    for (const id of new Set(h.events.map((e) => e.id))) {
      const seq = h.eventsFor(id).map((e) => e.event);
      assert.equal(seq[0], 'queued', `${id}: ${seq}`);
      assert.ok(TERMINAL_EVENTS.has(seq[seq.length - 1] as HeraldEvent['event']), `${id}: ${seq}`);
    }
  });

  test('stop publishes a retained offline status', async () => {
    await h.daemon.stop();
    const status = await retainedStatus();
    assert.equal(status.state, 'offline');
  });
});
