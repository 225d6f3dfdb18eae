// Issue 5: the real daemon under systemd's notify protocol: READY=1 only once
// the voices are loaded and warmed up, WATCHDOG=1 while all is well, none
// while the audio path hangs, and STOPPING=1 on SIGTERM.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import mqtt from 'mqtt';
import { startDaemonProcess, writeDaemonConfig } from './helpers/daemon-process.ts';
import { buildFixtureVoice } from './helpers/fixture-voice.ts';
import { startMosquitto } from './helpers/mosquitto.ts';
import { startNotifyListener } from './helpers/notify-listener.ts';
import { startPcmCapture } from './helpers/pcm-capture.ts';

const dir = mkdtempSync(join(tmpdir(), 'herald-notify-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('READY after warm-up, WATCHDOG while healthy, silence while audio hangs, STOPPING on SIGTERM', { timeout: 120_000 }, async () => {
  mkdirSync(join(dir, 'voices'));
  buildFixtureVoice(join(dir, 'voices'));
  const broker = await startMosquitto();
  cleanups.push(() => broker.stop());
  // Real-time playback, so that stopping the reader stops the device.
  const capture = await startPcmCapture(dir, { bytesPerSecond: 44100 });
  cleanups.push(async () => {
    process.kill(capture.pid, 'SIGCONT');
    await capture.stop();
  });
  const notify = await startNotifyListener();
  cleanups.push(() => notify.close());
  const config = writeDaemonConfig(dir, {
    deviceId: 'notify',
    mqtt: { url: broker.url },
    audio: { retrySeconds: 0.5, stallSeconds: 1.5 },
    voices: { dir: join(dir, 'voices') },
    engine: { providers: ['cpu'], intraOpThreads: 1 },
    stateDir: join(dir, 'state'),
    metrics: { intervalSeconds: 3600 },
  });
  const daemon = startDaemonProcess(config, { ALSA_CONFIG_PATH: capture.configPath, NOTIFY_SOCKET: notify.path, WATCHDOG_USEC: '1000000' });
  cleanups.push(() => daemon.kill('SIGKILL'));

  const ready = await notify.waitFor((m) => m.fields.READY === '1', 60_000);
  // The voice was loaded and warmed up before READY=1 was sent.
  const log = daemon.log();
  assert.match(log, /voice warmed up/);
  assert.ok(log.indexOf('voice warmed up') < log.length, 'warm-up logged');
  assert.match(ready.fields.STATUS ?? '', /fixture/);
  assert.equal(notify.messages.filter((m) => m.fields.WATCHDOG === '1' && m.receivedAt < ready.receivedAt).length, 0, 'no WATCHDOG before READY');

  // WatchdogSec=1 s: a ping about every 0.5 s while healthy.
  await sleep(2200);
  const healthy = notify.messages.filter((m) => m.fields.WATCHDOG === '1').length;
  assert.ok(healthy >= 3, `only ${healthy} WATCHDOG=1 in 2.2 s`);

  // Hang the audio device (the reader stops draining), then give it audio.
  process.kill(capture.pid, 'SIGSTOP');
  const client = mqtt.connect(broker.url);
  cleanups.push(() => new Promise<void>((r) => client.end(true, {}, () => r())));
  await new Promise<void>((r) => client.once('connect', () => r()));
  const long = Array.from({ length: 12 }, (_, i) => `This is sentence number ${i + 1} of a long announcement.`).join(' ');
  await client.publishAsync('herald/notify/say', JSON.stringify({ id: 'hang', text: long }), { qos: 1 });
  // Stall detection (1.5 s) plus one ping interval, then no ping for 2 s.
  await sleep(3500);
  const hungFrom = Date.now();
  await sleep(2000);
  const during = notify.messages.filter((m) => m.fields.WATCHDOG === '1' && m.receivedAt >= hungFrom).length;
  assert.equal(during, 0, 'WATCHDOG=1 kept coming while the audio path hung');

  // The device comes back: pings resume.
  process.kill(capture.pid, 'SIGCONT');
  const resumed = Date.now();
  await notify.waitFor((m) => m.fields.WATCHDOG === '1' && m.receivedAt >= resumed, 10_000);

  await daemon.kill('SIGTERM');
  const exit = await daemon.exited;
  assert.equal(exit.code, 0, `exit ${JSON.stringify(exit)}\n${daemon.log().slice(-2000)}`);
  assert.ok(notify.messages.some((m) => m.fields.STOPPING === '1'), 'STOPPING=1 was sent');
});
