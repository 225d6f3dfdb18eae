// Measures zone sync (docs/zones.md, issue 12 item 1): N daemons in one zone
// on this machine, each in its own process with a skewed wall clock
// (HERALD_TEST_CLOCK_OFFSET_MS) that Herald's own offset estimation must
// cancel, each playing into its own real-time ALSA capture (the FIFO reader
// paced at 44100 bytes/s under SCHED_FIFO, stamping when each burst of audio
// started playing). Reads from the captures:
//   - start skew: per announcement, the spread (max - min) across devices of
//     the time the first sample of its first sentence was played;
//   - error against playAt, on the true clock;
//   - lead used: how much of the lead the slowest device needed before its
//     first audio reached its sink (leadMs + lateMs of its `started` event);
//   - drift: over one message of about a minute, how the spread at its last
//     sentence differs from the spread at its first;
//   - zone emergencies (--cuts): the spread of the instant the cut message
//     stopped, of the emergency's start and of the cut message's resumption.
// Needs the compiled daemon (npm run build) and root for SCHED_FIFO (else the
// reader runs at normal priority and the skew shows the scheduler).
//
// With --bundled-voice the devices speak models/'s voice instead of the
// fixture, and only the lead used is reported (its audio carries no marks
// to find sentences by).
//
// MEASURE_DEBUG=1 prints each announcement's error per device on stderr.
//
//   npx tsx scripts/measure-zone-sync.ts [--devices 4] [--announcements 20] [--lead 1500] [--long-sentences 40] [--cuts 5] [--bundled-voice]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../src/system/synth-stats.ts';
import { lastSoundBefore, playedSentences, startZoneRig, type ZoneDevice, type ZoneRig } from '../test/helpers/zone-rig.ts';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '4' },
    announcements: { type: 'string', default: '20' },
    lead: { type: 'string', default: '1500' },
    'long-sentences': { type: 'string', default: '40' },
    cuts: { type: 'string', default: '5' },
    'bundled-voice': { type: 'boolean' },
  },
});
const BUNDLED = values['bundled-voice'] ? { dir: resolve(import.meta.dirname, '../models'), default: 'en_US-herald_slt-low' } : undefined;
const DEVICES = Number(values.devices);
const N = Number(values.announcements);
const LEAD_MS = Number(values.lead);
// Within ±50 ms, each device its own; the first (the zone leader) is skewed too.
const SKEWS = [50, -50, 25, -25, 40, -40, 10, -10].slice(0, DEVICES);
const ANNOUNCEMENT = 'Alpha one two three. Bravo four five six. Charlie seven eight nine.';
const WORDS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

// A message's sentences, told apart by its rate (the fixture voice writes its
// length scale into each sentence's audio).
function heard(device: ZoneDevice, from: number, rate: number) {
  return playedSentences(device, from).filter((s) => Math.abs(s.lengthScale - 1 / rate) < 0.005 && s.volume > 0);
}

async function play(rig: ZoneRig, id: string, text: string, rate: number) {
  const from = rig.devices.map((d) => d.capture.bytes().length);
  await rig.zoneSay({ id, text, rate });
  const ends = await rig.terminals(id, 60_000 + text.length * 200);
  if (ends.some((e) => e.event !== 'finished')) throw new Error(`${id}: ${JSON.stringify(ends)}`);
  const started = rig.devices.map((d) => d.events.find((e) => e.id === id && e.event === 'started')!);
  return { from, started };
}

// ALSA's file plugin keeps the last 0.5 s until more audio comes.
async function flush(rig: ZoneRig, id: string) {
  await play(rig, id, 'Flush this now.', 0.6).catch(() => {});
}

const rig = await startZoneRig({ skews: SKEWS, leadMs: LEAD_MS, config: () => (BUNDLED ? { voices: BUNDLED } : {}) });
try {
  const clocks = rig.devices.map((d) => ({ id: d.id, skewMs: d.skewMs, injectedOffsetMs: SKEWS[0] - d.skewMs, ...d.status().zoneClocks[0] }));
  // The first message after the sinks opened finds ALSA's file plugin empty,
  // every later one finds it holding 0.5 s (audio.latencyMs): not counted.
  await play(rig, 'warm-up', ANNOUNCEMENT, 1);
  // The sinks' line from that first message is off by the plugin's 0.5 s
  // (docs/zones.md): gone once the device has been quiet that long.
  await sleep(1000);

  const skews: number[] = [];
  const errors: number[] = [];
  const leadUsed: number[] = [];
  for (let k = 0; k < N; k++) {
    // Neighbours differ in rate, so one's tail is never taken for the next.
    const rate = k % 2 ? 0.9 : 1.1;
    const { from, started } = await play(rig, `a${k}`, ANNOUNCEMENT, rate);
    for (const e of started) leadUsed.push(LEAD_MS + e.lateMs!);
    if (BUNDLED) continue;
    const starts = rig.devices.map((d, i) => heard(d, from[i], rate)[0]?.at);
    if (starts.some((t) => t === undefined)) throw new Error(`a${k}: first sentence not found in every capture`);
    skews.push(Math.max(...starts) - Math.min(...starts));
    // playAt is on the leader's clock, which runs SKEWS[0] ahead of true time.
    for (const t of starts) errors.push(t - (started[0].playAt! - SKEWS[0]));
    if (process.env.MEASURE_DEBUG) console.error(`a${k}`, starts.map((t) => r1(t - (started[0].playAt! - SKEWS[0]))).join(' '));
    await sleep(300);
  }

  const lead = { p50: r1(percentile(leadUsed, 50)), p95: r1(percentile(leadUsed, 95)), max: r1(Math.max(...leadUsed)) };
  if (BUNDLED) console.log(JSON.stringify({ voice: BUNDLED.default, devices: DEVICES, leadMs: LEAD_MS, announcements: N, clocks, leadUsedMs: lead }, null, 2));
  else console.log(JSON.stringify({ devices: DEVICES, leadMs: LEAD_MS, clocks, ...startFigures(skews, errors), leadUsedMs: lead, long: await measureDrift(rig), emergencies: await measureCuts(rig) }, null, 2));
} finally {
  await rig.stop();
}

