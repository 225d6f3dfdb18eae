// Issue 5: faults Herald must ride out without losing an accepted message:
// a broker restart mid-stream, an audio device that appears late, a damaged
// voice file, and a state directory that cannot be written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import mqtt from 'mqtt';
import { writeManifest } from '../src/voices/manifest.ts';
import { discoverVoices } from '../src/voices/discover.ts';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';
import { startDaemonProcess, writeDaemonConfig } from './helpers/daemon-process.ts';
import { buildFixtureVoice } from './helpers/fixture-voice.ts';
import { freePort, MOSQUITTO } from './helpers/mosquitto.ts';
import { startPcmCapture } from './helpers/pcm-capture.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('broker restart in the middle of a QoS 1 stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-broker-restart-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  test('every message is spoken once and every event arrives', { timeout: 180_000 }, async () => {
    const port = await freePort();
    // Persistence on: sessions and queued QoS 1 messages outlive the restart.
    const conf = join(dir, 'mosquitto.conf');
    writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location ${dir}/\nautosave_interval 1\nuser root\n`);
    const startBroker = async () => {
      const child = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
      await sleep(300);
      return child;
    };
    let broker = await startBroker();
    cleanups.push(() => {
      broker.kill('SIGKILL');
    });
    mkdirSync(join(dir, 'voices'));
    buildFixtureVoice(join(dir, 'voices'));
    const capture = await startPcmCapture(dir);
    cleanups.push(() => capture.stop());
    const config = writeDaemonConfig(dir, {
      deviceId: 'restart',
      mqtt: { url: `mqtt://127.0.0.1:${port}` },
      voices: { dir: join(dir, 'voices') },
      engine: { providers: ['cpu'], intraOpThreads: 1 },
      stateDir: join(dir, 'state'),
      metrics: { intervalSeconds: 3600 },
    });
    const statusTimes: number[] = [];
    const events: Array<{ id: string; event: string }> = [];
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { clientId: 'restart-test', clean: false, reconnectPeriod: 200 });
    cleanups.push(() => new Promise<void>((r) => client.end(true, {}, () => r())));
    client.on('message', (topic, payload) => {
      const msg = JSON.parse(payload.toString());
      if (topic.endsWith('/event')) events.push(msg);
      else if (msg.state === 'online') statusTimes.push(Date.now());
    });
    await new Promise<void>((r) => client.once('connect', () => r()));
    await client.subscribeAsync(['herald/restart/event', 'herald/restart/status'], { qos: 1 });
    const daemon = startDaemonProcess(config, { ALSA_CONFIG_PATH: capture.configPath });
    cleanups.push(() => daemon.kill('SIGKILL'));
    await until('daemon online', () => statusTimes.length > 0, 60_000);

    const ids = Array.from({ length: 24 }, (_, i) => `r-${i}`);
    let restartedAt = 0;
    for (const [i, id] of ids.entries()) {
      // Not awaited: while the broker is down, mqtt.js keeps them and sends them after.
      client.publish('herald/restart/say', JSON.stringify({ id, text: `Stream message ${i + 1}.` }), { qos: 1 });
      await sleep(40);
      if (i === 8) {
        broker.kill('SIGTERM');
        await new Promise((r) => broker.once('exit', r));
        await sleep(1500);
        const before = statusTimes.length;
        broker = await startBroker();
        restartedAt = Date.now();
        void until('status after reconnect', () => statusTimes.length > before, 60_000).then(() => {
          // How long the daemon took to be back (status re-published) after the broker came back.
          process.stdout.write(`# reconnect: status re-published ${statusTimes[before] - restartedAt} ms after the broker came back\n`);
        });
      }
    }
    await until('a terminal event for every message', () => ids.every((id) => events.some((e) => e.id === id && ['finished', 'failed', 'dropped'].includes(e.event))), 120_000);
    await sleep(500);
    for (const id of ids) {
      const ends = events.filter((e) => e.id === id && ['finished', 'failed', 'dropped'].includes(e.event)).map((e) => e.event);
      assert.deepEqual(ends, ['finished'], `${id}: ${JSON.stringify(ends)}`);
    }
    await daemon.kill('SIGTERM');
  });
});

