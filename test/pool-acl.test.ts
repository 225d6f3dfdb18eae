// The synthesis pool's lines of the shipped ACL (docs/examples/mosquitto/
// herald.acl, per-device users) on a real mosquitto: a member reads the pool's
// requests (through $share) and those addressed to it and answers any device;
// a device reads only its own answers, cannot answer, cannot pose as a member,
// and a device that joins the share group gets no request text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import { startMosquitto, type Mosquitto } from './helpers/mosquitto.ts';

const ACL = fileURLToPath(new URL('../docs/examples/mosquitto/herald.acl', import.meta.url));
const PASSWD = ['/usr/bin/mosquitto_passwd', '/usr/local/bin/mosquitto_passwd'].find(existsSync);
const USERS = ['orin-01', 'pi-1', 'pi-2'] as const;
type User = (typeof USERS)[number];

// The per-device pool block of the shipped file, uncommented.
function poolAcl(): string {
  const text = readFileSync(ACL, 'utf8');
  const block = text.slice(text.indexOf('# The synthesis pool with per-device users.'));
  const lines = block.split('\n').filter((l) => /^#(pattern|user|topic) /.test(l));
  assert.ok(lines.length >= 9, `pool block of herald.acl not found or too short:\n${block}`);
  return `${lines.map((l) => l.slice(1)).join('\n')}\n`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pool ACL (per-device users)', { timeout: 30_000, skip: PASSWD ? false : 'needs mosquitto_passwd (apt-get install mosquitto)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-pool-acl-'));
  let broker: Mosquitto;
  const clients = new Map<User, MqttClient>();
  const got = new Map<User, string[]>();

  before(async () => {
    writeFileSync(join(dir, 'acl'), poolAcl());
    const passwd = join(dir, 'passwd');
    for (const [i, user] of USERS.entries()) {
      const r = spawnSync(PASSWD!, [...(i ? [] : ['-c']), '-b', passwd, user, `${user}-pw`], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    broker = await startMosquitto({ extra: ['allow_anonymous false', `password_file ${passwd}`, `acl_file ${join(dir, 'acl')}`] });
    for (const user of USERS) {
      // The pool's own connection: the device's user, clientId herald-<id>-pool.
      const client = mqtt.connect(broker.url, { protocolVersion: 5, username: user, password: `${user}-pw`, clientId: `herald-${user}-pool`, reconnectPeriod: 0 });
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
      got.set(user, []);
      client.on('message', (topic, payload) => got.get(user)!.push(`${topic} ${payload}`));
      clients.set(user, client);
    }
    await clients.get('orin-01')!.subscribeAsync(['$share/tts/herald/pool/tts/synthesize', 'herald/pool/tts/member/orin-01/synthesize'], { qos: 1 });
    // pi-2 tries to join the share group and to read every reply and presence.
    await clients.get('pi-2')!.subscribeAsync(['$share/tts/herald/pool/tts/synthesize', 'herald/pool/tts/reply/+', 'herald/pool/tts/member/+'], { qos: 1 });
    await clients.get('pi-1')!.subscribeAsync(['herald/pool/tts/reply/pi-1', 'herald/pool/tts/member/+'], { qos: 1 });
  });

  after(async () => {
    for (const c of clients.values()) c.end(true);
    await broker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const publish = (user: User, topic: string, payload: string, retain = false, qos: 0 | 1 = 1) => clients.get(user)!.publishAsync(topic, payload, { qos, retain });

  test('requests reach the member only, answers their device only, presence only from the member', async () => {
    for (let i = 0; i < 6; i++) await publish('pi-1', 'herald/pool/tts/synthesize', `req-${i}`);
    await publish('pi-1', 'herald/pool/tts/member/orin-01/synthesize', 'retry-1');
    await publish('orin-01', 'herald/pool/tts/reply/pi-1', 'audio-for-pi-1');
    await publish('orin-01', 'herald/pool/tts/member/orin-01', 'online', true);
    // Denied writes, seen by what arrives: a device answering, or posing as a member.
    await publish('pi-2', 'herald/pool/tts/reply/pi-1', 'spoofed-audio', false, 0);
    await publish('pi-2', 'herald/pool/tts/member/orin-01', 'offline', true, 0);
    await sleep(500);
    const member = got.get('orin-01')!;
    assert.ok(member.includes('herald/pool/tts/member/orin-01/synthesize retry-1'), JSON.stringify(member));
    assert.deepEqual(got.get('pi-2'), ['herald/pool/tts/member/orin-01 online'], 'pi-2 read presence only: no request text, no other device\'s answer');
    assert.deepEqual(got.get('pi-1'), ['herald/pool/tts/reply/pi-1 audio-for-pi-1', 'herald/pool/tts/member/orin-01 online']);
    // mosquitto picks share members in turn and drops what a member may not read:
    // a request given to the intruder is lost, which the requester's retry by name covers.
    const requests = member.filter((m) => m.startsWith('herald/pool/tts/synthesize '));
    console.log(`the member received ${requests.length} of 6 shared requests with an unauthorised device in the share group`);
    assert.ok(requests.length >= 3, JSON.stringify(member));
  });
});
