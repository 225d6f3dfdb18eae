// The synthesis pool's parts without a broker: the audio frame and request
// schema (bad input gets one clear error), the config rule, the fallback
// order in JobSpeech, a stream's deadlines and retries, and a member's
// dedupe and shared synthesis. The whole pool over real brokers is in pool.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IPublishPacket } from 'mqtt';
import pino from 'pino';
import { configSchema } from '../src/config/schema.ts';
import { JobSpeech } from '../src/engines/fallback.ts';
import type { EspeakEngine } from '../src/engines/espeak.ts';
import type { RemoteSpeech, SpeechEngine } from '../src/engines/types.ts';
import type { PoolLink, LinkRoute } from '../src/pool/link.ts';
import { decodeChunk, encodeChunk, frames, PoolTopics, poolRequest, type PoolChunk, type PoolRequest } from '../src/pool/protocol.ts';
import { PoolServer } from '../src/pool/server.ts';
import { SharedSynthesis } from '../src/pool/shared-synthesis.ts';
import { PoolGaveUp, PoolStream, rendezvous, type PoolSender } from '../src/pool/stream.ts';
import type { SayJob } from '../src/queue/job.ts';
import type { AudioSink } from '../src/audio/sink.ts';
import { SpeechCut, speak } from '../src/speak.ts';

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await sleep(5);
  }
}

const header = { id: 'm1', attempt: 7, member: 'orin', index: 2, sampleRate: 22050, silence: 0.2, provider: 'cuda' as const, synthMs: 12 };

// A pool member's stream for one message, as JobSpeech sees it.
function remote(behaviour: Pick<RemoteSpeech, 'synthesize' | 'release'>): RemoteSpeech {
  return { engine: 'piper', voice: 'v', provider: 'cuda', sampleRate: 16000, sentenceSilenceSeconds: 0, source: 'pool:orin', ...behaviour };
}

describe('audio frame', () => {
  test('round trip keeps every sample, whatever the header length', () => {
    for (const id of ['m', 'mm', 'a-much-longer-message-id']) {
      const pcm = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
      const { header: h, pcm: back } = decodeChunk(encodeChunk({ ...header, id }, pcm));
      assert.equal(h.id, id);
      assert.deepEqual([...back], [...pcm]);
    }
  });

  test('bad frames: one clear error each', () => {
    const good = encodeChunk(header, Int16Array.from([1, 2]));
    assert.throws(() => decodeChunk(Buffer.from('{"id":"x"}')), /not a pool audio frame/);
    const v2 = Buffer.from(good);
    v2[2] = 2;
    assert.throws(() => decodeChunk(v2), /version 2, this Herald reads 1/);
    assert.throws(() => decodeChunk(good.subarray(0, 10)), /header runs past its end/);
    assert.throws(() => decodeChunk(good.subarray(0, good.length - 1)), /not whole 16-bit samples/);
    const { sampleRate, ...noRate } = header;
    assert.ok(sampleRate);
    assert.throws(() => decodeChunk(encodeChunk(noRate, Int16Array.from([1]))), /audio but no sampleRate/);
  });
});

describe('request schema and config', () => {
  const request: PoolRequest = { v: 1, id: 'm1', attempt: 1, requester: 'pi-7', from: 0, sentences: ['Hello.'], voice: 'v', lang: 'en-us', rate: 1, deadline: Date.now() + 1000 };
  test('a good request parses; bad fields are named', () => {
    assert.equal(poolRequest.parse(request).id, 'm1');
    assert.throws(() => poolRequest.parse({ ...request, requester: 'a/b' }), /requester/);
    assert.throws(() => poolRequest.parse({ ...request, sentences: [] }), /sentences/);
    assert.throws(() => poolRequest.parse({ ...request, rate: 9 }), /rate/);
    assert.throws(() => poolRequest.parse({ ...request, extra: 1 }), /extra/);
  });

  test('a pool needs MQTT 5 and an external broker, and one served pool', () => {
    assert.doesNotThrow(() => configSchema.parse({ pool: { use: 'tts' } }));
    assert.throws(() => configSchema.parse({ pool: { use: 'tts' }, mqtt: { embedded: true } }), /needs MQTT 5/);
    assert.throws(() => configSchema.parse({ pool: { serve: ['tts'] }, mqtt: { protocolVersion: 4 } }), /needs MQTT 5/);
    assert.throws(() => configSchema.parse({ pool: { serve: ['a', 'b'] } }), /serves one pool/);
    assert.throws(() => configSchema.parse({ pool: { use: '$share' } }), /topic level/);
  });
});

