// The shipped broker example (docs/examples/mosquitto/herald.conf + herald.acl)
// on a real mosquitto: only `announcer` may publish say, `herald` reads commands
// and writes telemetry, everyone else is denied, anonymous and bad passwords are
// refused, and the TLS listener is verified by clients against the CA.
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from './helpers/mosquitto.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repo, 'docs/examples/mosquitto');

function which(name: string, extra: string[] = []): string | null {
  for (const p of extra) if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const MOSQUITTO = which('mosquitto', ['/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto']);
const PUB = which('mosquitto_pub');
const SUB = which('mosquitto_sub');
const PASSWD = which('mosquitto_passwd');
const OPENSSL = which('openssl');
const missing = [
  ['mosquitto', MOSQUITTO],
  ['mosquitto_pub', PUB],
  ['mosquitto_sub', SUB],
  ['mosquitto_passwd', PASSWD],
  ['openssl', OPENSSL],
]
  .filter(([, p]) => !p)
  .map(([n]) => n);
const skip = missing.length ? `needs ${missing.join(', ')} (apt-get install mosquitto mosquitto-clients openssl)` : false;

const USERS = { herald: 'herald-pw', announcer: 'announcer-pw', monitor: 'monitor-pw', intruder: 'intruder-pw' } as const;
type User = keyof typeof USERS;

function sh(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

interface PubResult {
  code: number | null;
  stderr: string;
}

interface Subscriber {
  proc: ChildProcess;
  lines: string[];
  has(topic: string, payload: string): boolean;
  waitFor(topic: string, payload: string, timeoutMs: number): Promise<void>;
}

describe('mosquitto ACL example', { skip }, () => {
  let dir = '';
  let plainPort = 0;
  let tlsPort = 0;
  let broker: ChildProcess | null = null;
  let brokerLog = '';
  const subs: Subscriber[] = [];

  const pub = (user: User | null, topic: string, message: string, opts: { tls?: 'ca' | 'system-ca' | 'none'; password?: string } = {}): Promise<PubResult> => {
    const args = ['-V', '5', '-q', '1', '-h', '127.0.0.1', '-t', topic, '-m', message];
    if (opts.tls === 'ca') args.push('-p', String(tlsPort), '--cafile', join(dir, 'ca.crt'));
    else if (opts.tls === 'system-ca') args.push('-p', String(tlsPort), '--capath', '/etc/ssl/certs');
    else if (opts.tls === 'none') args.push('-p', String(tlsPort));
    else args.push('-p', String(plainPort));
    if (user) args.push('-u', user, '-P', opts.password ?? USERS[user]);
    return new Promise((resolve) => {
      execFile(PUB!, args, { timeout: 10_000 }, (err, _stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stderr: String(stderr) });
      });
    });
  };

  const subscribe = (user: User, topics: string[]): Subscriber => {
    const args = ['-V', '5', '-h', '127.0.0.1', '-p', String(plainPort), '-u', user, '-P', USERS[user], '-v'];
    for (const t of topics) args.push('-t', t);
    const proc = spawn(SUB!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const waiters: Array<{ line: string; resolve: () => void }> = [];
    let buf = '';
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (waiters[i]!.line === line) waiters.splice(i, 1)[0]!.resolve();
        }
      }
    });
    const s: Subscriber = {
      proc,
      lines,
      has: (topic, payload) => lines.includes(`${topic} ${payload}`),
      waitFor: (topic, payload, timeoutMs) => {
        const line = `${topic} ${payload}`;
        if (lines.includes(line)) return Promise.resolve();
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${user} did not receive "${line}"; got ${JSON.stringify(lines)}`)), timeoutMs);
          waiters.push({
            line,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
        });
      },
    };
    subs.push(s);
    return s;
  };

  // mosquitto_sub has no "subscribed" signal on a pipe: publish a probe until it arrives.
  const untilReceives = async (s: Subscriber, publisher: User, topic: string): Promise<void> => {
    for (let i = 0; i < 40; i++) {
      const payload = `probe-${i}`;
      await pub(publisher, topic, payload);
      try {
        await s.waitFor(topic, payload, 150);
        return;
      } catch {
        /* not subscribed yet */
      }
    }
    throw new Error(`subscriber never received probes on ${topic}; broker log:\n${brokerLog}`);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herald-mosquitto-'));
    [plainPort, tlsPort] = [await freePort(), await freePort()];

    // A throwaway CA and a broker certificate for localhost/127.0.0.1.
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    sh(OPENSSL!, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=herald-test-ca'], dir);
    sh(OPENSSL!, ['req', ...ec, '-keyout', 'broker.key', '-out', 'broker.csr', '-subj', '/CN=localhost'], dir);
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    sh(OPENSSL!, ['x509', '-req', '-in', 'broker.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'broker.crt', '-days', '2', '-extfile', 'ext.cnf'], dir);

    const pw = join(dir, 'herald.passwd');
    let first = true;
    for (const [user, pass] of Object.entries(USERS)) {
      sh(PASSWD!, [...(first ? ['-c'] : []), '-b', pw, user, pass], dir);
      first = false;
    }

    // The shipped conf, with its /etc paths and ports pointed at this sandbox.
    let conf = readFileSync(join(examples, 'herald.conf'), 'utf8');
    const replacements: Array<[RegExp, string]> = [
      [/^password_file .*$/m, `password_file ${pw}`],
      [/^acl_file .*$/m, `acl_file ${join(examples, 'herald.acl')}`],
      [/^cafile .*$/m, `cafile ${join(dir, 'ca.crt')}`],
      [/^certfile .*$/m, `certfile ${join(dir, 'broker.crt')}`],
      [/^keyfile .*$/m, `keyfile ${join(dir, 'broker.key')}`],
      [/^listener 8883$/m, `listener ${tlsPort} 127.0.0.1`],
      [/^listener 1883 127\.0\.0\.1$/m, `listener ${plainPort} 127.0.0.1`],
    ];
    for (const [re, value] of replacements) {
      assert.match(conf, re, `herald.conf has a line for ${re}`);
      conf = conf.replace(re, value);
    }
    // Running as root, mosquitto would switch to the mosquitto user and lose the sandbox files.
    conf += '\nuser root\nlog_dest stderr\npersistence false\n';
    writeFileSync(join(dir, 'mosquitto.conf'), conf);

    broker = spawn(MOSQUITTO!, ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`mosquitto did not start:\n${brokerLog}`)), 10_000);
      const onData = (d: Buffer): void => {
        brokerLog += d.toString();
        if (/mosquitto version \S+ running/.test(brokerLog)) {
          clearTimeout(timer);
          resolve();
        }
      };
      broker!.stdout!.on('data', onData);
      broker!.stderr!.on('data', onData);
      broker!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`mosquitto exited (${String(code)}):\n${brokerLog}`));
      });
    });
  });

  after(async () => {
    for (const s of subs) s.proc.kill('SIGTERM');
    if (broker && broker.exitCode === null) {
      const gone = new Promise<void>((resolve) => broker!.once('exit', () => resolve()));
      broker.kill('SIGTERM');
      await gone;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('enforces who may publish say, who reads it, and who writes telemetry', async () => {
    // Herald subscribes exactly as src/mqtt/topics.ts does for deviceId "kitchen", zone "upstairs".
    const herald = subscribe('herald', ['herald/kitchen/say', 'herald/kitchen/stop', 'herald/kitchen/request/+', 'herald/zone/upstairs/say']);
    const monitor = subscribe('monitor', ['herald/+/status', 'herald/+/event', 'herald/+/metrics']);
    const intruder = subscribe('intruder', ['herald/#', '#']);
    const announcerReads = subscribe('announcer', ['herald/#']);
    await untilReceives(herald, 'announcer', 'herald/kitchen/say');
    await untilReceives(monitor, 'herald', 'herald/kitchen/status');

    // Denied publishes: mosquitto answers QoS 1 with "not authorized" and drops the message.
    const denied: Array<[User, string, string]> = [
      ['intruder', 'herald/kitchen/say', 'from-intruder'],
      ['intruder', 'herald/zone/upstairs/say', 'zone-from-intruder'],
      ['monitor', 'herald/kitchen/say', 'from-monitor'],
      ['herald', 'herald/kitchen/say', 'from-herald'],
      ['announcer', 'herald/kitchen/stop', 'stop-from-announcer'],
      ['announcer', 'herald/kitchen/status', 'spoofed-status'],
      ['intruder', 'herald/kitchen/event', 'spoofed-event'],
    ];
    for (const [user, topic, msg] of denied) {
      const r = await pub(user, topic, msg);
      assert.match(r.stderr, /Not authorized/i, `${user} → ${topic} should be refused (${r.stderr})`);
    }

    // Allowed: announcer over TLS (CA-verified) and on loopback, device and zone topics.
    const allowed: Array<[User, string, string, 'ca' | undefined]> = [
      ['announcer', 'herald/kitchen/say', 'announce-tls', 'ca'],
      ['announcer', 'herald/zone/upstairs/say', 'zone-announce', undefined],
      ['herald', 'herald/kitchen/event', 'started', undefined],
      ['herald', 'herald/kitchen/metrics', 'm1', 'ca'],
      ['herald', 'herald/kitchen/status', 'online', undefined],
    ];
    for (const [user, topic, msg, tls] of allowed) {
      const r = await pub(user, topic, msg, tls ? { tls } : {});
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /Not authorized/i, `${user} → ${topic}`);
    }
    await herald.waitFor('herald/kitchen/say', 'announce-tls', 3000);
    await herald.waitFor('herald/zone/upstairs/say', 'zone-announce', 3000);
    await monitor.waitFor('herald/kitchen/event', 'started', 3000);
    await monitor.waitFor('herald/kitchen/metrics', 'm1', 3000);
    await monitor.waitFor('herald/kitchen/status', 'online', 3000);

    // The denied messages were published before these sentinels: had the broker
    // accepted them they would have been delivered already.
    for (const [, topic, msg] of denied) {
      assert.ok(!herald.has(topic, msg) && !monitor.has(topic, msg), `${topic} ${msg} must not be delivered`);
    }
    assert.equal(intruder.lines.length, 0, `a user without ACL entries reads nothing: ${JSON.stringify(intruder.lines)}`);
    assert.ok(!monitor.lines.some((l) => l.startsWith('herald/kitchen/say ')), 'monitor cannot read say');
    assert.equal(announcerReads.lines.length, 0, `announcer may only write say: ${JSON.stringify(announcerReads.lines)}`);
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    const anon = await pub(null, 'herald/kitchen/say', 'anon');
    assert.notEqual(anon.code, 0);
    assert.match(anon.stderr, /not authori[sz]ed/i);
    const bad = await pub('announcer', 'herald/kitchen/say', 'bad', { password: 'wrong' });
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /not authori[sz]ed/i);
  });

  it('TLS listener: the broker certificate is verified, plain MQTT is not accepted on it', async () => {
    const wrongCa = await pub('announcer', 'herald/kitchen/say', 'wrong-ca', { tls: 'system-ca' });
    assert.notEqual(wrongCa.code, 0, 'a CA that did not sign the broker certificate must fail');
    const plain = await pub('announcer', 'herald/kitchen/say', 'no-tls', { tls: 'none' });
    assert.notEqual(plain.code, 0, 'plain MQTT on the TLS port must fail');
  });
});
