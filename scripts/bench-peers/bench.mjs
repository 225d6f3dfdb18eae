// Herald side by side with the runtimes a user would pick instead, on the
// same Piper voices, one engine at a time, each in its own process.
// usage: node bench.mjs [--json] [--threads N] [--engines herald,sherpa,piper-web] [--voices bundled,medium]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { heraldBuild } from './engines/herald.mjs';
import { BUNDLED, MEDIUM, ROOT, prepare } from './prepare.mjs';
import { watchRss } from './proc-tree.mjs';
import { report } from './report.mjs';

const HERE = dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    threads: { type: 'string', default: String(Math.min(4, availableParallelism())) },
    engines: { type: 'string', default: 'herald,sherpa,piper-web' },
    voices: { type: 'string', default: 'bundled,medium' },
  },
});
const VOICES = { bundled: BUNDLED, medium: MEDIUM };
const engines = values.engines.split(',');
const voices = values.voices.split(',').map((v) => {
  if (!VOICES[v]) throw new Error(`--voices: unknown '${v}' (bundled, medium)`);
  return [v, VOICES[v]];
});
const log = (line) => process.stderr.write(`${line}\n`);
// Herald's sources need tsx until the compiled runtime exists.
const tsxArgs = heraldBuild().dir === 'src' ? ['--import', 'tsx'] : [];

// Runs a command in ROOT, watching its process tree's RSS; returns stdout and the peak.
function measured(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const rss = watchRss(child.pid);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const peakKb = rss.stop();
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}:\n${err}`));
      resolve({ out, peakKb });
    });
  });
}

async function runEngine(engine, voice) {
  const extra = engine === 'herald' ? tsxArgs : [];
  const { out, peakKb } = await measured([...extra, join(HERE, 'engines', 'run-engine.mjs'), engine, voice, values.threads, join(HERE, 'sentences.json')]);
  return { ...JSON.parse(out.trim().split('\n').pop()), peakRssMb: peakKb / 1024 };
}

// Herald's public one-shot path: its own JSON summary, its whole tree's RSS.
async function runHeraldSay(voice, message) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  try {
    const { out, peakKb } = await measured([join(ROOT, 'bin', 'herald.js'), 'say', '--out', join(dir, 'say.wav'), message], {
      HERALD_VOICES_DIR: dirname(voice),
      HERALD_VOICES_DEFAULT: basename(voice, '.onnx'),
      HERALD_STATE_DIR: dir,
      HERALD_ENGINE_PROVIDERS: '[cpu]',
    });
    return { ...JSON.parse(out.trim().split('\n').pop()), peakRssMb: peakKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

prepare();
const { message } = (await import('./sentences.json', { with: { type: 'json' } })).default;
const results = [];
for (const [voiceName, voice] of voices) {
  for (const engine of engines) {
    log(`${voiceName}: ${engine} ...`);
    try {
      results.push({ voice: voiceName, ...(await runEngine(engine, voice)) });
    } catch (err) {
      results.push({ voice: voiceName, engine, error: err.message });
      log(`  failed: ${err.message.split('\n').slice(0, 6).join('\n  ')}`);
    }
  }
  if (engines.includes('herald')) {
    log(`${voiceName}: herald say ...`);
    try {
      results.push({ voice: voiceName, engine: 'herald-say', say: await runHeraldSay(voice, message) });
    } catch (err) {
      results.push({ voice: voiceName, engine: 'herald-say', error: err.message });
      log(`  failed: ${err.message.split('\n').slice(0, 6).join('\n  ')}`);
    }
  }
}
report(results, { json: values.json, threads: Number(values.threads) });
