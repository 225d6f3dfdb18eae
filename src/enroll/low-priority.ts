import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

// Adaptation may take every CPU cycle for a quarter of an hour, on the
// device that must keep speaking announcements meanwhile. At nice 19 its
// threads weigh 15 against the daemon's 1024 in the scheduler (the same
// cgroup: the service's), so an announcement waits for no training step;
// in the idle I/O class it reads and writes only when nothing else does.
// Raising one's own nice value and the idle I/O class need no privilege,
// and systemd's @system-service filter allows setpriority and ioprio_set.
export const ADAPT_NICENESS = 19;

// `command args` run through nice (and ionice where installed; -t: a kernel
// whose I/O scheduler has no classes runs it anyway). Both exec the command,
// so the pid is the command's own and signals reach it directly.
export function lowPriority(command: string, args: readonly string[], path = process.env.PATH ?? ''): { command: string; args: string[] } {
  const nice = findOnPath('nice', path);
  const ionice = findOnPath('ionice', path);
  let cmd = command;
  let argv = [...args];
  if (ionice) [cmd, argv] = [ionice, ['-c', '3', '-t', cmd, ...argv]];
  if (nice) [cmd, argv] = [nice, ['-n', String(ADAPT_NICENESS), cmd, ...argv]];
  return { command: cmd, args: argv };
}

function findOnPath(name: string, path: string): string | undefined {
  for (const dir of [...path.split(delimiter).filter(Boolean), '/usr/bin', '/bin']) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