function fakeEngine(voice: string, log: string[], fail = false): SpeechEngine {
  return {
    engine: voice === 'espeak' ? 'espeak' : 'piper',
    voice,
    provider: 'cpu',
    sampleRate: 16000,
    language: 'en-us',
    sentenceSilenceSeconds: 0,
    synthesize: async (sentence) => {
      if (fail) throw new Error('broken');
      log.push(`${voice}:${sentence}`);
      return { samples: new Float32Array(4), sampleRate: 16000, synthMs: 1 };
    },
    close: async () => {},
  };
}

describe('JobSpeech: pool, then the voice here, then espeak-ng', () => {
  test('the pool gives up at the third sentence: the local voice goes on from it', async () => {
    const heard: string[] = [];
    let n = 0;
    let released = 0;
    const pool = remote({
      synthesize: async (sentence) => {
        if (++n === 3) throw new PoolGaveUp('orin went offline');
        heard.push(`pool:${sentence}`);
        return { samples: new Float32Array(4), sampleRate: 16000, synthMs: 1 };
      },
      release: () => void released++,
    });
    const speech = new JobSpeech(fakeEngine('v', heard), fakeEngine('espeak', heard) as unknown as EspeakEngine, undefined, pool);
    const reasons: string[] = [];
    speech.onFallback = (reason) => reasons.push(reason);
    for (const s of ['a', 'b', 'c', 'd']) await speech.synthesize(s, { rate: 1 });
    assert.deepEqual(heard, ['pool:a', 'pool:b', 'v:c', 'v:d']);
    assert.deepEqual(speech.sources, [{ source: 'pool:orin', sentences: 2 }, { source: 'local', sentences: 2 }]);
    assert.deepEqual(reasons, ['pool: orin went offline']);
    assert.equal(speech.fallbackReason, undefined, 'the same voice: nothing sounds different');
    assert.equal(released, 1);
  });

  test('a cut does not wait for the pool: speak ends at once and the pool stream is released', async () => {
    let released = false;
    let wake: (() => void) | undefined;
    const silentPool = remote({
      // Answers nothing until released, as a stream waiting for a deadline.
      synthesize: () => new Promise((_, reject) => (wake = () => reject(new PoolGaveUp('the message ended here')))),
      release: () => {
        released = true;
        wake?.();
      },
    });
    const heard: string[] = [];
    const speech = new JobSpeech(fakeEngine('v', heard), fakeEngine('espeak', heard) as unknown as EspeakEngine, undefined, silentPool);
    const sink = { sampleRate: 16000, write: async () => {}, mark: async () => {}, cut: () => {} } as unknown as AudioSink;
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort('interrupt'), 50);
    await assert.rejects(speak(job(['a', 'b']), speech, sink, controller.signal, () => {}), (err) => err instanceof SpeechCut && err.sentence === 0);
    assert.ok(Date.now() - started < 1000, `cut took ${Date.now() - started} ms`);
    speech.release();
    await sleep(10);
    assert.ok(released);
    assert.deepEqual(heard, [], 'nothing made locally for a message that was cut');
  });

  test('without a pool nothing changes: a missing voice is said at once', () => {
    const speech = new JobSpeech(undefined, fakeEngine('espeak', []) as unknown as EspeakEngine, 'voice v could not be loaded');
    assert.equal(speech.fallbackReason, 'voice v could not be loaded');
    assert.equal(speech.sources, undefined);
  });
});

const job = (sentences: string[], resumeFrom = 0) => ({ id: 'job-1', sentences, resumeFrom, voice: 'v', lang: 'en-us', rate: 1 }) as SayJob;

class FakeSender implements PoolSender {
  connected = true;
  sent: Array<{ request: PoolRequest; member?: string; unheard: () => void }> = [];
  members = ['m1', 'm2'];
  private n = 100;
  nextAttempt() {
    return ++this.n;
  }
  liveMembers() {
    return this.members;
  }
  send(request: PoolRequest, member: string | undefined, unheard: () => void) {
    this.sent.push({ request, member, unheard });
  }
  forget() {}
}

const chunk = (attempt: number, member: string, index: number, error?: string): PoolChunk => ({
  header: { id: 'job-1', attempt, member, index, ...(error ? { error } : { sampleRate: 16000 }) },
  pcm: error ? new Int16Array(0) : Int16Array.from([index]),
});

