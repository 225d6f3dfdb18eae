// The daemon's node flags and environment are stated once (daemon-node.ts);
// the systemd unit and `npm start` must carry the same, or the service would
// run with more memory than `herald bench` reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DAEMON_ENV, DAEMON_NODE_ARGS } from '../src/system/daemon-node.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

test('the systemd unit starts node as daemon-node.ts says', () => {
  const unit = read('systemd/herald.service');
  const exec = /^ExecStart=(\S+) (.*) \/opt\/herald\/bin\/herald\.js run /m.exec(unit);
  assert.ok(exec, 'ExecStart runs bin/herald.js run');
  assert.deepEqual(exec[2].split(' '), [...DAEMON_NODE_ARGS]);
  for (const [key, value] of Object.entries(DAEMON_ENV)) assert.match(unit, new RegExp(`^Environment=${key}=${value}$`, 'm'));
});

test('npm start runs the daemon the same way', () => {
  const start: string = JSON.parse(read('package.json')).scripts.start;
  const env = Object.entries(DAEMON_ENV).map(([k, v]) => `${k}=${v}`).join(' ');
  assert.equal(start, `${env} node ${DAEMON_NODE_ARGS.join(' ')} bin/herald.js run --embedded`);
});
