// Home Assistant's MQTT discovery end to end: a real mosquitto, the real
// daemon with two fixture voices, ALSA's file plugin drained in real time.
// Home Assistant is played by an MQTT client that does what it does: reads
// the retained config, publishes to the command topics, announces itself on
// homeassistant/status. Every config is checked against the documented schema.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mqtt from 'mqtt';
import pino from 'pino';
import type { HeraldConfig } from '../src/config/schema.ts';
import { Daemon } from '../src/daemon.ts';
import type { HeraldEvent } from '../src/events.ts';
import { recordPath } from '../src/homeassistant/settings.ts';
import { connected, settle, sleep, startHarness, withTimeout, type Harness, type Received } from './helpers/daemon-harness.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences, type CapturedSentence } from './helpers/fixture-pcm.ts';
import { assertValidDiscovery } from './helpers/ha-discovery.ts';

const PREFIX = 'homeassistant';
// Played at four times real time: long enough that a message is seen
// speaking and can be stopped, short enough for a 600-character notify.
const PLAYBACK_BYTES_PER_SECOND = 4 * 44100;

// Sentences until the text is past 600 characters: longer than the 255 a
// Home Assistant text entity would keep.
function longText(): string {
  const sentences: string[] = [];
  for (let i = 1; sentences.join(' ').length <= 600; i++) sentences.push(`This is part ${i} of a long announcement from the house.`);
  return sentences.join(' ');
}

// What Herald published on `topic` after message index `from`, as text.
function valueAfter(h: Harness, topic: string, from: number, value?: string): Promise<Received> {
  return h.waitForMessage((m) => h.messages.indexOf(m) >= from && m.topic === topic && (value === undefined || m.payload.toString() === value));
}

// The id Herald gave the next plain-text message (a notify has none of its own).
async function nextNewId(h: Harness, known: Set<string>): Promise<string> {
  const queued = await h.waitForEvent((e) => e.event === 'queued' && !known.has(e.id));
  return queued.id;
}

// The fixture sentences that reached the device after sample `from` (flush messages are silent).
async function heardSince(h: Harness, from: number): Promise<CapturedSentence[]> {
  await h.flushAudio();
  return findFixtureSentences(h.capture.samples().subarray(from)).filter((s) => s.volume > 0);
}

// Retained messages a client that connects now is given under `filter`.
async function retained(h: Harness, filter: string): Promise<Received[]> {
  const client = mqtt.connect(h.broker.url, { protocolVersion: 5, reconnectPeriod: 0 });
  try {
    await connected(client);
    const got: Received[] = [];
    client.on('message', (topic, payload, packet) => got.push({ topic, payload, retain: packet.retain, at: Date.now() }));
    await client.subscribeAsync(filter, { qos: 1 });
    await sleep(1000);
    return got.filter((m) => m.retain);
  } finally {
    client.end(true);
  }
}

