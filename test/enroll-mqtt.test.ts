// Enrollment by recording over MQTT (request/enroll), end to end against a
// running daemon: real mosquitto, the daemon in this process, real arecord
// on an ALSA capture PCM fed by a test microphone (helpers/mic-fifo.ts), the
// real adaptation process on the shipped base model, and the new voice
// loaded by onnxruntime and spoken through ALSA.
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CONSENT_SENTENCE, PROMPTS } from '../src/enroll/prompts.ts';
import { enrollDir } from '../src/enroll/private-files.ts';
import { startHarness, type Harness, type Received } from './helpers/daemon-harness.ts';
import { startMicFifo, type MicFifo } from './helpers/mic-fifo.ts';
import { speechLike } from './helpers/speech-like.ts';

// The base model shipped in the repository (scripts/train-voice/run-base.sh).
const BASE = fileURLToPath(new URL('../models/base/herald-base.pt', import.meta.url));
// Six 4 s takes: 25 s of speech, over the 20 s adaptation needs.
const TAKES = 6;

let micDir: string;
let mic: MicFifo;
let h: Harness;
let previousBase: string | undefined;

before(async () => {
  micDir = mkdtempSync(join(tmpdir(), 'herald-enroll-mqtt-mic-'));
  mic = await startMicFifo(micDir, 'mic');
  previousBase = process.env.HERALD_ENROLL_BASE;
  process.env.HERALD_ENROLL_BASE = BASE;
  h = await startHarness({ alsaExtra: mic.alsaConfig, config: { audio: { captureDevice: 'mic' } } });
});
after(async () => {
  await h?.stop();
  await mic?.stop();
  if (previousBase === undefined) delete process.env.HERALD_ENROLL_BASE;
  else process.env.HERALD_ENROLL_BASE = previousBase;
  rmSync(micDir, { recursive: true, force: true });
});

const enroll = (data: Record<string, unknown>, timeoutMs?: number) => h.request('enroll', data, timeoutMs);
const enrollEvents = (name: string): Received[] => h.messages.filter((m) => m.topic === `${h.base}/enroll/${name}`);

async function recordTakes(name: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    mic.serve(speechLike(4)[0]);
    const r = await enroll({ action: 'record', name });
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.data.kept, true, JSON.stringify(r.data));
  }
}

// The adaptation process: a python3 child of this process running adapt.py.
function adaptationPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (cmdline.includes('adapt.py') && ppid === process.pid) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

function niceOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
}

