// scripts/install.sh and scripts/uninstall.sh into a scratch root filesystem
// (--root DIR --no-systemd --skip-npm, which copies the checkout's dist/: `npm test`
// builds it first): layout, owners, modes, idempotence, and
// what uninstall keeps and purges. Needs root (useradd --root chroots); skipped otherwise.
// Also keeps systemd/herald.service at a systemd-analyze exposure of 3.0 or lower.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasTools = ['useradd', 'groupadd', 'usermod', 'userdel'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
const skipReason = !isRoot ? 'needs root (useradd --root)' : !hasTools ? 'needs useradd/groupadd (passwd package)' : false;

function run(script: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync('bash', [join(repo, 'scripts', script), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function mode(path: string): string {
  return (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');
}

function makeRootfs(): string {
  const root = mkdtempSync(join(tmpdir(), 'herald-rootfs-'));
  mkdirSync(join(root, 'etc'));
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  writeFileSync(join(root, 'etc/group'), 'root:x:0:\naudio:x:29:\nvideo:x:44:\n');
  writeFileSync(join(root, 'etc/shadow'), 'root:*:19000:0:99999:7:::\n', { mode: 0o640 });
  writeFileSync(join(root, 'etc/gshadow'), 'root:*::\naudio:*::\nvideo:*::\n', { mode: 0o640 });
  return root;
}

function account(root: string, file: 'passwd' | 'group', name: string): string[] | undefined {
  const line = readFileSync(join(root, 'etc', file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  return line?.split(':');
}

describe('install.sh / uninstall.sh in a scratch root', { skip: skipReason }, () => {
  let root: string;
  let example: string;

  before(() => {
    root = makeRootfs();
    example = join(root, '..', `${root.split('/').pop()}-example.yaml`);
    writeFileSync(example, 'deviceId: test-box\nmqtt:\n  url: mqtt://127.0.0.1:1883\n');
  });
  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    if (example) rmSync(example, { force: true });
  });

  it('installs the layout with the right owners and modes, and is idempotent', () => {
    const args = ['--root', root, '--no-systemd', '--skip-npm', '--config-example', example];
    const first = run('install.sh', args);
    assert.equal(first.code, 0, first.out);

    const user = account(root, 'passwd', 'herald');
    assert.ok(user, 'herald user created in the target root');
    assert.equal(user[5], '/var/lib/herald');
    assert.match(user[6] ?? '', /nologin|false/);
    const group = account(root, 'group', 'herald');
    assert.ok(group);
    const gid = Number(group[2]);
    assert.equal(Number(user[3]), gid, 'primary group herald');
    assert.ok((account(root, 'group', 'audio')?.[3] ?? '').split(',').includes('herald'), 'herald is in audio');
    assert.ok((account(root, 'group', 'video')?.[3] ?? '').split(',').includes('herald'), 'herald is in video');

    const app = join(root, 'opt/herald');
    const installed = [
      'package.json',
      'package-lock.json',
      'bin/herald.js',
      'dist/cli.js',
      'dist/daemon.js',
      // npm ci on the device builds speaker from here (the arm64 mpg123 config).
      'vendor/speaker/deps/mpg123/config/linux/arm64/config.h',
      'systemd/herald.service',
      'scripts/uninstall.sh',
      '.herald-install',
    ];
    for (const p of installed) assert.ok(existsSync(join(app, p)), `${p} installed`);
    // The service runs the compiled dist/: no sources, compiler settings or native build leftovers.
    for (const p of ['.git', 'node_modules', 'test', 'src', 'tsconfig.json', 'tsconfig.build.json', 'vendor/speaker/build']) {
      assert.ok(!existsSync(join(app, p)), `${p} not installed`);
    }
    assert.equal(statSync(app).uid, 0);
    assert.equal(mode(app), '0755');
    assert.equal(mode(join(app, 'package.json')), '0644');
    assert.deepEqual(readdirSync(join(root, 'opt')), ['herald'], 'no staging or .old directory left');

    const etc = join(root, 'etc/herald');
    assert.equal(mode(etc), '0750');
    assert.equal(statSync(etc).uid, 0);
    assert.equal(statSync(etc).gid, gid);
    const cfg = join(etc, 'config.yaml');
    assert.equal(readFileSync(cfg, 'utf8'), readFileSync(example, 'utf8'));
    assert.equal(mode(cfg), '0640');
    assert.equal(statSync(cfg).gid, gid);
    const pw = join(etc, 'mqtt-password');
    assert.equal(mode(pw), '0640');
    assert.equal(statSync(pw).uid, 0);
    assert.equal(statSync(pw).gid, gid);

    const unitPath = join(root, 'etc/systemd/system/herald.service');
    assert.equal(mode(unitPath), '0644');
    const unit = readFileSync(unitPath, 'utf8');
    assert.match(unit, /^ExecStart=\/usr\/bin\/node --max-semi-space-size=2 \/opt\/herald\/bin\/herald\.js run --config \/etc\/herald\/config\.yaml$/m);
    assert.match(unit, /^Type=notify$/m);

    // Second run: the config and the secret are kept, loosened secret modes are fixed.
    writeFileSync(cfg, 'deviceId: edited\n');
    writeFileSync(pw, 's3cret\n');
    chmodSync(pw, 0o644);
    const second = run('install.sh', args);
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /keeping existing/);
    assert.equal(readFileSync(cfg, 'utf8'), 'deviceId: edited\n');
    assert.equal(readFileSync(pw, 'utf8'), 's3cret\n');
    assert.equal(mode(pw), '0640');
    assert.equal(readFileSync(join(root, 'etc/passwd'), 'utf8').match(/^herald:/gm)?.length, 1, 'one herald user');
  });

  it('rewrites the unit for another --prefix and --node', () => {
    const other = makeRootfs();
    try {
      const r = run('install.sh', ['--root', other, '--no-systemd', '--skip-npm', '--prefix', '/srv/herald', '--node', '/usr/local/bin/node']);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /wrote \S+\/etc\/herald\/config\.yaml from \S+docs\/examples\/config\.yaml/);
      const unit = readFileSync(join(other, 'etc/systemd/system/herald.service'), 'utf8');
      assert.match(unit, /^ExecStart=\/usr\/local\/bin\/node --max-semi-space-size=2 \/srv\/herald\/bin\/herald\.js run /m);
      assert.match(unit, /^WorkingDirectory=\/srv\/herald$/m);
      assert.ok(!unit.includes('/opt/herald'));
      assert.ok(existsSync(join(other, 'srv/herald/.herald-install')));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('with --skip-npm, refuses a source without a build and says how to make one', () => {
    const bare = mkdtempSync(join(tmpdir(), 'herald-src-'));
    const other = makeRootfs();
    try {
      mkdirSync(join(bare, 'systemd'));
      writeFileSync(join(bare, 'package.json'), '{"name":"herald","version":"0.0.0"}\n');
      writeFileSync(join(bare, 'systemd/herald.service'), readFileSync(join(repo, 'systemd/herald.service')));
      const r = run('install.sh', ['--root', other, '--no-systemd', '--skip-npm', '--source', bare]);
      assert.notEqual(r.code, 0);
      assert.match(r.out, /no \S+\/dist\/cli\.js: build it first \(npm run build\)/);
      assert.ok(!existsSync(join(other, 'opt/herald')), 'nothing installed');
    } finally {
      rmSync(bare, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses to replace or delete a prefix it did not install', () => {
    const foreign = join(root, 'opt/not-herald');
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'important'), 'x');
    const inst = run('install.sh', ['--root', root, '--no-systemd', '--skip-npm', '--prefix', '/opt/not-herald']);
    assert.notEqual(inst.code, 0);
    assert.match(inst.out, /not a Herald install/);
    const un = run('uninstall.sh', ['--root', root, '--no-systemd', '--prefix', '/opt/not-herald']);
    assert.notEqual(un.code, 0);
    assert.ok(existsSync(join(foreign, 'important')), 'foreign files untouched');
    assert.deepEqual(readdirSync(join(root, 'opt')).sort(), ['herald', 'not-herald'], 'no staging dir left');
    rmSync(foreign, { recursive: true, force: true });
  });

  it('uninstall keeps config and state; --purge removes them and the account', () => {
    mkdirSync(join(root, 'var/lib/herald'), { recursive: true });
    writeFileSync(join(root, 'var/lib/herald/queue.json'), '[]');
    mkdirSync(join(root, 'var/cache/herald/trt'), { recursive: true });

    const un = run('uninstall.sh', ['--root', root, '--no-systemd']);
    assert.equal(un.code, 0, un.out);
    assert.ok(!existsSync(join(root, 'opt/herald')), 'application removed');
    assert.ok(!existsSync(join(root, 'etc/systemd/system/herald.service')), 'unit removed');
    assert.ok(existsSync(join(root, 'etc/herald/config.yaml')), 'config kept');
    assert.ok(existsSync(join(root, 'etc/herald/mqtt-password')), 'secret kept');
    assert.ok(existsSync(join(root, 'var/lib/herald/queue.json')), 'state kept');
    assert.ok(existsSync(join(root, 'var/cache/herald/trt')), 'engine cache kept');
    assert.ok(account(root, 'passwd', 'herald'), 'user kept');

    const again = run('uninstall.sh', ['--root', root, '--no-systemd']);
    assert.equal(again.code, 0, again.out);

    const purge = run('uninstall.sh', ['--root', root, '--no-systemd', '--purge']);
    assert.equal(purge.code, 0, purge.out);
    for (const p of ['etc/herald', 'var/lib/herald', 'var/cache/herald']) assert.ok(!existsSync(join(root, p)), `${p} purged`);
    assert.equal(account(root, 'passwd', 'herald'), undefined, 'user removed');
    assert.equal(account(root, 'group', 'herald'), undefined, 'group removed');
    assert.ok(!(account(root, 'group', 'audio')?.[3] ?? '').includes('herald'));
  });
});

describe('systemd/herald.service hardening', () => {
  const analyze = spawnSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' });
  it('has a systemd-analyze security exposure of 3.0 or lower', { skip: analyze.status === 0 ? false : 'systemd-analyze not installed' }, () => {
    const r = spawnSync('systemd-analyze', ['security', '--offline=yes', join(repo, 'systemd/herald.service')], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    const text = `${r.stdout}${r.stderr}`;
    const m = /Overall exposure level for herald\.service:\s*([\d.]+)/.exec(text);
    assert.ok(m, text);
    assert.ok(Number(m[1]) <= 3.0, `exposure ${m[1]} > 3.0\n${text}`);
    const unit = readFileSync(join(repo, 'systemd/herald.service'), 'utf8');
    assert.doesNotMatch(unit, /^MemoryDenyWriteExecute=(yes|true|1)/m, "V8's JIT needs writable+executable memory");
    assert.match(unit, /^NotifyAccess=main$/m, 'the daemon sends its own notifications');
  });
});
