import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { AlsaSink } from '../audio/alsa-sink.ts';
import { ConfigError, loadConfig } from '../config/load.ts';
import type { HeraldConfig } from '../config/schema.ts';
import { PiperEngine } from '../engines/piper.ts';
import { planForVoice, providerContext, voiceFacts } from '../engines/provider-plan.ts';
import { readJetsonMetrics } from '../system/jetson-metrics.ts';
import { mqttOptions } from '../mqtt/client.ts';
import { EspeakHost } from '../text/espeak-host.ts';
import { phonemizeSentence } from '../text/phonemize.ts';
import { discoverVoices } from '../voices/discover.ts';

type Verdict = 'ok' | 'warn' | 'FAIL';
interface Check {
  what: string;
  verdict: Verdict;
  detail: string;
}

// Each check says what it found; the exit code is non-zero when any failed.
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, json: { type: 'boolean' } } });
  const checks: Check[] = [];
  let config: HeraldConfig;
  try {
    const loaded = loadConfig(values.config);
    config = loaded.config;
    checks.push({ what: 'config', verdict: 'ok', detail: loaded.source });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    checks.push({ what: 'config', verdict: 'FAIL', detail: err.message });
    return report(checks, values.json);
  }
  checks.push(await checkBroker(config));
  checks.push(await checkAudio(config));
  const espeak = new EspeakHost();
  try {
    checks.push(await checkEspeak(espeak));
    const context = await providerContext(config);
    for (const p of config.engine.providers) {
      const ok = context.capability.providers.includes(p);
      checks.push({ what: `onnxruntime ${p}`, verdict: ok ? 'ok' : context.capability.providers.length ? 'warn' : 'FAIL', detail: ok ? 'available' : 'unavailable in the installed binding' });
    }
    checks.push({ what: 'provider options', verdict: context.capability.honoursOptions ? 'ok' : 'warn', detail: `${context.capability.honoursOptions ? 'passed to onnxruntime' : 'not passed (stock binding: FP16, engine cache and profiles off; see docs/jetson.md)'}; from ${context.capabilitySource}; ORT ${context.runtime.ortVersion}, GPU ${context.runtime.gpu.name}` });
    const j = await readJetsonMetrics();
    if (j) checks.push({ what: 'jetson', verdict: 'ok', detail: JSON.stringify({ board: j.board.model, powerMode: j.powerMode, gpu: j.gpu, emc: j.emc }) });
    const { voices, problems } = discoverVoices(config.voices.dir);
    if (!voices.length && !problems.length) checks.push({ what: 'voices', verdict: 'warn', detail: `none in ${config.voices.dir}; espeak-ng will speak` });
    for (const p of problems) {
      // No voices directory at all is a bare install: espeak-ng speaks.
      const bare = p.name === '*' && /ENOENT/.test(p.reason);
      checks.push({ what: bare ? 'voices' : `voice ${p.name}`, verdict: bare ? 'warn' : 'FAIL', detail: bare ? `${config.voices.dir} does not exist; espeak-ng will speak` : p.reason });
    }
    for (const info of voices) {
      try {
        const plan = planForVoice(context, voiceFacts(info, config.engine.maxPhonemes));
        const engine = await PiperEngine.load(info, plan, espeak);
        const audio = await engine.synthesize('Test.', { rate: 1 });
        const precision = `${engine.precision.fp16 ? 'FP16' : 'FP32'} (${engine.precision.reason})`;
        const cache = plan.cache ? `, engine cache ${plan.cache.engineDir}` : '';
        checks.push({ what: `voice ${info.name}`, verdict: 'ok', detail: `${engine.provider}, ${precision}, ${info.language}, ${info.sampleRate} Hz, ${(audio.samples.length / info.sampleRate).toFixed(2)} s for "Test."${cache}` });
        await engine.close();
      } catch (err) {
        checks.push({ what: `voice ${info.name}`, verdict: 'FAIL', detail: (err as Error).message });
      }
    }
  } finally {
    espeak.stop();
  }
  return report(checks, values.json);
}

function report(checks: Check[], json?: boolean): number {
  const failed = checks.some((c) => c.verdict === 'FAIL');
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: !failed, checks })}\n`);
  } else {
    const width = Math.max(...checks.map((c) => c.what.length));
    for (const c of checks) process.stdout.write(`${c.verdict.padEnd(4)}  ${c.what.padEnd(width)}  ${c.detail}\n`);
    process.stdout.write(failed ? '\nSomething is wrong: see the FAIL lines.\n' : '\nAll checks passed.\n');
  }
  return failed ? 1 : 0;
}

async function checkBroker(config: HeraldConfig): Promise<Check> {
  if (config.mqtt.embedded) return { what: 'mqtt broker', verdict: 'ok', detail: `embedded, will listen on 127.0.0.1:${config.mqtt.embeddedPort}` };
  let options;
  try {
    options = { ...mqttOptions(config, { topic: 'herald/doctor', payload: '' }), reconnectPeriod: 0, connectTimeout: 4000, clientId: `herald-doctor-${process.pid}` };
  } catch (err) {
    return { what: 'mqtt broker', verdict: 'FAIL', detail: (err as Error).message };
  }
  return new Promise((resolve) => {
    const client = mqtt.connect(config.mqtt.url, options);
    const done = (check: Check) => {
      client.end(true);
      resolve(check);
    };
    client.once('connect', () => done({ what: 'mqtt broker', verdict: 'ok', detail: `${config.mqtt.url} reachable` }));
    client.once('error', (err) => done({ what: 'mqtt broker', verdict: 'FAIL', detail: `${config.mqtt.url}: ${err.message}` }));
    client.once('close', () => done({ what: 'mqtt broker', verdict: 'FAIL', detail: `${config.mqtt.url}: connection closed (unreachable or refused)` }));
  });
}

async function checkAudio(config: HeraldConfig): Promise<Check> {
  const sink = new AlsaSink({ device: config.audio.device, sampleRate: config.audio.sampleRate, retrySeconds: 3600 });
  sink.start();
  await Promise.race([sink.waitReady(), new Promise((r) => setTimeout(r, 5000))]);
  const check: Check = sink.ok
    ? { what: 'alsa device', verdict: 'ok', detail: `${config.audio.device} opened at ${config.audio.sampleRate} Hz` }
    : { what: 'alsa device', verdict: 'FAIL', detail: `${config.audio.device}: ${sink.lastError ?? 'did not open within 5 s'}` };
  await sink.close();
  return check;
}

async function checkEspeak(espeak: EspeakHost): Promise<Check> {
  try {
    const started = performance.now();
    const phonemes = await phonemizeSentence(espeak, 'en-us', 'Hello, world.');
    const ms = performance.now() - started;
    return { what: 'espeak-ng', verdict: phonemes ? 'ok' : 'FAIL', detail: `WASM build, "Hello, world." → ${phonemes} (${ms.toFixed(0)} ms incl. start)` };
  } catch (err) {
    return { what: 'espeak-ng', verdict: 'FAIL', detail: (err as Error).message };
  }
}
