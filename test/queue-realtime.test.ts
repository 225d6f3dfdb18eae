// Queue behaviour while audio plays in real time: the ALSA file plugin writes
// into a FIFO that is drained at 44100 bytes/s (22050 Hz mono s16) through a
// 4 KB pipe, so a message takes as long to play as on a sound card.
// Priorities, interrupts and resumption, ttl, overflow, stop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HeraldEvent } from '../src/events.ts';
import { settle, sleep, startHarness, type Harness } from './helpers/daemon-harness.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences, type CapturedSentence } from './helpers/fixture-pcm.ts';

const MAX_QUEUE = 6;
let h: Harness;

before(async () => {
  h = await startHarness({ voices: [{ name: 'fixture' }], bytesPerSecond: 44100, config: { queue: { maxLength: MAX_QUEUE } } });
});
after(async () => {
  await h?.stop();
});

// About 1.1 s per sentence at rate 0.5 with the fixture voice.
const LONG = 'Alpha one two three. Bravo four five six. Charlie seven eight nine.';

const startedOrder = (ids: string[]) =>
  h.events.filter((e) => e.event === 'started' && ids.includes(e.id)).map((e) => e.id);

async function waitStarted(id: string): Promise<HeraldEvent> {
  return h.waitForEvent((e) => e.id === id && e.event === 'started');
}

// Sentences heard since `from` (a sample offset in the capture).
function heard(from: number): CapturedSentence[] {
  return findFixtureSentences(h.capture.samples().subarray(from)).filter((s) => s.volume > 0);
}

const sameStart = (a: number[], b: number[], n = 10) => a.length >= n && b.length >= n && a.slice(0, n).every((v, i) => v === b[i]);

