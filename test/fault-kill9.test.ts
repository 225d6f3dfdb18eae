// Issue 5: kill -9 the daemon with 50 messages queued; after a restart all 50
// are spoken exactly once, by the finished events and by the audio ALSA got.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import mqtt from 'mqtt';
import { EspeakHost } from '../src/text/espeak-host.ts';
import { startDaemonProcess, writeDaemonConfig, type DaemonProcess } from './helpers/daemon-process.ts';
import { expectedIds } from './helpers/expected-ids.ts';
import { findFixtureSentences } from './helpers/fixture-pcm.ts';
import { buildFixtureVoice } from './helpers/fixture-voice.ts';
import { startMosquitto } from './helpers/mosquitto.ts';
import { startPcmCapture } from './helpers/pcm-capture.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-kill9-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('50 queued messages survive kill -9 and are spoken exactly once', { timeout: 240_000 }, async () => {
  mkdirSync(join(dir, 'voices'));
  buildFixtureVoice(join(dir, 'voices'));
  const broker = await startMosquitto();
  cleanups.push(() => broker.stop());
  // Six times real time: the queue stays full long enough to kill into it.
  const capture = await startPcmCapture(dir, { bytesPerSecond: 44100 * 6 });
  cleanups.push(() => capture.stop());
  const deviceId = 'kill9';
  const config = writeDaemonConfig(dir, {
    deviceId,
    mqtt: { url: broker.url },
    audio: { retrySeconds: 0.5 },
    voices: { dir: join(dir, 'voices') },
    engine: { providers: ['cpu'], intraOpThreads: 1 },
    stateDir: join(dir, 'state'),
    metrics: { intervalSeconds: 3600 },
  });

  const events: Array<{ id: string; event: string; reason?: string }> = [];
  let online = 0;
  const client = mqtt.connect(broker.url, { clientId: 'kill9-test', clean: false, reconnectPeriod: 200 });
  cleanups.push(() => new Promise<void>((r) => client.end(true, {}, () => r())));
  client.on('message', (topic, payload) => {
    const msg = JSON.parse(payload.toString());
    if (topic.endsWith('/event')) events.push(msg);
    else if (msg.state === 'online') online++;
  });
  await new Promise<void>((r) => client.once('connect', () => r()));
  await client.subscribeAsync([`herald/${deviceId}/event`, `herald/${deviceId}/status`], { qos: 1 });

  const env = { ALSA_CONFIG_PATH: capture.configPath };
  let daemon: DaemonProcess = startDaemonProcess(config, env);
  cleanups.push(() => daemon.kill('SIGKILL'));
  for (let i = 0; i < 300 && !online; i++) await sleep(100);
  assert.ok(online, `daemon did not come online:\n${daemon.log().slice(-3000)}`);

  const texts = Array.from({ length: 50 }, (_, i) => ({ id: `k9-${String(i).padStart(2, '0')}`, text: `Announcement number ${i + 1}.` }));
  for (const t of texts) await client.publishAsync(`herald/${deviceId}/say`, JSON.stringify(t), { qos: 1 });

  // Kill while the fourth message is playing.
  const finished = () => events.filter((e) => e.event === 'finished').length;
  for (let i = 0; i < 600 && finished() < 3; i++) await sleep(50);
  for (let i = 0; i < 200 && !events.some((e) => e.event === 'started' && e.id === 'k9-03'); i++) await sleep(10);
  await sleep(100);
  const before = finished();
  daemon.child.kill('SIGKILL');
  await daemon.exited;
  assert.ok(before >= 3 && before < 50, `killed with ${before} of 50 finished`);

  online = 0;
  daemon = startDaemonProcess(config, env);
  for (let i = 0; i < 2400 && new Set(events.filter((e) => e.event === 'finished').map((e) => e.id)).size < 50; i++) await sleep(50);

  // ALSA's file plugin holds back its last buffer; silence pushes it out.
  await client.publishAsync(`herald/${deviceId}/say`, JSON.stringify({ id: 'flush', text: 'Flush this now.', volume: 0, rate: 0.5 }), { qos: 1 });
  for (let i = 0; i < 400 && !events.some((e) => e.id === 'flush' && e.event === 'finished'); i++) await sleep(50);
  await sleep(1000);
  await daemon.kill('SIGTERM');

  for (const t of texts) {
    const ends = events.filter((e) => e.id === t.id && ['finished', 'failed', 'dropped'].includes(e.event));
    assert.deepEqual(ends.map((e) => e.event), ['finished'], `${t.id}: ${JSON.stringify(ends)}`);
  }

  const espeak = new EspeakHost();
  cleanups.push(() => espeak.stop());
  const heard = findFixtureSentences(capture.samples()).filter((s) => s.complete).map((s) => JSON.stringify(s.ids));
  for (const t of texts) {
    const [ids] = await expectedIds(espeak, t.text);
    const times = heard.filter((h) => h === JSON.stringify(ids)).length;
    assert.equal(times, 1, `${t.id} "${t.text}" was heard complete ${times} times`);
  }
});
