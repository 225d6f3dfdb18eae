// Memory of a process tree as the kernel sees it (/proc), for the benchmark
// and the measurement scripts. Linux only; elsewhere every figure is null.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcMem {
  pid: number;
  command: string;
  rssKB: number;
  pssKB: number;
  anonKB: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function field(text: string | undefined, name: string): number {
  const m = text && new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

export function procMem(pid: number): ProcMem | undefined {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  if (!rollup) return undefined;
  const command = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' ');
  return { pid, command, rssKB: field(rollup, 'Rss'), pssKB: field(rollup, 'Pss'), anonKB: field(rollup, 'Anonymous') };
}

// Every descendant of `root` (children, grandchildren …), found through the
// parent pid in /proc/<pid>/stat.
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command may hold spaces and parentheses: the ppid follows the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parentOf.set(Number(name), ppid);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parentOf) if (parent === pid) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

export function treeMem(root: number): { root?: ProcMem; children: ProcMem[]; totalRssKB: number; totalPssKB: number } {
  const rootMem = procMem(root);
  const children = descendants(root).map(procMem).filter((m): m is ProcMem => !!m);
  const all = rootMem ? [rootMem, ...children] : children;
  return { root: rootMem, children, totalRssKB: all.reduce((n, m) => n + m.rssKB, 0), totalPssKB: all.reduce((n, m) => n + m.pssKB, 0) };
}

// RSS by mapping (/proc/<pid>/smaps): shared libraries by file, anonymous
// memory as one entry, largest first.
export function rssByMapping(pid: number, top = 15): Array<{ mapping: string; rssKB: number }> {
  const smaps = read(`/proc/${pid}/smaps`);
  if (!smaps) return [];
  const sums = new Map<string, number>();
  let current = '';
  for (const line of smaps.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const path = header[1].trim();
      current = path === '' ? '[anon]' : path.replace(/.*\/node_modules\//, 'node_modules/');
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) sums.set(current, (sums.get(current) ?? 0) + Number(rss[1]));
  }
  return [...sums.entries()]
    .map(([mapping, rssKB]) => ({ mapping, rssKB }))
    .sort((a, b) => b.rssKB - a.rssKB)
    .slice(0, top);
}

export const mbOf = (kB: number): number => Math.round(kB / 102.4) / 10;
