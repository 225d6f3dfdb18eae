// Config and the settings file; the discovery payload Herald builds, against the validator of what Home
// Assistant documents; and the validator itself, which must be able to fail.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { configSchema } from '../src/config/schema.ts';
import { discoveryPayload } from '../src/homeassistant/discovery.ts';
import { readHaRecord, recordPath, runtimeDefaults, writeHaRecord } from '../src/homeassistant/settings.ts';
import { Topics } from '../src/mqtt/topics.ts';
import { discoveryProblems } from './helpers/ha-discovery.ts';

const topics = new Topics('herald', 'lobby.speaker', []);
const topic = topics.haDiscovery('homeassistant');
const good = () => structuredClone(discoveryPayload(topics, ['alpha', 'beta', 'espeak'])) as any;

describe('Home Assistant discovery payload', () => {
  test('passes: one device config, a device id made topic-safe', () => {
    assert.equal(topic, 'homeassistant/device/herald_lobby_speaker/config');
    assert.deepEqual(discoveryProblems(topic, good()), []);
  });

  test('has the entities the issue asks for, each with a platform and a unique id', () => {
    const p = good();
    const platforms = Object.fromEntries(Object.entries(p.cmps).map(([k, c]: [string, any]) => [k, c.p]));
    assert.deepEqual(platforms, { announce: 'notify', voice: 'select', volume: 'number', rate: 'number', stop: 'button', state: 'sensor', queue: 'sensor', ttfa: 'sensor' });
    assert.deepEqual(p.cmps.voice.options, ['alpha', 'beta', 'espeak']);
    assert.deepEqual([p.cmps.volume.min, p.cmps.volume.max, p.cmps.rate.min, p.cmps.rate.max], [0, 1, 0.5, 2]);
    assert.equal(p.cmps.stop.command_topic, 'herald/lobby.speaker/stop');
    assert.equal(p.cmps.announce.command_topic, 'herald/lobby.speaker/ha/notify');
    assert.deepEqual([p.cmps.ttfa.device_class, p.cmps.ttfa.unit_of_measurement, p.cmps.ttfa.state_class], ['duration', 'ms', 'measurement']);
    assert.equal(p.availability_topic, 'herald/lobby.speaker/status');
    assert.equal(new Set(Object.values(p.cmps).map((c: any) => c.unique_id)).size, 8);
  });

  // Each case breaks one documented rule; the validator must name it.
  const broken: Array<[string, (p: any) => void, RegExp, string?]> = [
    ['no platform', (p) => delete p.cmps.voice.p, /components\.voice: platform undefined/],
    ['a platform Herald does not use', (p) => (p.cmps.voice.p = 'text'), /platform "text"/],
    ['notify without command_topic', (p) => delete p.cmps.announce.command_topic, /notify requires 'command_topic'/],
    ['select without options', (p) => delete p.cmps.voice.options, /select requires 'options'/],
    ['sensor without state_topic', (p) => delete p.cmps.queue.state_topic, /sensor requires 'state_topic'/],
    ['no unique_id', (p) => delete p.cmps.stop.unique_id, /stop: unique_id is required/],
    ['an option the platform lacks', (p) => (p.cmps.stop.max = 3), /'max' is not an option of the button platform/],
    ['a key twice, abbreviated and not', (p) => (p.cmps.queue.stat_t = p.cmps.queue.state_topic), /'state_topic' given twice/],
    ['unknown top-level key', (p) => (p.colour = 'red'), /'colour' is not allowed at the top/],
    ['no origin', (p) => delete p.o, /'origin' is required/],
    ['origin without name', (p) => delete p.o.name, /origin: name is required/],
    ['device without identifiers', (p) => delete p.dev.ids, /identifiers or connections/],
    ['number with min above max', (p) => (p.cmps.volume.min = 2), /min < max/],
    ['a duration in kilograms', (p) => (p.cmps.ttfa.unit_of_measurement = 'kg'), /duration's unit/],
    ['an enum sensor with a unit', (p) => (p.cmps.state.unit_of_measurement = 'x'), /enum sensor takes no unit/],
    ['a wildcard command topic', (p) => (p.cmps.rate.command_topic = 'herald/+/rate'), /command_topic must be a topic without wildcards/],
    ['a bad object id in the topic', () => {}, /not <prefix>\/device\/<object_id>\/config/, 'homeassistant/device/lobby.speaker/config'],
  ];
  for (const [what, breakIt, expected, badTopic] of broken) {
    test(`fails: ${what}`, () => {
      const p = good();
      breakIt(p);
      const problems = discoveryProblems(badTopic ?? topic, p);
      assert.ok(problems.some((x) => expected.test(x)), `expected ${expected} among ${JSON.stringify(problems)}`);
    });
  }
});

describe('Home Assistant config and settings file', () => {
  test('off by default, prefix homeassistant; a prefix must be topic-safe', () => {
    const config = configSchema.parse({});
    assert.deepEqual(config.homeassistant, { enabled: false, discoveryPrefix: 'homeassistant' });
    const bad = configSchema.safeParse({ homeassistant: { discoveryPrefix: 'home/#' } });
    assert.equal(bad.success, false);
  });

  test('the defaults it kept apply only while discovery is enabled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-ha-'));
    try {
      assert.deepEqual(readHaRecord(dir), { record: { volume: 1, rate: 1, published: [] } });
      writeHaRecord(dir, { voice: 'beta', volume: 0.4, rate: 1.5, published: ['x/device/y/config'] });
      const { record } = readHaRecord(dir);
      assert.deepEqual(runtimeDefaults(configSchema.parse({ homeassistant: { enabled: true } }), record), { voice: 'beta', volume: 0.4, rate: 1.5 });
      assert.deepEqual(runtimeDefaults(configSchema.parse({}), record), { volume: 1, rate: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a damaged file is reported and read as a fresh start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-ha-'));
    try {
      writeFileSync(recordPath(dir), '{"volume": 5}');
      const { record, problem } = readHaRecord(dir);
      assert.equal(record.volume, 1);
      assert.match(problem!, /volume/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
