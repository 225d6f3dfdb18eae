// Herald as a Wyoming TTS server, through real sockets to the real daemon
// (mosquitto, ALSA file plugin, fixture voices on onnxruntime, espeak-ng).
// The fixture voice's audio encodes the ids it was given, so the PCM a
// client receives says exactly which sentences were spoken, by which speaker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';
import { WyomingClient, type SynthResult } from './helpers/wyoming-client.ts';

let h: Harness;
let port: number;
const clients: WyomingClient[] = [];

before(async () => {
  h = await startHarness({
    voices: [{ name: 'fixture' }, { name: 'multi', speakers: 3 }],
    // Room for a Wyoming synthesis long enough to still be running when an announcement comes.
    config: { voices: { default: 'fixture' }, limits: { maxChars: 10_000 }, wyoming: { enabled: true, uri: 'tcp://127.0.0.1:0' } },
  });
  const address = h.daemon.wyoming!.address!;
  assert.equal(address.address, '127.0.0.1');
  port = address.port;
});
after(async () => {
  for (const c of clients) c.close();
  await h?.stop();
});

async function client(): Promise<WyomingClient> {
  const c = await WyomingClient.connect(port);
  clients.push(c);
  return c;
}

const THREE = 'The first train leaves at noon. Platform two is closed today! Please mind the gap.';
// Fixture audio per sentence: a 4-sample header, then 256 samples per id (length_scale 1).
const fixtureSamples = (ids: number[][], rate = 1) => ids.reduce((n, s) => n + 4 + s.length * Math.round(256 / rate), 0);
const GAP = Math.round(0.2 * 22050);

function assertAudio(r: SynthResult, expected: number[][], options: { sid?: number; rate?: number } = {}): void {
  assert.equal(r.error, undefined, JSON.stringify(r.error?.data));
  assert.deepEqual(r.start?.data, { rate: 22050, width: 2, channels: 1 });
  for (const c of r.chunks) assert.deepEqual(c.data, { rate: 22050, width: 2, channels: 1 });
  const sentences = findFixtureSentences(r.pcm);
  assert.deepEqual(sentences.map((s) => s.ids), expected, 'every sentence, in order, whole');
  for (const s of sentences) {
    assert.equal(s.complete, true);
    assert.equal(s.sid, options.sid ?? 0);
    assert.ok(Math.abs(s.lengthScale - 1 / (options.rate ?? 1)) < 0.01, `length scale ${s.lengthScale}`);
  }
  assert.equal(r.pcm.length, fixtureSamples(expected, options.rate) + GAP * (expected.length - 1), 'speech and the gaps between sentences, nothing else');
}