describe('harness faults', () => {
  let h: Harness | undefined;
  after(async () => {
    await h?.stop();
  });

  test('an audio device missing at start: messages wait, and are spoken when it appears', { timeout: 90_000 }, async () => {
    h = await startHarness({ voices: [{}], config: { audio: { device: 'herald_late', retrySeconds: 0.5 } }, waitForAudio: false });
    const down = await h.waitForMessage((m) => m.topic === `${h!.base}/status` && m.json?.audioOk === false);
    assert.ok(down.json.audioError, 'status says why audio is down');
    await h.say({ id: 'late-1', text: 'Waiting for the speaker.' });
    await h.say({ id: 'late-2', text: 'Still waiting.' });
    await sleep(1500);
    assert.equal(h.eventsFor('late-1').some((e) => e.event === 'started'), false, 'nothing can start without a device');
    // The device appears: an ALSA PCM of that name now exists.
    appendFileSync(h.capture.configPath, '\npcm.herald_late { type plug slave.pcm "default" }\n');
    assert.equal((await h.terminalOf('late-1', 30_000)).event, 'finished');
    assert.equal((await h.terminalOf('late-2', 30_000)).event, 'finished');
    await h.waitForMessage((m) => m.topic === `${h!.base}/status` && m.json?.audioOk === true);
    await h.stop();
    h = undefined;
  });

  test('a voice whose file no longer matches its checksum: refused, espeak-ng speaks, status says why', { timeout: 90_000 }, async () => {
    h = await startHarness({
      voices: [{ name: 'plant' }],
      prepare: ({ voicesDir }) => {
        writeManifest(voicesDir, discoverVoices(voicesDir).voices);
        appendFileSync(join(voicesDir, 'plant.onnx'), Buffer.from([0]));
      },
    });
    const status = await h.request('status');
    assert.match(JSON.stringify(status.data.voiceProblems), /checksum mismatch for plant\.onnx/);
    assert.equal(status.data.defaultVoice, 'espeak');
    await h.say({ id: 'cv', text: 'The fallback voice speaks.' });
    const end = await h.terminalOf('cv');
    assert.equal(end.event, 'finished');
    assert.equal(end.engine, 'espeak');
    assert.match(String(h.eventsFor('cv').find((e) => e.event === 'started')?.reason), /no neural voice/);
    await h.stop();
    h = undefined;
  });

  test('a state directory that cannot be created: durability degraded, still speaking', { timeout: 90_000 }, async () => {
    h = await startHarness({
      voices: [{}],
      // The state directory's path is taken by a file (as root, a chmod would not stop writes).
      prepare: ({ dir }) => writeFileSync(join(dir, 'state'), 'not a directory'),
    });
    const status = await h.request('status');
    assert.equal(status.data.durable, false);
    assert.match(status.data.durabilityError, /journal not writable/);
    await h.say({ id: 'ro', text: 'Spoken without a journal.' });
    assert.equal((await h.terminalOf('ro')).event, 'finished');
    await h.stop();
    h = undefined;
  });

  test('a full disk: the first write fails, durability degraded, still speaking', { timeout: 90_000 }, async () => {
    h = await startHarness({
      voices: [{}],
      // The journal's compaction writes journal.jsonl.tmp, then renames it in place: both end at /dev/full.
      prepare: ({ dir }) => {
        mkdirSync(join(dir, 'state'));
        symlinkSync('/dev/full', join(dir, 'state', 'journal.jsonl.tmp'));
      },
    });
    await h.say({ id: 'full-1', text: 'The disk is full.' });
    assert.equal((await h.terminalOf('full-1')).event, 'finished');
    await h.say({ id: 'full-2', text: 'Still speaking.' });
    assert.equal((await h.terminalOf('full-2')).event, 'finished');
    const status = await h.request('status');
    assert.equal(status.data.durable, false);
    assert.match(status.data.durabilityError, /ENOSPC|no space/i);
    await h.stop();
    h = undefined;
  });
});