describe('PoolStream: deadlines and retries, each sentence once', () => {
  const timing = { firstChunkDeadlineMs: 80, chunkTimeoutMs: 80, attempts: 3 };

  test('a member stops mid-stream: the retry names another member and asks from the sentence not yet heard', async () => {
    const sender = new FakeSender();
    const stream = new PoolStream(job(['a', 'b', 'c', 'd']), 'pi', sender, timing);
    const first = stream.synthesize('a');
    const [one] = sender.sent;
    assert.equal(one.member, undefined, 'first to the shared subscription');
    stream.receive(chunk(one.request.attempt, 'm1', 0));
    stream.receive(chunk(one.request.attempt, 'm2', 1)); // a second member on the same attempt: not heard
    assert.equal((await first).samples[0] * 32767, 0);
    const second = stream.synthesize('b');
    stream.memberGone('m1');
    await sleep(5);
    const two = sender.sent[1];
    assert.equal(two.member, 'm2');
    assert.equal(two.request.from, 1);
    assert.deepEqual(two.request.sentences, ['b', 'c', 'd']);
    stream.receive(chunk(one.request.attempt, 'm1', 1)); // the old attempt: ignored
    stream.receive(chunk(two.request.attempt, 'm2', 1));
    assert.equal(Math.round((await second).samples[0] * 32767), 1);
    assert.equal(stream.source, 'pool:m2');
  });

  test('a zone message asks, by name, the member every device of the zone picks for it, and without noise', () => {
    const members = ['m1', 'm2', 'm3', 'm4'];
    const firsts = ['pi-1', 'pi-2', 'pi-3'].map((device) => {
      const sender = new FakeSender();
      // Each device may have heard the members in its own order.
      sender.members = device === 'pi-2' ? [...members].reverse() : members;
      void new PoolStream({ ...job(['a']), syncZone: 'hall' } as SayJob, device, sender, timing).synthesize('a').catch(() => {});
      return sender.sent[0];
    });
    assert.ok(firsts[0].member !== undefined && firsts.every((f) => f.member === firsts[0].member), JSON.stringify(firsts.map((f) => f.member)));
    assert.ok(firsts.every((f) => f.request.noiseless === true));
    // Other messages are spread over the members: not all on one.
    const picked = new Set(Array.from({ length: 40 }, (_, i) => rendezvous(`msg-${i}`, members)));
    assert.equal(picked.size, members.length);
    // One member gone: only its messages move.
    const moved = Array.from({ length: 40 }, (_, i) => `msg-${i}`).filter((id) => rendezvous(id, members) !== rendezvous(id, ['m1', 'm2', 'm3']));
    assert.ok(moved.every((id) => rendezvous(id, members) === 'm4'));
    assert.equal(rendezvous('x', []), undefined);
  });

  test('no answer, an error, no subscriber: after `attempts` tries the pool gives up', async () => {
    const sender = new FakeSender();
    const stream = new PoolStream(job(['a', 'b']), 'pi', sender, timing);
    const result = stream.synthesize('a').then(
      () => 'spoken',
      (err) => err,
    );
    await sleep(100); // first: the deadline passes
    const named = sender.sent[1].member!;
    stream.receive(chunk(sender.sent[1].request.attempt, named, 0, `voice v is not loaded on ${named}`));
    await sleep(5);
    sender.sent[2].unheard();
    const err = await result;
    assert.ok(err instanceof PoolGaveUp, String(err));
    assert.match(err.message, /no pool member subscribed.*3 tries/);
    assert.equal(sender.sent.length, 3);
    assert.equal(sender.sent[2].member, named === 'm1' ? 'm2' : 'm1', `${named} failed this message: the last try names the other`);
  });

  test('a long sentence comes in 120 KiB frames and is heard whole', async () => {
    const sender = new FakeSender();
    const stream = new PoolStream(job(['a long one']), 'pi', sender, timing);
    const result = stream.synthesize('a long one');
    const pcm = Int16Array.from({ length: 130_000 }, (_, i) => i % 30_000);
    const attempt = sender.sent[0].request.attempt;
    const parts = frames({ id: 'job-1', attempt, member: 'm1', index: 0, sampleRate: 16000 }, pcm);
    assert.equal(parts.length, 3);
    assert.ok(parts.every((f) => f.length < 131_072 - 1024), 'under the shipped max_packet_size with room for the MQTT header');
    for (const f of parts) stream.receive(decodeChunk(f));
    const audio = await result;
    assert.deepEqual(Array.from(audio.samples, (x) => Math.round(x * 32767)), [...pcm]);
  });

  test('not connected: gives up at once, asks nothing', async () => {
    const sender = new FakeSender();
    sender.connected = false;
    await assert.rejects(new PoolStream(job(['a']), 'pi', sender, timing).synthesize('a'), /not connected/);
    assert.equal(sender.sent.length, 0);
  });
});

