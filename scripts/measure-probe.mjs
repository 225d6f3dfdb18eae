// Preloaded into every Node process of a measured daemon (NODE_OPTIONS=--import):
// on SIGUSR2 it writes what V8 and Node hold to $HERALD_PROBE_DIR/<pid>.json,
// and it records when the process started running JavaScript.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';

const dir = process.env.HERALD_PROBE_DIR;
const jsStartedAt = Date.now();
if (dir) {
  process.on('SIGUSR2', () => {
    const heap = v8.getHeapStatistics();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_used_size / 1024)]));
    writeFileSync(
      join(dir, `${process.pid}.json`),
      JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), jsStartedAt, memoryUsage: process.memoryUsage(), heap, spacesUsedKB: spaces }),
    );
  });
}
