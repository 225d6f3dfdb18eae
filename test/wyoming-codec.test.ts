// The parts of the Wyoming server that need no daemon: framing, the streamed
// text's sentence boundaries, and the run lanes that put announcements first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RunLanes } from '../src/engines/run-lanes.ts';
import { encodeEvent, FrameError, FrameReader } from '../src/wyoming/codec.ts';
import { completeUpTo, TextStream } from '../src/wyoming/text-stream.ts';
import { sentencesOf } from '../src/text/split.ts';
import { frame } from './helpers/wyoming-client.ts';

describe('wyoming framing', () => {
  test('reads events split anywhere, merges data_length data over header data, and keeps the payload', () => {
    const extra = Buffer.from(JSON.stringify({ text: 'merged text' }));
    const bytes = Buffer.concat([
      Buffer.from(JSON.stringify({ type: 'synthesize', data: { text: 'header', keep: 1 }, data_length: extra.length }) + '\n'),
      extra,
      frame('audio-chunk', { rate: 16000, width: 2, channels: 1 }, Buffer.from([1, 2, 3, 4])),
      frame('describe'),
    ]);
    for (const step of [1, 7, bytes.length]) {
      const reader = new FrameReader({ maxBytes: 1024 });
      const events = [];
      for (let at = 0; at < bytes.length; at += step) events.push(...reader.push(bytes.subarray(at, at + step)));
      assert.deepEqual(events, [
        { type: 'synthesize', data: { text: 'merged text', keep: 1 }, payload: undefined },
        { type: 'audio-chunk', data: { rate: 16000, width: 2, channels: 1 }, payload: Buffer.from([1, 2, 3, 4]) },
        { type: 'describe', data: {}, payload: undefined },
      ]);
    }
  });

  test('writes as the Python package does: version in the header, data after it, then the payload', () => {
    const bytes = encodeEvent({ type: 'audio-chunk', data: { rate: 22050, width: 2, channels: 1 }, payload: Buffer.from([9, 8]) });
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, nl).toString());
    const data = JSON.stringify({ rate: 22050, width: 2, channels: 1 });
    assert.deepEqual(header, { type: 'audio-chunk', version: '1.7.1', data_length: data.length, payload_length: 2 });
    assert.equal(bytes.subarray(nl + 1, nl + 1 + data.length).toString(), data);
    assert.deepEqual([...bytes.subarray(nl + 1 + data.length)], [9, 8]);
    assert.equal(encodeEvent({ type: 'audio-stop', data: {} }).toString(), '{"type":"audio-stop","version":"1.7.1"}\n');
  });

  test('refuses what is not a frame, before buffering past the limit', () => {
    const bad = (input: string, message: RegExp) => assert.throws(() => new FrameReader({ maxBytes: 64 }).push(Buffer.from(input)), (err: Error) => err instanceof FrameError && message.test(err.message));
    bad('not json\n', /not JSON/);
    bad('[1]\n', /string "type"/);
    bad('{"type": ""}\n', /string "type"/);
    bad('{"type": "x", "data": [1]}\n', /"data" must be a JSON object/);
    bad('{"type": "x", "payload_length": -1}\n', /non-negative integer/);
    bad('{"type": "x", "data_length": 65}\n', /exceeds the limit of 64 bytes/);
    bad('{"type": "x", "data_length": 2}\n[]', /event data must be a JSON object/);
    bad('y'.repeat(65), /longer than 64 bytes/);
  });
});

describe('streamed text', () => {
  test('a sentence is complete once more text follows its end', () => {
    assert.equal(completeUpTo('Hello there. This is', 'en_US'), 'Hello there.'.length);
    assert.equal(completeUpTo('It costs 3.', 'en'), 0);
    assert.equal(completeUpTo('It costs 3.5 euro', 'en'), 0);
    assert.equal(completeUpTo('One. Two! Three', 'en'), 'One. Two!'.length);
  });

  test('chunks become sentences as they complete, normalized as a say is; the whole stream counts against the limit', () => {
    const stream = new TextStream('en', 40);
    assert.deepEqual(stream.add('It is 3'), []);
    assert.deepEqual(stream.add('.5 km. Then'), sentencesOf('It is 3.5 km.', 'en'));
    assert.deepEqual(stream.add(' left'), []);
    assert.deepEqual(stream.finish(), sentencesOf('Then left', 'en'));
    assert.throws(() => stream.add('x'.repeat(30)), /text too long: 53 characters, limit 40/);
  });
});

describe('run lanes', () => {
  test('one run at a time; a waiting foreground run goes before every waiting background run', async () => {
    const lanes = new RunLanes();
    const order: string[] = [];
    let release!: () => void;
    const first = lanes.run('background', () => new Promise<void>((r) => (release = r)).then(() => void order.push('bg0')));
    const rest = [
      lanes.run('background', async () => void order.push('bg1')),
      lanes.run('background', async () => void order.push('bg2')),
      lanes.run('foreground', async () => void order.push('fg')),
    ];
    release();
    await Promise.all([first, ...rest]);
    assert.deepEqual(order, ['bg0', 'fg', 'bg1', 'bg2']);
  });

  test('a failed run passes the turn on', async () => {
    const lanes = new RunLanes();
    await assert.rejects(lanes.run('foreground', async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await lanes.run('background', async () => 7), 7);
  });
});
