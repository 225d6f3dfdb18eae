// Bad `say` messages through a real mosquitto: each one ends in exactly one
// `failed` event with a reason that says what was wrong, and the daemon then
// speaks the next valid message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HeraldEvent } from '../src/events.ts';
import { settle, startHarness, type Harness } from './helpers/daemon-harness.ts';

const MAX_CHARS = 300;
let h: Harness;
let n = 0;

before(async () => {
  h = await startHarness({ voices: [{ name: 'fixture' }], config: { limits: { maxChars: MAX_CHARS } } });
});
after(async () => {
  await h?.stop();
});

// Publishes the bad payload, then a valid message; returns the one failure.
async function rejects(payload: string | Buffer | object, reason: RegExp, id?: string): Promise<HeraldEvent> {
  const before = h.events.length;
  const goodId = `good-${++n}`;
  await h.say(payload);
  await h.say({ id: goodId, text: 'Next.' });
  const end = await h.terminalOf(goodId);
  assert.equal(end.event, 'finished', `the valid message after it is spoken: ${JSON.stringify(end)}`);
  await settle(h, 200, 3000);
  const others = h.events.slice(before).filter((e) => e.id !== goodId && !e.id.startsWith('flush-'));
  assert.equal(others.length, 1, `exactly one event for the bad message: ${JSON.stringify(others)}`);
  const [failed] = others;
  assert.equal(failed.event, 'failed');
  assert.match(failed.reason ?? '', reason);
  if (id) assert.equal(failed.id, id);
  // Nothing of it was spoken: the valid message's events are the only others.
  assert.deepEqual(h.eventsFor(goodId).map((e) => e.event), ['queued', 'started', 'finished']);
  return failed;
}

describe('bad say payloads', () => {
  test('invalid JSON', async () => {
    await rejects('{"text": "unterminated', /invalid JSON/);
  });

  test('JSON without text keeps the id it gave', async () => {
    await rejects({ id: 'no-text', volume: 0.5 }, /text is required/, 'no-text');
  });

  test('a 1 MB payload', async () => {
    await rejects(Buffer.alloc(1024 * 1024, 0x61), /payload too large: 1048576 bytes, limit 65536/);
  });

  test('binary garbage with control bytes', async () => {
    await rejects(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x7f, 0x10, 0x42]), /control characters/);
  });

  test('invalid UTF-8', async () => {
    await rejects(Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xfe, 0xff]), /not valid UTF-8/);
  });

  test('an unknown voice names the installed ones', async () => {
    const failed = await rejects({ id: 'bad-voice', text: 'Hello.', voice: 'nope' }, /unknown voice 'nope'/, 'bad-voice');
    assert.match(failed.reason!, /fixture/);
  });

  test('volume 7', async () => {
    await rejects({ id: 'loud', text: 'Hello.', volume: 7 }, /volume must be between 0 and 1/, 'loud');
  });

  test('emoji only, as plain text and in JSON', async () => {
    await rejects('🔥🚀🎉', /no speakable text/);
    await rejects({ id: 'emoji-json', text: '👍 ✨ !!!' }, /no speakable text/, 'emoji-json');
  });

  test('empty payload and whitespace-only text', async () => {
    await rejects('', /no speakable text/);
    await rejects({ id: 'blank', text: '   \n\t ' }, /no speakable text/, 'blank');
  });

  test(`text over limits.maxChars (${MAX_CHARS})`, async () => {
    const text = 'a'.repeat(MAX_CHARS + 1);
    await rejects({ id: 'long', text }, new RegExp(`text too long: ${MAX_CHARS + 1} characters, limit ${MAX_CHARS}`), 'long');
    // At the limit it is accepted.
    const atLimit = `${'word '.repeat(MAX_CHARS / 5 - 1)}ends.`;
    assert.equal(atLimit.length, MAX_CHARS);
    await h.say({ id: 'at-limit', text: atLimit });
    assert.equal((await h.terminalOf('at-limit', 60_000)).event, 'finished');
  });

  test('unknown fields and wrong types', async () => {
    await rejects({ id: 'extra', text: 'Hi.', colour: 'red' }, /unknown field\(s\): colour/, 'extra');
    await rejects({ id: 'prio', text: 'Hi.', priority: 'urgent' }, /priority must be one of/, 'prio');
    await rejects({ id: 'rate', text: 'Hi.', rate: 9 }, /rate must be between 0.5 and 2/, 'rate');
  });

  test('every message ended exactly once', () => {
    assert.deepEqual(h.terminalProblems(), []);
  });
});