// The daemon's debug log lines (JSON) about Wyoming sentences, in the order written.
function sentenceLog(): Array<{ msg: string; sentence: number; wyoming: number }> {
  return readFileSync(join(h.dir, 'daemon.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((l) => l.msg === 'wyoming sentence synthesizing' || l.msg === 'wyoming sentence sent');
}

describe('wyoming: describe', () => {
  test('info lists one streaming TTS program with every voice, speakers of the multi-speaker one, and empty lists for the rest', async () => {
    const c = await client();
    c.send('describe');
    const info = await c.next((e) => e.type === 'info');
    for (const key of ['asr', 'handle', 'intent', 'wake', 'mic', 'snd']) assert.deepEqual(info.data[key], [], key);
    assert.equal(info.data.tts.length, 1);
    const tts = info.data.tts[0];
    assert.equal(tts.name, 'herald');
    assert.equal(tts.installed, true);
    assert.equal(tts.supports_synthesize_streaming, true);
    assert.equal(typeof tts.attribution.name, 'string');
    assert.equal(typeof tts.attribution.url, 'string');
    assert.deepEqual(tts.voices.map((v: any) => v.name), ['fixture', 'multi', 'espeak']);
    const [fixture, multi] = tts.voices;
    assert.deepEqual(fixture.languages, ['en_US']);
    assert.equal(fixture.installed, true);
    assert.equal(fixture.speakers, undefined);
    assert.deepEqual(multi.speakers, [{ name: 'speaker0' }, { name: 'speaker1' }, { name: 'speaker2' }]);
    for (const v of tts.voices) for (const field of ['name', 'description', 'attribution', 'installed', 'version', 'languages']) assert.ok(field in v, `${v.name}.${field}`);
  });
});

describe('wyoming: synthesize', () => {
  test('a 3-sentence text: audio-start, chunks that decode to the voice speaking each sentence, audio-stop; the first sentence is sent before the last is synthesized', async () => {
    const c = await client();
    const r = await c.synthesize(THREE);
    assert.equal(r.events[0].type, 'audio-start');
    assert.equal(r.events.at(-1)!.type, 'audio-stop');
    assert.ok(r.chunks.length > 3);
    assertAudio(r, await expectedIds(h.daemon.espeak, THREE));
    const lines = sentenceLog().filter((l) => l.wyoming === sentenceLog().at(-1)!.wyoming);
    const firstSent = lines.findIndex((l) => l.msg === 'wyoming sentence sent' && l.sentence === 0);
    const lastStarted = lines.findIndex((l) => l.msg === 'wyoming sentence synthesizing' && l.sentence === 2);
    assert.ok(firstSent >= 0 && lastStarted > firstSent, JSON.stringify(lines));
  });

  test('a voice by name with a speaker by name or number, and the rate extension "<voice>@<rate>"', async () => {
    const c = await client();
    const text = 'Speaker check.';
    const ids = await expectedIds(h.daemon.espeak, text);
    assertAudio(await c.synthesize(text, { name: 'multi', speaker: 'speaker2' }), ids, { sid: 2 });
    assertAudio(await c.synthesize(text, { name: 'multi', speaker: '1' }), ids, { sid: 1 });
    assertAudio(await c.synthesize(text, { name: 'fixture@2' }), ids, { rate: 2 });
    // A language alone picks a voice that speaks it: the default here.
    assertAudio(await c.synthesize(text, { language: 'en_US' }), ids);
  });

  test('several clients at once each get their own text', async () => {
    const texts = ['Alpha one. Alpha two.', 'Bravo is here.', 'Charlie calls. Charlie waits. Charlie leaves.'];
    const cs = await Promise.all(texts.map(() => client()));
    const results = await Promise.all(cs.map((c, i) => c.synthesize(texts[i])));
    for (let i = 0; i < texts.length; i++) assertAudio(results[i], await expectedIds(h.daemon.espeak, texts[i]));
  });
});

describe('wyoming: streaming', () => {
  test('synthesize-start, chunks, a compatibility synthesize (ignored), synthesize-stop: audio as sentences complete, then audio-stop and synthesize-stopped', async () => {
    const c = await client();
    c.send('synthesize-start', { voice: { name: 'fixture' } });
    c.send('synthesize-chunk', { text: 'Hello there. This is' });
    // Audio for the first sentence comes before the rest of the text is even sent.
    await c.next((e) => e.type === 'audio-chunk');
    c.send('synthesize-chunk', { text: ' the second one. And' });
    c.send('synthesize-chunk', { text: ' a third' });
    c.send('synthesize', { text: 'Hello there. This is the second one. And a third.', voice: { name: 'fixture' } });
    c.send('synthesize-chunk', { text: '.' });
    c.send('synthesize-stop');
    const r = await c.response('synthesize-stopped');
    assert.deepEqual(r.events.map((e) => e.type).filter((t) => t !== 'audio-chunk'), ['audio-start', 'audio-stop', 'synthesize-stopped']);
    assertAudio(r, await expectedIds(h.daemon.espeak, 'Hello there. This is the second one. And a third.'));
    // The connection takes the next request.
    assertAudio(await c.synthesize('Once more.'), await expectedIds(h.daemon.espeak, 'Once more.'));
  });
});

describe('wyoming: bad requests', () => {
  const refused = async (send: (c: WyomingClient) => void, code: string, text: RegExp) => {
    const c = await client();
    send(c);
    const e = await c.next((x) => x.type === 'error');
    assert.equal(e.data.code, code);
    assert.match(e.data.text, text);
    await c.closed;
  };

  test('unknown voice, unknown speaker, bad rate, empty and too long text: one error event each, then the connection ends', async () => {
    await refused((c) => c.send('synthesize', { text: 'Hi.', voice: { name: 'nope' } }), 'unknown-voice', /unknown voice 'nope' \(installed: fixture, multi, espeak\)/);
    await refused((c) => c.send('synthesize', { text: 'Hi.', voice: { name: 'multi', speaker: 'speaker9' } }), 'unknown-speaker', /unknown speaker 'speaker9'.*speaker0, speaker1, speaker2/);
    await refused((c) => c.send('synthesize', { text: 'Hi.', voice: { name: 'fixture@3' } }), 'bad-rate', /0\.5 to 2/);
    await refused((c) => c.send('synthesize', { text: ' ?! ' }), 'no-text', /no speakable text/);
    await refused((c) => c.send('synthesize', { text: 'a'.repeat(10_001) }), 'text-too-long', /text too long: 10001 characters, limit 10000/);
    await refused((c) => c.send('synthesize', {}), 'bad-request', /needs "text"/);
    await refused((c) => {
      c.send('synthesize-start');
      c.send('synthesize-chunk', { text: 'b'.repeat(9000) });
      c.send('synthesize-chunk', { text: 'b'.repeat(3000) });
    }, 'text-too-long', /text too long: 12000 characters, limit 10000/);
  });

  test('a malformed header and an oversized header are refused; unknown event types are ignored', async () => {
    await refused((c) => c.sendRaw('{"type": "synthesize", \n'), 'bad-frame', /not JSON/);
    await refused((c) => c.sendRaw('x'.repeat(70 * 1024)), 'bad-frame', /longer than 65536 bytes/);
    await refused((c) => c.sendRaw(JSON.stringify({ type: 'synthesize', data_length: 10_000_000 }) + '\n'), 'bad-frame', /exceeds the limit/);
    const c = await client();
    c.send('run-satellite', { x: 1 });
    c.send('describe');
    await c.next((e) => e.type === 'info');
    assert.deepEqual(c.events.map((e) => e.type), ['info']);
  });

  test('a client that vanishes mid-stream affects no one: the next client and an MQTT say still work', async () => {
    const c = await client();
    c.send('synthesize', { text: 'This sentence goes first. '.repeat(300) });
    await c.next((e) => e.type === 'audio-chunk');
    const conn = sentenceLog().at(-1)!.wyoming;
    c.close();
    const d = await client();
    assertAudio(await d.synthesize('Still here.'), await expectedIds(h.daemon.espeak, 'Still here.'));
    await h.say({ id: 'after-vanish', text: 'Nothing broke.' });
    assert.equal((await h.terminalOf('after-vanish')).event, 'finished');
    // Its synthesis stopped when it went.
    const made = sentenceLog().filter((l) => l.wyoming === conn && l.msg === 'wyoming sentence sent').length;
    assert.ok(made >= 1 && made < 300, `${made} sentences made for the vanished client`);
  });
});

describe('wyoming: announcements come first', () => {
  test('an MQTT announcement queued while three long Wyoming syntheses run starts before any of them ends, and only it reaches the speaker', async () => {
    const long = 'A long report follows here. '.repeat(300);
    const cs = await Promise.all([client(), client(), client()]);
    for (const c of cs) c.send('synthesize', { text: long });
    await Promise.all(cs.map((c) => c.next((e) => e.type === 'audio-chunk')));
    const from = h.capture.bytes().length / 2;
    const text = 'Fire drill in five minutes.';
    await h.say({ id: 'drill', text });
    const started = await h.waitForEvent((e) => e.id === 'drill' && e.event === 'started', 60_000);
    assert.equal(started.event, 'started');
    const stillRunning = cs.filter((c) => !c.events.some((e) => e.type === 'audio-stop'));
    assert.equal(stillRunning.length, 3, 'no Wyoming response had ended when the announcement started');
    assert.equal((await h.terminalOf('drill', 60_000)).event, 'finished');
    const results = await Promise.all(cs.map((c) => c.response('audio-stop', 0, 120_000)));
    for (const r of results) assert.equal(findFixtureSentences(r.pcm).length, 300);
    await h.flushAudio();
    const played = findFixtureSentences(h.capture.samples().subarray(Math.floor(from))).filter((s) => s.volume > 0);
    assert.deepEqual(played.map((s) => s.ids), await expectedIds(h.daemon.espeak, text));
  });
});

describe('wyoming: daemon stop', () => {
  test('stop() ends the connections, even one mid-synthesis, and closes the port', async () => {
    const c = await client();
    c.send('synthesize', { text: 'Stopping soon. '.repeat(300) });
    await c.next((e) => e.type === 'audio-chunk');
    await h.daemon.stop();
    await c.closed;
    assert.equal(c.events.some((e) => e.type === 'audio-stop'), false);
    await assert.rejects(WyomingClient.connect(port), /ECONNREFUSED/);
  });
});
