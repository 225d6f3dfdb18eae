// Parsing of a `say` payload: plain UTF-8 text or a JSON object.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSayPayload, type ParseResult } from '../src/mqtt/say-payload.ts';

const LIMIT = 64 * 1024;
const parse = (payload: string | Buffer, limit = LIMIT) => parseSayPayload(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload, limit);
const ok = (r: ParseResult) => {
  assert.ok(r.ok, `expected ok, got ${!r.ok && r.reason}`);
  return r.request;
};
const fail = (r: ParseResult) => {
  assert.ok(!r.ok, 'expected a failure');
  return r;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('say payload', () => {
  test('plain text gets defaults and a fresh id', () => {
    const a = ok(parse('Dinner is ready.'));
    const b = ok(parse('Dinner is ready.'));
    assert.equal(a.text, 'Dinner is ready.');
    assert.equal(a.priority, 'normal');
    // Voice, volume and rate are the device's defaults, settled at admission.
    assert.equal(a.volume, undefined);
    assert.equal(a.rate, undefined);
    assert.equal(a.interrupt, false);
    assert.equal(a.voice, undefined);
    assert.match(a.id, UUID);
    assert.notEqual(a.id, b.id);
  });

  test('text that merely contains braces is text', () => {
    assert.equal(ok(parse('Say {this}')).text, 'Say {this}');
  });

  test('a JSON object with every field', () => {
    const r = ok(parse(JSON.stringify({ text: 'Hi', id: 'm-1', voice: 'v', lang: 'en-US', speaker: 3, priority: 'high', volume: 0.5, rate: 1.5, interrupt: true, ttlSeconds: 30 })));
    assert.deepEqual(r, { id: 'm-1', text: 'Hi', voice: 'v', lang: 'en-US', speaker: 3, priority: 'high', volume: 0.5, rate: 1.5, interrupt: true, ttlSeconds: 30 });
  });

  test('JSON with surrounding whitespace is still JSON', () => {
    assert.equal(ok(parse('\n  {"text":"Hi","priority":"low"}  \n')).priority, 'low');
  });

  test('each bad field gets a reason that names it, and the id given is kept', () => {
    const cases: Array<[object, RegExp]> = [
      [{ id: 'x1' }, /text is required/],
      [{ id: 'x2', text: 5 }, /text is required and must be a string/],
      [{ id: 'x3', text: 'a', volume: 7 }, /volume must be between 0 and 1/],
      [{ id: 'x4', text: 'a', volume: 'loud' }, /volume must be a number/],
      [{ id: 'x5', text: 'a', rate: 3 }, /rate must be between 0.5 and 2/],
      [{ id: 'x6', text: 'a', priority: 'urgent' }, /priority must be one of emergency, high, normal, low/],
      [{ id: 'x7', text: 'a', lang: 'english please' }, /lang must be a language tag/],
      [{ id: 'x8', text: 'a', ttlSeconds: -1 }, /ttlSeconds must be positive/],
      [{ id: 'x9', text: 'a', interrupt: 'yes' }, /interrupt must be true or false/],
      [{ id: 'x10', text: 'a', speaker: 1.5 }, /speaker/],
      [{ id: 'x11', text: 'a', colour: 'red', size: 2 }, /unknown field\(s\): colour, size/],
    ];
    for (const [obj, reason] of cases) {
      const r = fail(parse(JSON.stringify(obj)));
      assert.match(r.reason, reason, JSON.stringify(obj));
      assert.equal(r.id, (obj as { id: string }).id);
    }
  });

  test('invalid JSON', () => {
    const r = fail(parse('{"text": "unterminated'));
    assert.match(r.reason, /^invalid JSON/);
    assert.match(r.id, UUID);
  });

  test('payload over the byte limit is refused before decoding', () => {
    const r = fail(parse(Buffer.alloc(1000, 0x61), 999));
    assert.match(r.reason, /payload too large: 1000 bytes, limit 999/);
    assert.ok(parse(Buffer.alloc(999, 0x61), 999).ok);
  });

  test('invalid UTF-8', () => {
    assert.match(fail(parse(Buffer.from([0x48, 0x69, 0xc3, 0x28, 0xff]))).reason, /not valid UTF-8/);
  });

  test('binary that happens to be UTF-8 has control characters', () => {
    assert.match(fail(parse(Buffer.from([0x00, 0x01, 0x02, 0x41]))).reason, /control characters/);
    // Tabs and newlines are ordinary text.
    assert.ok(parse('line one\nline two\tend').ok);
  });
});
