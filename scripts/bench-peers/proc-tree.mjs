// Resident memory of a process and all its descendants, from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

export function treePids(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, 'stat');
    if (!stat) continue;
    // Field 4 (ppid) follows the command name, which may hold spaces: read after its ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const pids = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift();
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

export function treeRssKb(root) {
  let total = 0;
  for (const pid of treePids(root)) {
    const m = /VmRSS:\s+(\d+) kB/.exec(readProc(pid, 'status') ?? '');
    if (m) total += Number(m[1]);
  }
  return total;
}

// Samples the tree every `everyMs` until stop() and keeps the peak.
export function watchRss(root, everyMs = 50) {
  let peakKb = 0;
  const tick = () => {
    peakKb = Math.max(peakKb, treeRssKb(root));
  };
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peakKb;
    },
    tick,
  };
}
