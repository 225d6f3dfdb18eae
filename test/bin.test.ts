// bin/herald.js runs the compiled dist/ with plain node: no tsx and no
// TypeScript source in the module graph of a run (tsx costs the daemon RSS),
// and a clear instruction instead of a stack trace when dist/ was never built.
// Needs dist/ (`npm test` builds it first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(repo, 'bin/herald.js');

describe('bin/herald.js', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'herald-bin-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads only compiled JavaScript: no tsx, no .ts module', () => {
    // Resolve hooks record every module the run loads, children included
    // (they inherit execArgv).
    const trace = join(dir, 'modules.txt');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(trace)}, r.url + '\\n');
  return r;
}
`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    writeFileSync(trace, '');

    const r = spawnSync(process.execPath, ['--import', register, BIN, 'phonemize'], {
      cwd: repo,
      input: 'Hello world.\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /həlˈoʊ/, 'phonemes came back from the espeak-ng child');
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    assert.ok(loaded.some((u) => u.endsWith('/dist/cli.js')), 'dist/cli.js was loaded');
    assert.deepEqual(loaded.filter((u) => /\/node_modules\/tsx\/|\.ts$/.test(u)), [], 'no tsx and no TypeScript source');
  });

  it('without dist/, says how to build instead of crashing', () => {
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin/herald.js'));
    const r = spawnSync(process.execPath, [join(dir, 'bin/herald.js'), '--version'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /dist\/cli\.js is missing/);
    assert.match(r.stderr, /npm run build/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });
});
