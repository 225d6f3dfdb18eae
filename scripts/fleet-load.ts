// A fleet on one machine against one mosquitto (docs/fleet.md): one pool
// member and N speaker daemons in one zone that use it, started as
// production starts them, each with the bundled voice for its fallback. A
// burst of zone announcements; then: every device finished every one (nothing
// lost), which source spoke, time to first audio across the fleet, the MQTT
// messages and bytes the broker carried, and the RSS of each daemon (/proc).
//
//   npm run build && npx tsx scripts/fleet-load.ts [--daemons 24] [--announcements 5] [--no-pool]
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { treeMem } from '../src/system/proc-mem.ts';
import { median, sleep, startBroker, startDaemon, stopAll, Watcher, type Daemon } from './lib/fleet.ts';

const { values } = parseArgs({
  options: {
    daemons: { type: 'string', default: '24' },
    announcements: { type: 'string', default: '5' },
    voices: { type: 'string', default: 'models' },
    'no-pool': { type: 'boolean' },
  },
});
const n = Number(values.daemons);
const k = Number(values.announcements);
const usePool = !values['no-pool'];
const POOL = 'fleet';

const memAvailableMB = () => Math.round(Number(/MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1024);
const availableBefore = memAvailableMB();
const dir = mkdtempSync(join(tmpdir(), 'herald-fleet-'));
const broker = await startBroker(dir);
const base = { mqtt: { url: broker.url }, voices: { dir: resolve(values.voices) }, engine: { providers: ['cpu'], intraOpThreads: 1 } };
const daemons: Daemon[] = [];
try {
  const watcher = await Watcher.connect(broker.url);
  const startedAt = Date.now();
  if (usePool) daemons.push(startDaemon(dir, 'member', { ...base, pool: { serve: [POOL] } }));
  // A few at a time: n cold starts at once on two cores would only queue.
  for (let i = 0; i < n; i++) {
    daemons.push(startDaemon(dir, `speaker-${String(i).padStart(3, '0')}`, { ...base, zones: ['floor'], ...(usePool ? { pool: { use: POOL } } : {}) }));
    while (daemons.length - watcher.online.size > 4) await sleep(100);
  }
  await watcher.until('fleet online', () => daemons.every((d) => watcher.online.has(d.id)), 600_000);
  const startSeconds = (Date.now() - startedAt) / 1000;
  await sleep(2000);
  const speakers = daemons.filter((d) => d.id.startsWith('speaker'));

  // Everything under herald/ the broker carries during the burst.
  const tap = mqtt.connect(broker.url, { protocolVersion: 5 });
  await new Promise<void>((r) => tap.once('connect', () => r()));
  await tap.subscribeAsync('herald/#', { qos: 0 });
  const carried = { messages: 0, bytes: 0, requests: 0, chunks: 0, chunkBytes: 0 };
  tap.on('message', (topic, payload) => {
    carried.messages++;
    carried.bytes += payload.length;
    if (topic.endsWith('/synthesize')) carried.requests++;
    if (topic.includes('/reply/')) {
      carried.chunks++;
      carried.chunkBytes += payload.length;
    }
  });

  const ids = Array.from({ length: k }, (_, i) => `burst-${i}`);
  const burstAt = Date.now();
  for (const [i, id] of ids.entries()) {
    const text = `Announcement ${i + 1} for the whole floor. Please listen carefully, then carry on.`;
    watcher.client.publish('herald/zone/floor/say', JSON.stringify({ id, text }), { qos: 1 });
  }
  const ends = () => speakers.flatMap((d) => ids.map((id) => watcher.terminal(d.id, id)));
  await watcher.until('every speaker ended every announcement', () => ends().every(Boolean), 600_000);
  const burstSeconds = (Date.now() - burstAt) / 1000;
  const terminal = ends();
  const lost = terminal.filter((e) => e!.event !== 'finished');
  const sources = new Map<string, number>();
  for (const e of terminal) for (const run of e!.sources ?? [{ source: 'local', sentences: 2 }]) sources.set(run.source.startsWith('pool') ? 'pool' : run.source, (sources.get(run.source.startsWith('pool') ? 'pool' : run.source) ?? 0) + run.sentences);
  const ttfa = watcher.events.filter((e) => e.event === 'started' && ids.includes(e.id) && e.ttfaMs !== undefined).map((e) => e.ttfaMs!);
  const firstOf = watcher.events.filter((e) => e.event === 'started' && e.id === ids[0]).map((e) => e.ttfaMs!);
  const rss = daemons.map((d) => ({ id: d.id, ...treeMem(d.child.pid!) }));
  const speakerRss = rss.filter((r) => r.id.startsWith('speaker')).map((r) => r.totalRssKB / 1024);
  const main = rss.filter((r) => r.id.startsWith('speaker')).map((r) => (r.root?.rssKB ?? 0) / 1024);
  // Proportional: shared libraries counted once across the fleet, which is what the machine pays.
  const speakerPss = rss.filter((r) => r.id.startsWith('speaker')).map((r) => r.totalPssKB / 1024);
  const deliveries = n * k;
  const result = {
    daemons: n,
    poolMember: usePool,
    startSeconds,
    announcements: k,
    deliveries,
    finished: terminal.length - lost.length,
    lost: lost.map((e) => ({ id: e!.id, event: e!.event, reason: e!.reason })),
    sentencesBySource: Object.fromEntries(sources),
    burstSeconds,
    announcementsPerSecond: Math.round((deliveries / burstSeconds) * 10) / 10,
    ttfaMs: { median: median(ttfa), p95: [...ttfa].sort((a, b) => a - b)[Math.floor(ttfa.length * 0.95)], firstAnnouncementMedian: median(firstOf) },
    broker: {
      messages: carried.messages,
      messagesPerSecond: Math.round(carried.messages / burstSeconds),
      mbPerSecond: Math.round((carried.bytes / burstSeconds / 1e6) * 10) / 10,
      perAnnouncementPerDevice: { messages: Math.round((carried.messages / deliveries) * 10) / 10, requests: Math.round((carried.requests / deliveries) * 100) / 100, chunks: Math.round((carried.chunks / deliveries) * 10) / 10, kB: Math.round(carried.bytes / deliveries / 1024) },
    },
    rssMB: {
      speakerTreeMedian: Math.round(median(speakerRss)),
      speakerTreeMax: Math.round(Math.max(...speakerRss)),
      speakerMainMedian: Math.round(median(main)),
      speakerTreePssMedian: Math.round(median(speakerPss)),
      // What memory alone would allow: the machine's available memory before the run over one speaker's PSS.
      speakersMemoryHolds: Math.floor(availableBefore / median(speakerPss)),
      member: usePool ? Math.round(rss[0].totalRssKB / 1024) : undefined,
      allDaemons: Math.round(rss.reduce((s, r) => s + r.totalRssKB, 0) / 1024),
      memAvailableBefore: availableBefore,
      memAvailableNow: memAvailableMB(),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  tap.end(true);
  watcher.client.end(true);
} finally {
  await stopAll(daemons, broker);
  rmSync(dir, { recursive: true, force: true });
}
