// The job queue on its own: priority order, FIFO within a priority, the
// bound, the interrupt lane, expiry.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PRIORITIES, type Priority, type SayJob } from '../src/queue/job.ts';
import { JobQueue } from '../src/queue/priority-queue.ts';

let n = 0;
function job(priority: Priority, id = `j${++n}`, expiresAt = Number.MAX_SAFE_INTEGER): SayJob {
  return { id, text: id, voice: 'espeak', lang: 'en', sentences: [id], priority, volume: 1, rate: 1, interrupt: false, receivedAt: n, expiresAt, resumeFrom: 0, receivedOn: 'test' };
}
const drain = (q: JobQueue) => {
  const ids: string[] = [];
  for (let j = q.shift(); j; j = q.shift()) ids.push(j.id);
  return ids;
};

describe('JobQueue', () => {
  test('emergency > high > normal > low, first in first out within each', () => {
    const q = new JobQueue(100);
    for (const [p, id] of [
      ['low', 'l1'],
      ['normal', 'n1'],
      ['high', 'h1'],
      ['low', 'l2'],
      ['emergency', 'e1'],
      ['normal', 'n2'],
      ['high', 'h2'],
      ['emergency', 'e2'],
    ] as const) {
      assert.equal(q.push(job(p, id)), undefined);
    }
    assert.equal(q.length, 8);
    assert.deepEqual(drain(q), ['e1', 'e2', 'h1', 'h2', 'n1', 'n2', 'l1', 'l2']);
    assert.equal(q.length, 0);
    assert.equal(q.shift(), undefined);
  });

  test('past maxLength the oldest of the lowest priority present is dropped', () => {
    const q = new JobQueue(3);
    q.push(job('normal', 'n1'));
    q.push(job('low', 'l1'));
    q.push(job('low', 'l2'));
    assert.equal(q.push(job('high', 'h1'))?.id, 'l1');
    assert.equal(q.push(job('normal', 'n2'))?.id, 'l2');
    assert.equal(q.push(job('emergency', 'e1'))?.id, 'n1');
    assert.equal(q.length, 3);
    assert.deepEqual(drain(q), ['e1', 'h1', 'n2']);
  });

  test('a new message of the lowest priority present is the one dropped when the queue is full of higher ones', () => {
    const q = new JobQueue(2);
    q.push(job('high', 'h1'));
    q.push(job('high', 'h2'));
    assert.equal(q.push(job('low', 'l1'))?.id, 'l1');
    assert.deepEqual(drain(q), ['h1', 'h2']);
  });

  test('an interrupting message goes before everything, even emergencies', () => {
    const q = new JobQueue(10);
    q.push(job('emergency', 'e1'));
    q.pushNext(job('low', 'int1'));
    q.pushNext(job('normal', 'int2'));
    assert.deepEqual(drain(q), ['int1', 'int2', 'e1']);
  });

  test('an interrupted message returns to the head of its own priority', () => {
    const q = new JobQueue(10);
    q.push(job('normal', 'n1'));
    q.push(job('high', 'h1'));
    q.pushFront(job('normal', 'back'));
    assert.deepEqual(drain(q), ['h1', 'back', 'n1']);
  });

  test('takeExpired removes exactly the expired jobs from every lane', () => {
    const q = new JobQueue(10);
    q.push(job('normal', 'old', 100));
    q.push(job('normal', 'fresh', 300));
    q.pushNext(job('low', 'next-old', 150));
    q.push(job('high', 'edge', 200));
    const expired = q.takeExpired(200).map((j) => j.id).sort();
    assert.deepEqual(expired, ['edge', 'next-old', 'old']);
    assert.deepEqual(drain(q), ['fresh']);
  });

  test('clear returns everything in every lane', () => {
    const q = new JobQueue(10);
    q.push(job('low', 'a'));
    q.pushNext(job('normal', 'b'));
    assert.deepEqual(q.clear().map((j) => j.id), ['b', 'a']);
    assert.equal(q.length, 0);
  });

});
