// With the defaults Herald listens on no port: Wyoming is off, and when
// turned on it binds to loopback unless the operator names another address.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configSchema } from '../src/config/schema.ts';
import { parseTcpUri } from '../src/wyoming/server.ts';
import { startHarness, type Harness } from './helpers/daemon-harness.ts';

describe('wyoming config', () => {
  test('off by default, loopback port 10200 when turned on; a URI that is not tcp://HOST:PORT is refused', () => {
    assert.deepEqual(configSchema.parse({}).wyoming, { enabled: false, uri: 'tcp://127.0.0.1:10200' });
    assert.deepEqual(parseTcpUri('tcp://0.0.0.0:10200'), { host: '0.0.0.0', port: 10200 });
    assert.deepEqual(parseTcpUri('tcp://[::1]:10300'), { host: '::1', port: 10300 });
    for (const uri of ['http://127.0.0.1:10200', 'tcp://127.0.0.1', 'tcp://:10200', 'unix:///run/herald.sock', 'tcp://h:1/path']) {
      assert.equal(configSchema.safeParse({ wyoming: { uri } }).success, false, uri);
    }
  });
});

describe('a daemon with default config', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ voices: [{ name: 'fixture' }] });
  });
  after(async () => {
    await h?.stop();
  });

  test('has no Wyoming server and no listening socket in the process', () => {
    assert.equal(h.daemon.wyoming, undefined);
    assert.ok(!process.getActiveResourcesInfo().includes('TCPServerWrap'), process.getActiveResourcesInfo().join(', '));
  });
});
