// Issue 5: 10,000 random and mutated payloads on every topic the daemon
// listens to. Nothing crashes, memory stays bounded, and every say message
// ends in exactly one terminal event.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { TERMINAL_EVENTS } from '../src/events.ts';
import { PRIORITIES } from '../src/queue/job.ts';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';

const TOTAL = Number(process.env.HERALD_FUZZ_COUNT ?? 10_000);
let h: Harness | undefined;
after(async () => {
  await h?.stop();
});

const sayFields = fc.record(
  {
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })),
    voice: fc.oneof(fc.constant('fixture'), fc.constant('espeak'), fc.string({ maxLength: 20 }), fc.integer()),
    lang: fc.oneof(fc.constantFrom('en', 'de', 'fr', 'es', 'zh', 'en-US', 'xx'), fc.string({ maxLength: 12 })),
    priority: fc.oneof(fc.constantFrom(...PRIORITIES), fc.string({ maxLength: 10 }), fc.integer()),
    volume: fc.oneof(fc.double({ noNaN: false }), fc.constant(0.5), fc.string({ maxLength: 5 })),
    rate: fc.oneof(fc.double({ min: -5, max: 5 }), fc.constant(1)),
    interrupt: fc.oneof(fc.boolean(), fc.string({ maxLength: 5 }), fc.constant(null)),
    ttlSeconds: fc.oneof(fc.double({ min: -10, max: 10 }), fc.constant(1)),
    speaker: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 4 })),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

// Each payload that carries an id gets a fresh one, so the count of terminal
// events can be checked against the count of say messages (a repeated id is
// spoken once by design).
const sayPayload = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)) },
  { weight: 4, arbitrary: sayFields.map((o) => Buffer.from(JSON.stringify({ ...o, id: randomUUID() }))) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(sayFields, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert', 'cut')), { minLength: 1, maxLength: 6 }))
      .map(([o, mutations]) => {
        let bytes = [...Buffer.from(JSON.stringify({ ...o, id: randomUUID() }))];
        for (const [at, value, kind] of mutations) {
          const i = bytes.length ? at % bytes.length : 0;
          if (kind === 'flip') bytes[i] = value;
          else if (kind === 'drop') bytes.splice(i, 1);
          else if (kind === 'insert') bytes.splice(i, 0, value);
          else bytes = bytes.slice(0, i);
        }
        return Buffer.from(bytes);
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.alloc(70_000, 65), Buffer.from('{}'), Buffer.from('null'), Buffer.from('😀😀')) },
);

type Sent = { kind: 'say' | 'stop' | 'request'; topic: string; payload: Buffer };

test(`${TOTAL} random and mutated payloads on every topic`, { timeout: 600_000 }, async () => {
  h = await startHarness({
    voices: [{ name: 'fixture' }],
    // A short queue and ttl: the flood is mostly dropped, quickly, with an event each.
    config: { queue: { maxLength: 8, defaultTtlSeconds: 3 }, zones: ['hall'] },
  });
  const { base } = h;
  const anyPayload = fc.oneof(sayPayload, fc.string({ maxLength: 50 }).map((s) => Buffer.from(s)));
  const message = fc.oneof(
    { weight: 60, arbitrary: sayPayload.map((payload): Sent => ({ kind: 'say', topic: `${base}/say`, payload })) },
    { weight: 25, arbitrary: sayPayload.map((payload): Sent => ({ kind: 'say', topic: 'herald/zone/hall/say', payload })) },
    { weight: 2, arbitrary: anyPayload.map((payload): Sent => ({ kind: 'stop', topic: `${base}/stop`, payload })) },
    {
      weight: 13,
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom('voices', 'status', 'metrics', 'reload'), fc.stringMatching(/^[a-z]{1,12}$/)), anyPayload)
        .map(([name, payload]): Sent => ({ kind: 'request', topic: `${base}/request/${name}`, payload })),
    },
  );
  const sent = fc.sample(message, { numRuns: TOTAL, seed: 20261124 });
  const rssBefore = process.memoryUsage.rss();
  const says = sent.filter((m) => m.kind === 'say').length;
  const requests = sent.filter((m) => m.kind === 'request').length;
  for (let i = 0; i < sent.length; i += 200) {
    await Promise.all(sent.slice(i, i + 200).map((m) => h!.publish(m.topic, m.payload)));
  }

  const terminals = () => h!.events.filter((e) => TERMINAL_EVENTS.has(e.event)).length;
  const responses = () => h!.messages.filter((m) => m.topic.startsWith(`${base}/response/`)).length;
  const deadline = Date.now() + 300_000;
  while ((terminals() < says || responses() < requests) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const rssAfter = process.memoryUsage.rss();
  process.stdout.write(`# fuzz: ${sent.length} payloads (${says} say, ${requests} request, ${sent.length - says - requests} stop); RSS ${Math.round(rssBefore / 1e6)} → ${Math.round(rssAfter / 1e6)} MB\n`);

  assert.equal(terminals(), says, `terminal events ${terminals()} for ${says} say messages`);
  assert.deepEqual(h.terminalProblems(), [], 'an id with zero or several terminal events');
  assert.equal(responses(), requests, 'one response per request');
  for (const e of h.events.filter((x) => x.event === 'failed')) assert.ok(e.reason && e.reason.length > 5, `failed without a clear reason: ${JSON.stringify(e)}`);
  assert.ok(rssAfter - rssBefore < 300e6, `RSS grew by ${Math.round((rssAfter - rssBefore) / 1e6)} MB`);

  // Still alive and speaking.
  await h.say({ id: 'after-fuzz', text: 'Still here after the storm.' });
  assert.equal((await h.terminalOf('after-fuzz', 60_000)).event, 'finished');
});
