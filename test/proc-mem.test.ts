import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { descendants, procMem, rssByMapping, treeMem } from '../src/system/proc-mem.ts';

test('treeMem finds a real child and counts its RSS into the total', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(descendants(process.pid).includes(child.pid as number));
    const tree = treeMem(process.pid);
    const own = procMem(child.pid as number);
    assert.ok(own && own.rssKB > 1000, 'a node process holds more than 1 MB');
    assert.ok(tree.children.some((c) => c.pid === child.pid));
    assert.ok(tree.totalRssKB >= (tree.root?.rssKB ?? 0) + own.rssKB - 1024);
  } finally {
    child.kill();
    await once(child, 'exit');
  }
  assert.equal(procMem(child.pid as number), undefined, 'a process that is gone has no figures');
});

test('rssByMapping names the node binary among the mappings, largest first', () => {
  const maps = rssByMapping(process.pid, 50);
  assert.ok(maps.some((m) => m.mapping === process.execPath || m.mapping.endsWith('/node')));
  for (let i = 1; i < maps.length; i++) assert.ok(maps[i - 1].rssKB >= maps[i].rssKB);
});