describe('Home Assistant discovery enabled', () => {
  let h: Harness;
  let topic: string;
  let state: (name: string) => string;
  const restarted: Daemon[] = [];

  before(async () => {
    h = await startHarness({
      voices: [{ name: 'alpha' }, { name: 'beta' }],
      bytesPerSecond: PLAYBACK_BYTES_PER_SECOND,
      config: { voices: { default: 'alpha' }, homeassistant: { enabled: true } },
    });
    topic = `${PREFIX}/device/herald_${h.deviceId}/config`;
    state = (name) => `${h.base}/ha/${name}`;
    await h.client.subscribeAsync(`${PREFIX}/#`, { qos: 1 });
  });
  after(async () => {
    for (const d of restarted) await d.stop();
    await h?.stop();
  });

  // The daemon stops and a new one starts on the same broker, state dir and device.
  async function restart(config: HeraldConfig): Promise<Daemon> {
    const from = h.messages.length;
    await (restarted.at(-1) ?? h.daemon).stop();
    const log = pino({ level: 'debug' }, pino.destination({ dest: join(h.dir, `daemon-${restarted.length + 2}.log`), sync: true }));
    const daemon = new Daemon(config, log);
    restarted.push(daemon);
    await withTimeout(daemon.start(), 60_000, 'daemon.start');
    await h.waitForMessage((m) => h.messages.indexOf(m) >= from && m.topic === `${h.base}/status` && m.json?.state === 'online' && m.json?.audioOk === true);
    return daemon;
  }

  test('the device config is retained under the prefix, passes the documented schema, and its values are published', async () => {
    const [config] = await retained(h, `${PREFIX}/#`);
    assert.equal(config?.topic, topic, 'one retained config, at <prefix>/device/<object_id>/config');
    const payload = JSON.parse(config.payload.toString());
    assertValidDiscovery(topic, payload);
    assert.deepEqual(payload.cmps.voice.options, ['alpha', 'beta', 'espeak']);
    assert.equal(payload.availability_topic, `${h.base}/status`);
    assert.deepEqual(payload.dev.ids, [`herald_${h.deviceId}`]);
    const values = await retained(h, `${h.base}/ha/#`);
    const shown = Object.fromEntries(values.map((m) => [m.topic.slice(`${h.base}/ha/`.length), m.payload.toString()]));
    assert.deepEqual(shown, { activity: 'idle', queue: '0', voice: 'alpha', volume: '1', rate: '1' });
    const record = JSON.parse(readFileSync(recordPath(h.config.stateDir), 'utf8'));
    assert.ok(record.published.includes(topic), 'the state dir records what was published');
  });

  test('published again when Home Assistant announces itself online', async () => {
    const from = h.messages.length;
    await h.publish(`${PREFIX}/status`, 'offline');
    await settle(h, 300, 1500);
    assert.equal(h.messages.slice(from).filter((m) => m.topic === topic).length, 0, 'offline asks for nothing');
    await h.publish(`${PREFIX}/status`, 'online');
    const again = await valueAfter(h, topic, from);
    assertValidDiscovery(topic, JSON.parse(again.payload.toString()));
  });

  test('notify: a 600-character message is spoken whole with the default voice; the sensors follow it', async () => {
    const text = longText();
    assert.ok(text.length > 600);
    const known = new Set(h.events.map((e) => e.id));
    const fromMsg = h.messages.length;
    const fromSample = h.capture.samples().length;
    await h.publish(`${h.base}/ha/notify`, text);
    const id = await nextNewId(h, known);
    await valueAfter(h, state('activity'), fromMsg, 'speaking');
    await valueAfter(h, state('queue'), fromMsg, '1');
    const end = await h.terminalOf(id, 60_000);
    assert.equal(end.event, 'finished', JSON.stringify(end));
    const started = h.eventsFor(id).find((e) => e.event === 'started')!;
    assert.equal(started.voice, 'alpha');
    await valueAfter(h, state('activity'), fromMsg, 'idle');
    await valueAfter(h, state('ttfa'), fromMsg, String(Math.round(started.ttfaMs!)));
    const heard = await heardSince(h, fromSample);
    const expected = await expectedIds(h.daemon.espeak, text);
    assert.equal(heard.length, expected.length, `all ${expected.length} sentences heard`);
    assert.deepEqual(heard.map((s) => s.ids), expected);
    assert.ok(heard.every((s) => s.complete));
  });

  test('notify: a message that looks like JSON is spoken as the text it is', async () => {
    const known = new Set(h.events.map((e) => e.id));
    await h.publish(`${h.base}/ha/notify`, '{"text": "not a say object", "volume": 9}');
    const end = await h.terminalOf(await nextNewId(h, known));
    assert.equal(end.event, 'finished', JSON.stringify(end));
  });

  test('numbers: volume and rate apply to later messages that set none; out-of-range values are refused', async () => {
    const from = h.messages.length;
    await h.publish(`${h.base}/ha/volume/set`, '0.5');
    await h.publish(`${h.base}/ha/rate/set`, '2');
    await valueAfter(h, state('volume'), from, '0.5');
    await valueAfter(h, state('rate'), from, '2');

    const fromSample = h.capture.samples().length;
    const known = new Set(h.events.map((e) => e.id));
    await h.publish(`${h.base}/ha/notify`, 'Softer and faster now.');
    assert.equal((await h.terminalOf(await nextNewId(h, known))).event, 'finished');
    await h.say({ id: 'ha-own-volume', text: 'My own volume and rate.', volume: 1, rate: 1 });
    assert.equal((await h.terminalOf('ha-own-volume')).event, 'finished');
    const [defaults, own] = await heardSince(h, fromSample);
    assert.ok(Math.abs(defaults.volume - 0.5) < 0.01, `default volume heard: ${defaults.volume}`);
    assert.ok(Math.abs(defaults.lengthScale - 0.5) < 0.01, `rate 2 halves the length scale: ${defaults.lengthScale}`);
    assert.ok(Math.abs(own.volume - 1) < 0.01 && Math.abs(own.lengthScale - 1) < 0.01, 'a message with its own volume and rate keeps them');

    for (const [name, bad, kept] of [['volume', '7', '0.5'], ['rate', 'fast', '2'], ['rate', '', '2']]) {
      const at = h.messages.length;
      await h.publish(`${h.base}/ha/${name}/set`, bad);
      // The entity is told the value Herald kept.
      await valueAfter(h, state(name), at, kept);
      assert.match(h.logTail(200), new RegExp(`Home Assistant sent ${name} '${bad}', not a number`));
    }
    const record = JSON.parse(readFileSync(recordPath(h.config.stateDir), 'utf8'));
    assert.deepEqual([record.volume, record.rate], [0.5, 2]);
  });

  test('select: the default voice changes for messages that name none; an unknown voice is refused', async () => {
    const from = h.messages.length;
    await h.publish(`${h.base}/ha/voice/set`, 'beta');
    await valueAfter(h, state('voice'), from, 'beta');
    await h.waitForMessage((m) => h.messages.indexOf(m) >= from && m.topic === `${h.base}/status` && m.json?.defaultVoice === 'beta');

    const known = new Set(h.events.map((e) => e.id));
    await h.publish(`${h.base}/ha/notify`, 'Which voice is this?');
    const notified = await nextNewId(h, known);
    await h.say({ id: 'ha-say-default', text: 'And this one?' });
    await h.say({ id: 'ha-say-alpha', text: 'This one asks for alpha.', voice: 'alpha' });
    const voiceOf = async (id: string) => {
      await h.terminalOf(id);
      return h.eventsFor(id).find((e: HeraldEvent) => e.event === 'started')?.voice;
    };
    assert.deepEqual([await voiceOf(notified), await voiceOf('ha-say-default'), await voiceOf('ha-say-alpha')], ['beta', 'beta', 'alpha']);

    const at = h.messages.length;
    await h.publish(`${h.base}/ha/voice/set`, 'nope');
    await valueAfter(h, state('voice'), at, 'beta');
    assert.match(h.logTail(200), /Home Assistant asked for unknown voice 'nope'/);
  });

  test('button: stops what is playing, as Herald\'s stop topic does', async () => {
    const retainedConfig = (await retained(h, topic))[0];
    const button = JSON.parse(retainedConfig.payload.toString()).cmps.stop;
    const from = h.messages.length;
    await h.say({ id: 'ha-stop-me', text: longText() });
    await h.waitForEvent((e) => e.id === 'ha-stop-me' && e.event === 'started');
    await h.publish(button.command_topic, button.payload_press ?? 'PRESS');
    const end = await h.terminalOf('ha-stop-me');
    assert.equal(end.event, 'dropped');
    assert.equal(end.reason, 'stopped by request');
    await valueAfter(h, state('activity'), from, 'idle');
  });

  test('the chosen voice, volume and rate survive a restart', async () => {
    const from = h.messages.length;
    await restart(h.config);
    await valueAfter(h, state('voice'), from, 'beta');
    await valueAfter(h, state('volume'), from, '0.5');
    const fromSample = h.capture.samples().length;
    await h.say({ id: 'ha-after-restart', text: 'Still the same voice.' });
    assert.equal((await h.terminalOf('ha-after-restart')).event, 'finished');
    assert.equal(h.eventsFor('ha-after-restart').find((e) => e.event === 'started')?.voice, 'beta');
    const [heard] = await heardSince(h, fromSample);
    assert.ok(Math.abs(heard.volume - 0.5) < 0.01 && Math.abs(heard.lengthScale - 0.5) < 0.01, `volume ${heard.volume}, length scale ${heard.lengthScale}`);
  });

  test('a start with discovery switched off removes the entities and gives back the configured defaults', async () => {
    const from = h.messages.length;
    await restart({ ...h.config, homeassistant: { ...h.config.homeassistant, enabled: false } });
    const cleared = await valueAfter(h, topic, from);
    assert.equal(cleared.payload.length, 0, 'an empty config removes the device in Home Assistant');
    await valueAfter(h, state('voice'), from, '');
    assert.deepEqual(await retained(h, `${PREFIX}/#`), [], 'no retained config left');
    assert.deepEqual(await retained(h, `${h.base}/ha/#`), [], 'no retained values left');
    assert.deepEqual(JSON.parse(readFileSync(recordPath(h.config.stateDir), 'utf8')).published, []);

    const fromSample = h.capture.samples().length;
    await h.say({ id: 'ha-off', text: 'Back to the configured voice.' });
    assert.equal((await h.terminalOf('ha-off')).event, 'finished');
    assert.equal(h.eventsFor('ha-off').find((e) => e.event === 'started')?.voice, 'alpha');
    const [heard] = await heardSince(h, fromSample);
    assert.ok(Math.abs(heard.volume - 1) < 0.01 && Math.abs(heard.lengthScale - 1) < 0.01);

    // Another start with it off has nothing left to clear, and clears nothing.
    const again = h.messages.length;
    await restart({ ...h.config, homeassistant: { ...h.config.homeassistant, enabled: false } });
    await settle(h, 500, 2000);
    assert.deepEqual(h.messages.slice(again).filter((m) => m.topic.startsWith(`${PREFIX}/`) || m.topic.startsWith(`${h.base}/ha/`)), []);
  });
});

describe('Home Assistant discovery off (the default)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ voices: [{ name: 'alpha' }] });
    await h.client.subscribeAsync(`${PREFIX}/#`, { qos: 1 });
  });
  after(async () => {
    await h?.stop();
  });

  test('nothing is published under the prefix, its commands are not read, and no state file is written', async () => {
    assert.equal(h.config.homeassistant.enabled, false);
    await h.publish(`${PREFIX}/status`, 'online');
    await h.publish(`${h.base}/ha/notify`, 'Nobody should hear this.');
    await h.publish(`${h.base}/ha/volume/set`, '0.2');
    await settle(h, 700, 3000);
    const published = h.messages.filter((m) => (m.topic.startsWith(`${PREFIX}/`) && m.topic !== `${PREFIX}/status`) || m.topic.startsWith(`${h.base}/ha/`) && !/\/(notify|set)$/.test(m.topic));
    assert.deepEqual(published.map((m) => m.topic), []);
    assert.deepEqual(h.events.filter((e) => e.event === 'queued'), [], 'the notify topic is not subscribed');
    assert.equal(existsSync(recordPath(h.config.stateDir)), false);
  });
});