describe('MQTT request enroll', () => {
  test('bad requests get one clear error; a status before start says none', async () => {
    const status = await enroll({ action: 'status', name: 'zed' });
    assert.equal(status.status, 'ok');
    assert.equal(status.data.state, 'none');
    assert.deepEqual(status.data.recorded, []);
    const early = await enroll({ action: 'record', name: 'zed' });
    assert.equal(early.status, 'error');
    assert.match(early.error, /no enrollment of 'zed' is started; send \{action: 'start', name: 'zed'\} first/);
    const path = await enroll({ action: 'start', name: '../x' });
    assert.equal(path.status, 'error');
    assert.match(path.error, /voice name '\.\.\/x' contains a path separator/);
    const reserved = await enroll({ action: 'start', name: 'espeak' });
    assert.match(reserved.error, /voice name 'espeak' is reserved for espeak-ng/);
    const action = await enroll({ action: 'dance', name: 'zed' });
    assert.match(action.error, /^enroll needs \{action: 'start'\|'record'\|'finish'\|'status'\|'cancel', name\}: action: /);
    const noName = await enroll({ action: 'start' });
    assert.match(noName.error, /^enroll needs .*: name: /);
    const noTakes = await enroll({ action: 'start', name: 'zed' });
    assert.equal(noTakes.status, 'ok');
    const finish = await enroll({ action: 'finish', name: 'zed' });
    assert.match(finish.error, /the consent sentence \(prompt index 0\) is not recorded yet/);
    assert.equal((await enroll({ action: 'cancel', name: 'zed' })).data.removed, false);
  });

  test('start lists the prompts; cancel stops a recording in flight and removes the partial enrollment', async () => {
    const start = await enroll({ action: 'start', name: 'bob' });
    assert.equal(start.status, 'ok', JSON.stringify(start));
    assert.equal(start.data.prompts.length, PROMPTS.length);
    assert.deepEqual(start.data.prompts[0], { index: 0, text: CONSENT_SENTENCE });
    assert.deepEqual(start.data.recorded, []);
    assert.equal(start.data.next, 0);

    mic.serve(speechLike(4)[0]);
    const take = await enroll({ action: 'record', name: 'bob' });
    assert.equal(take.status, 'ok', JSON.stringify(take));
    assert.equal(take.data.index, 0);
    assert.equal(take.data.kept, true);
    assert.deepEqual(take.data.problems, []);
    assert.ok(take.data.level.speechDbfs > -30 && take.data.level.speechDbfs < -10, JSON.stringify(take.data.level));
    assert.deepEqual(take.data.recorded, [0]);
    assert.equal(take.data.next, 1);

    // A quiet take: checked, not kept, the same prompt is next.
    mic.serve(speechLike(4, { amplitude: 0.3 / 10 ** (30 / 20) })[0]);
    const quiet = await enroll({ action: 'record', name: 'bob' });
    assert.equal(quiet.data.kept, false);
    assert.deepEqual(quiet.data.problems.map((p: { code: string }) => p.code), ['too-quiet']);
    assert.equal(quiet.data.next, 1);

    // Nobody speaks: the recording waits; cancel ends it.
    const opened = mic.opened();
    const pending = enroll({ action: 'record', name: 'bob' });
    await new Promise((r) => setTimeout(r, 500));
    const busy = await enroll({ action: 'record', name: 'bob' });
    assert.match(busy.error, /a take is being recorded already/);
    const cancel = await enroll({ action: 'cancel', name: 'bob' });
    assert.equal(cancel.status, 'ok', JSON.stringify(cancel));
    assert.deepEqual(cancel.data, { name: 'bob', cancelled: true, removed: true });
    const cut = await pending;
    assert.equal(cut.status, 'error');
    assert.match(cut.error, /the recording was cancelled/);
    assert.equal(mic.opened(), opened, 'no take was heard');
    assert.ok(!existsSync(enrollDir(h.config.stateDir, 'bob')));
    assert.equal((await enroll({ action: 'status', name: 'bob' })).data.state, 'none');
  });

  test('the adaptation process crashing: event failed, nothing installed, the daemon goes on', async () => {
    assert.equal((await enroll({ action: 'start', name: 'carl' })).status, 'ok');
    await recordTakes('carl', TAKES);
    const finish = await enroll({ action: 'finish', name: 'carl', steps: 500 });
    assert.equal(finish.status, 'ok', JSON.stringify(finish));
    await h.waitForMessage((m) => m.topic === `${h.base}/enroll/carl` && m.json?.event === 'progress', 60_000);
    const pid = adaptationPid();
    assert.ok(pid, 'the adaptation process is running');
    assert.equal(niceOf(pid), 19, 'at nice 19');
    process.kill(pid, 'SIGKILL');
    const failed = await h.waitForMessage((m) => m.topic === `${h.base}/enroll/carl` && m.json?.event === 'failed', 30_000);
    assert.match(failed.json.reason, /^adaptation failed: adaptation process exited \(SIGKILL\)/);
    assert.equal(failed.retain, false);
    assert.ok(!existsSync(join(h.config.voices.dir, 'carl.onnx')), 'nothing installed');
    const status = await enroll({ action: 'status', name: 'carl' });
    assert.equal(status.data.state, 'failed');
    assert.equal((await h.request('status')).status, 'ok', 'the daemon still answers');
    assert.equal((await enroll({ action: 'cancel', name: 'carl' })).data.removed, true);
  });

  test('start → record × 6 → finish: progress, a say spoken meanwhile, done; the voice is listed and speaks', async () => {
    assert.equal((await enroll({ action: 'start', name: 'alice' })).status, 'ok');
    await recordTakes('alice', TAKES);
    // Ten steps: long enough that the say is spoken while adaptation works.
    const finish = await enroll({ action: 'finish', name: 'alice', steps: 10 });
    assert.equal(finish.status, 'ok', JSON.stringify(finish));
    assert.equal(finish.data.takes, TAKES);

    const progress = await h.waitForMessage((m) => m.topic === `${h.base}/enroll/alice` && m.json?.event === 'progress', 60_000);
    assert.equal(progress.retain, false);
    assert.equal((await enroll({ action: 'status', name: 'alice' })).data.state, 'adapting');
    await h.say({ id: 'meanwhile', text: 'The daemon keeps speaking while a voice is made.' });
    const spoken = await h.terminalOf('meanwhile', 60_000);
    assert.equal(spoken.event, 'finished');
    const spokenAt = h.messages.find((m) => m.topic === `${h.base}/event` && m.json?.id === 'meanwhile' && m.json.event === 'finished')!.at;

    const done = await h.waitForMessage((m) => m.topic === `${h.base}/enroll/alice` && (m.json?.event === 'done' || m.json?.event === 'failed'), 120_000);
    assert.equal(done.json.event, 'done', JSON.stringify(done.json));
    process.stdout.write(`# adaptation: ${JSON.stringify(done.json)}; the say finished ${done.at - spokenAt} ms before it\n`);
    assert.ok(spokenAt < done.at, 'the say finished before the enrollment did');
    assert.equal(done.json.steps, 10);
    assert.equal(done.json.takes, TAKES);
    const events = enrollEvents('alice').map((m) => m.json);
    const adapt = events.filter((e) => e.event === 'progress' && e.phase === 'adapt');
    assert.ok(adapt.length >= 1, JSON.stringify(events));
    for (const e of adapt) assert.ok(typeof e.step === 'number' && e.steps === 10, JSON.stringify(e));

    const status = await h.request('status');
    assert.ok(status.data.voices.includes('alice'), JSON.stringify(status.data.voices));
    assert.equal((await enroll({ action: 'status', name: 'alice' })).data.state, 'done');
    await h.say({ id: 'mine', text: 'Hello in my own voice.', voice: 'alice' });
    const mine = await h.terminalOf('mine', 60_000);
    assert.equal(mine.event, 'finished', JSON.stringify(h.eventsFor('mine')));
    const started = h.eventsFor('mine').find((e) => e.event === 'started' || e.voice);
    assert.equal(started?.voice, 'alice');
    assert.equal(h.eventsFor('mine').find((e) => e.engine)?.engine, 'piper');

    const enrolled = JSON.parse(readFileSync(join(enrollDir(h.config.stateDir, 'alice'), 'enrolled.json'), 'utf8'));
    assert.equal(enrolled.source, 'recording');
    assert.equal(enrolled.consentTake, 'prompt-01');
  });

  test('nothing published holds a file path or a recording', () => {
    for (const m of h.messages) {
      const text = m.payload.toString('utf8');
      assert.ok(!text.includes(h.dir), `${m.topic} names a path: ${text.slice(0, 200)}`);
      assert.ok(!text.includes('.wav'), `${m.topic} names a take file`);
    }
    assert.ok(!h.logTail(100_000).split('\n').some((l) => l.includes('"level":30') && l.includes(micDir)), 'no path at info level');
  });
});
