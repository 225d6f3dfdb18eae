// A journal left by a Herald that split text at play time (records without
// `sentences`, with `source`): after the upgrade its messages are admitted
// again on replay and spoken, from the start, on the voice they get now.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';

let h: Harness | undefined;
after(() => h?.stop());

test('messages journaled by the previous version are spoken after the upgrade', async () => {
  const now = Date.now();
  const old = (id: string, text: string, expiresAt = now + 600_000) =>
    JSON.stringify({ op: 'add', job: { id, text, priority: 'normal', volume: 1, rate: 1, interrupt: false, receivedAt: now - 1000, expiresAt, resumeFrom: 0, source: 'herald/x/say' } });
  h = await startHarness({
    voices: [{ name: 'fixture' }],
    prepare: ({ dir }) => {
      mkdirSync(join(dir, 'state'));
      writeFileSync(join(dir, 'state', 'journal.jsonl'), `${[old('legacy-1', 'Left from before. Two sentences.'), old('legacy-2', '🙂')].join('\n')}\n`);
    },
  });
  const spoken = await h.terminalOf('legacy-1');
  assert.equal(spoken.event, 'finished', JSON.stringify(spoken));
  assert.equal(spoken.engine, 'piper');
  // Admitted again, it fails as a new message would, with the reason.
  const unspeakable = await h.terminalOf('legacy-2');
  assert.equal(unspeakable.event, 'failed');
  assert.match(unspeakable.reason ?? '', /no speakable text/);
  // Both are done in the journal: a restart would not replay them again.
  const journal = readFileSync(join(h.dir, 'state', 'journal.jsonl'), 'utf8');
  for (const id of ['legacy-1', 'legacy-2']) assert.match(journal, new RegExp(`"op":"done","id":"${id}"`));
});