describe('SharedSynthesis: what it keeps is bounded', () => {
  test('by bytes, oldest out first, and by age', async () => {
    const made: string[] = [];
    // Each sentence is 4 samples, 8 bytes: two fit in 16.
    const shared = new SharedSynthesis(60_000, 16);
    const engine = fakeEngine('v', made);
    for (const s of ['a', 'b', 'c']) await shared.make(engine, s, { rate: 1 });
    await shared.make(engine, 'c', { rate: 1 });
    await shared.make(engine, 'a', { rate: 1 });
    assert.deepEqual(made, ['v:a', 'v:b', 'v:c', 'v:a'], 'c was kept, a had gone');
    const brief = new SharedSynthesis(0);
    await brief.make(engine, 'd', { rate: 1 });
    await sleep(5);
    await brief.make(engine, 'd', { rate: 1 });
    assert.deepEqual(made.slice(4), ['v:d', 'v:d'], 'kept for 0 ms: made again');
  });
});

describe('PoolServer: served once per requester and attempt; one synthesis for all', () => {
  function member(engineMs = 0) {
    const topics = new PoolTopics('herald', 'tts');
    const routes: LinkRoute[] = [];
    const out: Array<{ topic: string; chunk: PoolChunk }> = [];
    const link = {
      route: (r: LinkRoute) => routes.push(r),
      whenConnected: () => {},
      publish: (topic: string, payload: Buffer) => out.push({ topic, chunk: decodeChunk(payload) }),
    } as unknown as PoolLink;
    const made: string[] = [];
    const engine = fakeEngine('v', made);
    const slow = { ...engine, synthesize: async (s: string, o: { rate: number }) => (await sleep(engineMs), engine.synthesize(s, o)) };
    new PoolServer({ topics, member: 'orin', voices: { loaded: (v: string) => (v === 'v' ? (slow as never) : undefined) }, link, shared: new SharedSynthesis(60_000), log });
    const deliver = (request: Partial<PoolRequest>, replyTo = topics.reply(request.requester ?? 'pi')) => {
      const full = { v: 1, id: 'm1', attempt: 1, requester: 'pi', from: 0, sentences: ['a', 'b'], voice: 'v', lang: 'en-us', rate: 1, deadline: Date.now() + 5000, ...request };
      const packet = { topic: topics.synthesize, properties: { responseTopic: replyTo, correlationData: Buffer.from('c') } } as unknown as IPublishPacket;
      routes.find((r) => r.matches(topics.synthesize))!.handle(Buffer.from(JSON.stringify(full)), packet);
    };
    return { deliver, out, made };
  }

  test('a redelivered request is served once; a later attempt from the next sentence', async () => {
    const m = member();
    m.deliver({});
    m.deliver({});
    await until(() => m.out.length >= 2);
    await sleep(30);
    assert.deepEqual(m.out.map((o) => o.chunk.header.index), [0, 1]);
    m.deliver({ attempt: 2, from: 1, sentences: ['b'] });
    await until(() => m.out.length >= 3);
    assert.deepEqual(m.out.map((o) => `${o.chunk.header.attempt}:${o.chunk.header.index}`), ['1:0', '1:1', '2:1']);
  });

  test('three devices of a zone ask for the same sentences: each made once, each device answered', async () => {
    const m = member(5);
    for (const requester of ['pi-1', 'pi-2', 'pi-3']) m.deliver({ requester });
    await until(() => m.out.length >= 6);
    assert.deepEqual(m.made, ['v:a', 'v:b']);
    assert.deepEqual(new Set(m.out.map((o) => o.topic)), new Set(['herald/pool/tts/reply/pi-1', 'herald/pool/tts/reply/pi-2', 'herald/pool/tts/reply/pi-3']));
    assert.equal(m.out.length, 6);
  });

  test('past its deadline a request is not begun; a foreign reply topic, another requester\'s, or an unknown voice is refused', async () => {
    const m = member(30);
    m.deliver({ id: 'busy', sentences: ['x'] });
    m.deliver({ id: 'late', requester: 'pi-2', sentences: ['y'], deadline: Date.now() + 10 });
    m.deliver({ id: 'spoof' }, 'herald/kitchen/say');
    m.deliver({ id: 'other', requester: 'pi-2' }, 'herald/pool/tts/reply/pi-1');
    m.deliver({ id: 'nov', voice: 'other' });
    await until(() => m.out.length >= 2);
    await sleep(60);
    assert.deepEqual(m.made, ['v:x']);
    assert.deepEqual(m.out.map((o) => `${o.chunk.header.id}:${o.chunk.header.error ?? 'audio'}`), ['nov:voice other is not loaded on orin', 'busy:audio']);
  });
});
