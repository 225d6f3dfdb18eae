// The pure parts of zone sync: NTP arithmetic, the offset narrowed to where
// exchanges overlap, and the board where followers wait for the leader's start time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClockEstimator } from '../src/zones/clock-estimator.ts';
import { SyncBoard } from '../src/zones/sync-board.ts';

// One exchange with the leader `offset` ms ahead, `out` ms to the leader and
// `back` ms back (the broker's queues make them unequal).
function exchange(c: ClockEstimator, offset: number, out: number, back: number, t1 = 1000): void {
  const t2 = t1 + out + offset;
  const t3 = t2 + 1;
  c.add(t1, t2, t3, t3 - offset + back);
}

describe('clock estimator', () => {
  test('cancels an offset exactly over a symmetric path', () => {
    const c = new ClockEstimator();
    exchange(c, -50, 3, 3);
    assert.deepEqual(c.best(), { offsetMs: -50, rttMs: 6 });
  });

  test('an offset within half the shortest round trip, however lopsided the rest', () => {
    const c = new ClockEstimator();
    exchange(c, 70, 40, 2);
    exchange(c, 70, 2, 30);
    exchange(c, 70, 2, 3);
    exchange(c, 70, 25, 1);
    const best = c.best()!;
    assert.equal(best.rttMs, 5);
    assert.ok(Math.abs(best.offsetMs - 70) <= best.rttMs / 2);
  });

  test('narrows the offset to where the exchanges overlap: two lopsided ones pin it closer than either', () => {
    const c = new ClockEstimator();
    exchange(c, 70, 20, 1);
    assert.ok(Math.abs(c.best()!.offsetMs - 70) > 8);
    exchange(c, 70, 1, 22);
    const best = c.best()!;
    assert.ok(Math.abs(best.offsetMs - 70) <= 1.5, JSON.stringify(best));
    assert.equal(best.rttMs, 21);
  });

  test('leaves out an exchange that overlaps none of the others (the clock stepped)', () => {
    const c = new ClockEstimator();
    exchange(c, 70, 2, 2);
    exchange(c, 70, 3, 4);
    exchange(c, 170, 5, 5);
    assert.ok(Math.abs(c.best()!.offsetMs - 70) <= 1.5);
  });

  test('ignores an exchange with a negative round trip (a clock stepped mid-way), forgets on reset', () => {
    const c = new ClockEstimator();
    c.add(1000, 900, 901, 990);
    assert.equal(c.best(), undefined);
    exchange(c, 10, 2, 2);
    c.reset();
    assert.equal(c.best(), undefined);
  });
});

describe('sync board', () => {
  const start = (part: number) => ({ from: 'a', id: 'm', part, sentence: part, playAt: 1000 + part });

  test('a follower gets the start of its part or a later one, whether it came before or while waiting', async () => {
    const board = new SyncBoard();
    board.put(start(0));
    assert.equal((await board.wait('m', 0, 1000, new AbortController().signal))?.part, 0);
    const waiting = board.wait('m', 1, 1000, new AbortController().signal);
    board.put(start(2));
    assert.equal((await waiting)?.part, 2);
    // An older part never replaces a newer one.
    board.put(start(1));
    assert.equal(board.get('m', 0)?.part, 2);
  });

  test('waiting ends empty after its time or when the play is cut', async () => {
    const board = new SyncBoard();
    assert.equal(await board.wait('m', 0, 20, new AbortController().signal), undefined);
    const cut = new AbortController();
    const waiting = board.wait('m', 0, 10_000, cut.signal);
    cut.abort();
    assert.equal(await waiting, undefined);
  });
});