function startFigures(skews: number[], errors: number[]) {
  return {
    startSkewMs: { n: skews.length, p50: r1(percentile(skews, 50)), p95: r1(percentile(skews, 95)), max: r1(Math.max(...skews)) },
    errorVsPlayAtMs: { p50: r1(percentile(errors, 50)), min: r1(Math.min(...errors)), max: r1(Math.max(...errors)) },
  };
}

// One message of about a minute: each device's last sentence against the
// leader's, less the same at the first.
async function measureDrift(rig: ZoneRig) {
  const sentences = Number(values['long-sentences']);
  const long = Array.from({ length: sentences }, (_, i) => `${WORDS[i % WORDS.length]} ${i + 1} two three four.`).join(' ');
  const { from } = await play(rig, 'long', long, 0.5);
  await flush(rig, 'flush');
  const tracks = rig.devices.map((d, i) => heard(d, from[i], 0.5).map((s) => s.at));
  // The text splitter may make more sentences than written; every device must hear the same.
  const found = tracks[0].length;
  if (found < sentences || tracks.some((t) => t.length !== found)) throw new Error(`long: sentences found ${tracks.map((t) => t.length)}, written ${sentences}`);
  const last = found - 1;
  const spreadAt = (n: number) => Math.max(...tracks.map((t) => t[n])) - Math.min(...tracks.map((t) => t[n]));
  const audioSeconds = (tracks[0][last] - tracks[0][0]) / 1000;
  const drifts = tracks.map((t) => t[last] - t[0] - (tracks[0][last] - tracks[0][0]));
  return {
    sentences: found,
    audioSeconds: r1(audioSeconds),
    spreadFirstMs: r1(spreadAt(0)),
    spreadLastMs: r1(spreadAt(last)),
    driftMs: drifts.map(r1),
    driftPerMinuteMs: r1(Math.max(...drifts.map(Math.abs)) / (audioSeconds / 60)),
  };
}

// Zone emergencies: a message of five sentences cut by an emergency in its
// third or so, then resumed. Per cut, the spread across devices of the last
// sound before the emergency (the cut), of the emergency's first sample and
// of the first sample of the resumed part; and whether each device says the
// cut was in sync.
async function measureCuts(rig: ZoneRig) {
  const n = Number(values.cuts);
  const cut: number[] = [];
  const start: number[] = [];
  const resumed: number[] = [];
  let notInSync = 0;
  const text = 'Alpha one two three. Bravo four five six. Charlie seven eight nine. Delta ten eleven. Echo twelve thirteen.';
  for (let k = 0; k < n; k++) {
    const from = rig.devices.map((d) => d.capture.bytes().length);
    const [id, sos] = [`long-${k}`, `sos-${k}`];
    await rig.zoneSay({ id, text, rate: 0.7 });
    await rig.waitAll((e) => e.id === id && e.event === 'started', 30_000);
    await sleep(LEAD_MS + 1200 + 300 * k);
    await rig.zoneSay({ id: sos, text: 'Evacuate now.', priority: 'emergency', rate: 1.25 });
    const ends = await rig.terminals(id, 60_000);
    if (ends.some((e) => e.event !== 'finished')) throw new Error(`${id}: ${JSON.stringify(ends)}`);
    notInSync += rig.devices.filter((d) => /not in sync/.test(d.events.find((e) => e.id === id && e.event === 'interrupted')?.reason ?? '')).length;
    await flush(rig, `flush-cut-${k}`);
    const sosAt = rig.devices.map((d, i) => heard(d, from[i], 1.25)[0]);
    if (sosAt.some((s) => !s)) throw new Error(`${sos}: not found in every capture`);
    start.push(spreadOf(sosAt.map((s) => s.at)));
    cut.push(spreadOf(rig.devices.map((d, i) => lastSoundBefore(d, from[i], sosAt[i].offset))));
    const back = rig.devices.map((d, i) => heard(d, from[i], 0.7).find((s) => s.at > sosAt[i].at)?.at);
    if (back.some((t) => t === undefined)) throw new Error(`${id}: resumed part not found in every capture`);
    resumed.push(spreadOf(back as number[]));
  }
  const figures = (xs: number[]) => ({ p50: r1(percentile(xs, 50)), max: r1(Math.max(...xs)) });
  return { cuts: n, notInSync, cutSpreadMs: figures(cut), emergencyStartSpreadMs: figures(start), resumedSpreadMs: figures(resumed) };
}

function spreadOf(times: number[]): number {
  return Math.max(...times) - Math.min(...times);
}