describe('queue with real-time playback', () => {
  test('priority order emergency > high > normal > low, first in first out within one; emergency does not cut emergency', async () => {
    await h.say({ id: 'p-A', text: 'Alpha one two three. Bravo four five six.', priority: 'emergency', rate: 0.5 });
    await waitStarted('p-A');
    const queued = [
      { id: 'p-L1', priority: 'low' },
      { id: 'p-N1', priority: 'normal' },
      { id: 'p-H1', priority: 'high' },
      { id: 'p-N2', priority: 'normal' },
      { id: 'p-E2', priority: 'emergency' },
      // interrupt: true does not cut an emergency for a lesser message.
      { id: 'p-H2', priority: 'high', interrupt: true },
    ];
    for (const m of queued) await h.say({ ...m, text: 'Short one.' });
    for (const m of queued) await h.terminalOf(m.id);
    const all = ['p-A', ...queued.map((m) => m.id)];
    assert.deepEqual(startedOrder(all), ['p-A', 'p-E2', 'p-H1', 'p-H2', 'p-N1', 'p-N2', 'p-L1']);
    for (const id of all) assert.deepEqual(h.eventsFor(id).map((e) => e.event), ['queued', 'started', 'finished'], id);
    // The queued ones were queued while A played: A ended after they arrived.
    const aEnd = h.eventsFor('p-A').find((e) => e.event === 'finished')!;
    assert.ok(h.eventsFor('p-H2')[0].ts < aEnd.ts, 'they were queued while A was playing');
  });

  for (const how of ['interrupt', 'emergency'] as const) {
    test(`${how === 'interrupt' ? 'interrupt:true' : 'priority emergency'} cuts the current message, which resumes from the cut sentence and finishes`, async () => {
      const a = `${how}-A`;
      const b = `${how}-B`;
      const from = h.capture.bytes().length / 2;
      const expectedA = await expectedIds(h.daemon.espeak, LONG);
      const expectedB = await expectedIds(h.daemon.espeak, 'Cutting in now.');
      await h.say({ id: a, text: LONG, rate: 0.5 });
      await waitStarted(a);
      // Wait until half of the second sentence has been heard, so the cut is
      // mid-message and well past the boundary the daemon estimates (its
      // marks model the device's buffer; this capture is the device).
      const half = Math.ceil(expectedA[1].length / 2);
      const deadline = Date.now() + 20_000;
      while (!heard(from).some((s) => sameStart(s.ids, expectedA[1], half))) {
        assert.ok(Date.now() < deadline, 'A reached its second sentence');
        await sleep(50);
      }
      const cutAt = Date.now();
      await h.say(how === 'interrupt' ? { id: b, text: 'Cutting in now.', interrupt: true } : { id: b, text: 'Cutting in now.', priority: 'emergency' });
      const aEnd = await h.terminalOf(a);
      assert.equal(aEnd.event, 'finished', JSON.stringify(h.eventsFor(a)));
      assert.equal((await h.terminalOf(b)).event, 'finished');

      const ea = h.eventsFor(a);
      assert.deepEqual(ea.map((e) => e.event), ['queued', 'started', 'interrupted', 'started', 'finished']);
      const interrupted = ea[2];
      assert.match(interrupted.reason!, /interrupted by a more urgent message/);
      assert.ok(interrupted.ts - cutAt < 2000, `cut ${interrupted.ts - cutAt} ms after the request`);
      const k = interrupted.sentence!;
      assert.ok(k >= 1 && k < expectedA.length, `interrupted at sentence ${k}`);
      assert.equal(ea[3].sentence, k, 'resumed from the interrupted sentence');
      assert.equal(ea[3].ttfaMs, undefined, 'a resumption has no ttfa');
      const bStart = h.eventsFor(b).find((e) => e.event === 'started')!;
      assert.ok(interrupted.ts <= bStart.ts && bStart.ts <= ea[3].ts, 'B between the cut and the resumption');

      // What was heard: A's sentences up to the cut (the cut one partly), B whole, then A again from sentence k to the end.
      await h.flushAudio();
      const got = heard(from).map((s) => ({ ids: s.ids, complete: s.complete }));
      const bAt = got.findIndex((s) => s.complete && JSON.stringify(s.ids) === JSON.stringify(expectedB[0]));
      assert.ok(bAt > 0, `B heard: ${JSON.stringify(got.map((s) => s.ids.length))}`);
      const beforeB = got.slice(0, bAt);
      const shape = JSON.stringify(beforeB.map((s) => [s.ids.length, s.complete]));
      for (let i = 0; i < k - 1; i++) assert.deepEqual(beforeB[i]?.ids, expectedA[i], `A sentence ${i} before the cut: ${shape}`);
      // `sentence` counts what was handed to ALSA. Usually sentence k was
      // being heard and was cut short; if the cut came while its start still
      // sat in ALSA's buffer (0.5 s), sentence k-1 is the last one heard
      // (possibly without its end).
      const last = beforeB[beforeB.length - 1];
      if (beforeB.length === k + 1) {
        assert.deepEqual(beforeB[k - 1].ids, expectedA[k - 1], shape);
        assert.ok(!last.complete && sameStart(expectedA[k], last.ids, Math.min(6, last.ids.length)), `sentence ${k} was cut short: ${shape}`);
      } else {
        assert.equal(beforeB.length, k, shape);
        assert.ok(sameStart(expectedA[k - 1], last.ids, Math.min(6, last.ids.length)), shape);
      }
      assert.deepEqual(got.slice(bAt + 1).map((s) => s.ids), expectedA.slice(k), 'A again from the cut sentence, whole');
    });
  }

  test('ttlSeconds: a message that waits past its ttl is dropped with a reason and never spoken', async () => {
    await h.say({ id: 'ttl-A', text: 'Alpha one two three. Bravo four five six.', rate: 0.5 });
    await waitStarted('ttl-A');
    await h.say({ id: 'ttl-T', text: 'Too late.', ttlSeconds: 1 });
    await h.say({ id: 'ttl-N', text: 'In time.' });
    const t = await h.terminalOf('ttl-T');
    assert.equal(t.event, 'dropped');
    assert.match(t.reason!, /ttl expired/);
    const queuedAt = h.eventsFor('ttl-T')[0].ts;
    assert.ok(t.ts - queuedAt >= 1000 && t.ts - queuedAt < 4000, `dropped ${t.ts - queuedAt} ms after queued`);
    assert.equal((await h.terminalOf('ttl-A')).event, 'finished');
    assert.equal((await h.terminalOf('ttl-N')).event, 'finished');
    assert.deepEqual(h.eventsFor('ttl-T').map((e) => e.event), ['queued', 'dropped']);
  });

  test(`overflow past queue.maxLength (${MAX_QUEUE}) drops the oldest of the lowest priority, with an event`, async () => {
    await h.say({ id: 'o-A', text: 'Alpha one two three. Bravo four five six.', rate: 0.5 });
    await waitStarted('o-A');
    const fill = ['o-L1', 'o-L2', 'o-N1', 'o-N2', 'o-N3', 'o-N4'];
    for (const id of fill) await h.say({ id, text: 'Fill.', priority: id.startsWith('o-L') ? 'low' : 'normal' });
    await h.say({ id: 'o-H1', text: 'High.', priority: 'high' });
    await h.say({ id: 'o-L3', text: 'Low three.', priority: 'low' });
    const l1 = await h.terminalOf('o-L1');
    const l2 = await h.terminalOf('o-L2');
    for (const d of [l1, l2]) {
      assert.equal(d.event, 'dropped');
      assert.match(d.reason!, new RegExp(`queue full \\(${MAX_QUEUE}\\)`));
      assert.match(d.reason!, /low/);
    }
    // L1 went when H1 arrived, L2 when L3 arrived.
    assert.ok(l1.ts >= h.eventsFor('o-H1')[0].ts && l1.ts <= h.eventsFor('o-L3')[0].ts);
    const rest = ['o-A', 'o-N1', 'o-N2', 'o-N3', 'o-N4', 'o-H1', 'o-L3'];
    for (const id of rest) assert.equal((await h.terminalOf(id)).event, 'finished', id);
    assert.deepEqual(startedOrder(rest), ['o-A', 'o-H1', 'o-N1', 'o-N2', 'o-N3', 'o-N4', 'o-L3']);
  });

  test('stop {"clear":true} cuts the current message and empties the queue; the next message is spoken', async () => {
    const from = h.capture.bytes().length / 2;
    const expectedA = await expectedIds(h.daemon.espeak, LONG);
    await h.say({ id: 's-A', text: LONG, rate: 0.5 });
    await h.say({ id: 's-B', text: 'Queued one.' });
    await h.say({ id: 's-C', text: 'Queued two.', priority: 'low' });
    await waitStarted('s-A');
    await sleep(300);
    const stopAt = Date.now();
    await h.publish(`${h.base}/stop`, { clear: true });
    const a = await h.terminalOf('s-A');
    assert.equal(a.event, 'dropped');
    assert.match(a.reason!, /stopped by request/);
    assert.ok(a.ts - stopAt < 2000, `stopped ${a.ts - stopAt} ms after the request`);
    for (const id of ['s-B', 's-C']) {
      const d = await h.terminalOf(id);
      assert.equal(d.event, 'dropped', id);
      assert.match(d.reason!, /queue cleared by stop request/);
      assert.deepEqual(h.eventsFor(id).map((e) => e.event), ['queued', 'dropped']);
    }
    await h.say({ id: 's-D', text: 'After the stop.' });
    assert.equal((await h.terminalOf('s-D')).event, 'finished');
    // A's last sentence was never played.
    await h.flushAudio();
    const got = heard(from);
    assert.ok(!got.some((s) => sameStart(s.ids, expectedA[2], 6)), 'nothing of A after the stop');
  });

  test('stop without clear cuts only the current message', async () => {
    await h.say({ id: 's2-A', text: LONG, rate: 0.5 });
    await h.say({ id: 's2-B', text: 'Still queued.' });
    await waitStarted('s2-A');
    await sleep(300);
    await h.publish(`${h.base}/stop`, '');
    const a = await h.terminalOf('s2-A');
    assert.equal(a.event, 'dropped');
    assert.match(a.reason!, /stopped by request/);
    assert.equal((await h.terminalOf('s2-B')).event, 'finished');
  });

  test('a stop with nothing playing does nothing', async () => {
    await h.publish(`${h.base}/stop`, { clear: true });
    await h.say({ id: 'idle-stop', text: 'Fine.' });
    assert.equal((await h.terminalOf('idle-stop')).event, 'finished');
  });

  test('every message got exactly one terminal event', async () => {
    await settle(h, 500, 5000);
    assert.deepEqual(h.terminalProblems(), []);
  });
});
