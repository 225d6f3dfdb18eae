// Starts the real daemon the way production does (node bin/herald.js run
// --embedded, or any command given after --), on an ALSA null PCM, and prints
// as JSON: the start timeline from its log lines, then 3 s after "herald
// running" the RSS of the daemon and of every process under it, the largest
// mappings of each, and (with --probe) V8's heap figures from inside each
// Node process.
//
//   npx tsx scripts/measure-daemon.ts [--runs 5] [--probe] [--maps] [-- node --flag dist/cli.js run --embedded]
import { freePort } from '../src/cli/bench.ts';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { descendants, mbOf, rssByMapping, treeMem } from '../src/system/proc-mem.ts';
import { percentile } from '../src/system/synth-stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PROBE = join(ROOT, 'scripts/measure-probe.mjs');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '1' },
    probe: { type: 'boolean' },
    maps: { type: 'boolean' },
    settle: { type: 'string', default: '3000' },
  },
});
const command = positionals.length ? positionals : ['node', 'bin/herald.js', 'run', '--embedded'];


function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function once(withMaps: boolean): Promise<Record<string, unknown>> {
  const scratch = mkdtempSync(join(tmpdir(), 'herald-measure-'));
  writeFileSync(join(scratch, 'asound.conf'), 'pcm.nullsink { type null }\npcm.!default { type plug slave.pcm "nullsink" }\n');
  const probeDir = join(scratch, 'probe');
  rmSync(probeDir, { recursive: true, force: true });
  if (values.probe) mkdirSync(probeDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ALSA_CONFIG_PATH: join(scratch, 'asound.conf'),
    HERALD_STATE_DIR: join(scratch, 'state'),
    HERALD_MQTT_EMBEDDED_PORT: String(await freePort()),
    HERALD_LOG_LEVEL: 'debug',
    HERALD_METRICS_INTERVAL_SECONDS: '3600',
  };
  if (values.probe) {
    env.HERALD_PROBE_DIR = probeDir;
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim();
  } else {
    delete env.NODE_OPTIONS;
  }
  const spawnedAt = Date.now();
  const child = spawn(command[0], command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const timeline: Array<{ ms: number; msg: string }> = [];
  let buf = '';
  let running: (() => void) | undefined;
  const isRunning = new Promise<void>((ok, fail) => {
    running = ok;
    child.once('exit', (code) => fail(new Error(`daemon exited (${code}) before "herald running"`)));
  });
  // The daemon logs JSON lines on stderr.
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
    buf += d;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        const rec = JSON.parse(line) as { time: number; msg: string };
        timeline.push({ ms: rec.time - spawnedAt, msg: rec.msg });
        if (rec.msg === 'herald running') running?.();
      } catch {
        // not a log line
      }
    }
  });
  try {
    await isRunning;
  } catch (err) {
    throw new Error(`${(err as Error).message}: ${stderr.slice(-2000)}`);
  }
  const readyMs = Date.now() - spawnedAt;
  // CPU time spent to get there (all threads, daemon and children): less
  // sensitive to other load on the machine than the wall time.
  const cpuMs = [child.pid as number, ...descendants(child.pid as number)].reduce((ms, pid) => ms + cpuMsOf(pid), 0);
  await sleep(Number(values.settle));
  const tree = treeMem(child.pid as number);
  const result: Record<string, unknown> = {
    readyMs,
    cpuMsToReady: cpuMs,
    timeline,
    daemonRssMB: mbOf(tree.root?.rssKB ?? 0),
    treeRssMB: mbOf(tree.totalRssKB),
    treePssMB: mbOf(tree.totalPssKB),
    processes: [tree.root, ...tree.children].map((p) => p && { pid: p.pid, command: p.command.slice(0, 90), rssMB: mbOf(p.rssKB), pssMB: mbOf(p.pssKB), anonMB: mbOf(p.anonKB) }),
  };
  if (withMaps) {
    result.maps = Object.fromEntries([tree.root, ...tree.children].map((p) => [p?.pid, rssByMapping(p?.pid ?? 0, 12).map((m) => `${mbOf(m.rssKB)} MB ${m.mapping}`)]));
  }
  if (values.probe) {
    for (const p of [tree.root, ...tree.children]) if (p && /node/.test(p.command)) process.kill(p.pid, 'SIGUSR2');
    await sleep(500);
    result.v8 = readdirSync(probeDir).map((f) => {
      const r = JSON.parse(readFileSync(join(probeDir, f), 'utf8'));
      const m = r.memoryUsage;
      return {
        pid: r.pid,
        script: String(r.argv[0]).replace(ROOT + '/', ''),
        jsStartedMs: r.jsStartedAt - spawnedAt,
        rssMB: mbOf(m.rss / 1024),
        heapTotalMB: mbOf(m.heapTotal / 1024),
        heapUsedMB: mbOf(m.heapUsed / 1024),
        externalMB: mbOf(m.external / 1024),
        arrayBuffersMB: mbOf(m.arrayBuffers / 1024),
        mallocedMB: mbOf(r.heap.malloced_memory / 1024),
        spacesUsedKB: r.spacesUsedKB,
      };
    });
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(scratch, { recursive: true, force: true });
  return result;
}

const runs = Number(values.runs);
const results: Array<Record<string, unknown>> = [];
for (let i = 0; i < runs; i++) results.push(await once(!!values.maps && i === 0));
const med = (k: string) => percentile(results.map((r) => r[k] as number), 50);
process.stdout.write(
  `${JSON.stringify({ command: command.join(' '), runs, median: { readyMs: med('readyMs'), cpuMsToReady: med('cpuMsToReady'), daemonRssMB: med('daemonRssMB'), treeRssMB: med('treeRssMB'), treePssMB: med('treePssMB') }, readyMs: results.map((r) => r.readyMs), first: results[0] }, null, 1)}\n`,
);
