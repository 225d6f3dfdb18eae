// One engine in its own process, so the parent can read its memory alone.
// usage: node [--import tsx] run-engine.mjs <engine> <voice.onnx> <threads> <sentences.json>
// Prints one JSON line: load and per-sentence times, time to first audio of
// the 3-sentence message, seconds of audio made.
import { readFileSync } from 'node:fs';

const [engineName, voice, threads, sentencesFile] = process.argv.slice(2);
const { sentences, message, warmup } = JSON.parse(readFileSync(sentencesFile, 'utf8'));
const adapters = {
  herald: () => import('./herald.mjs'),
  sherpa: () => import('./sherpa.mjs'),
  'piper-web': () => import('./piper-web.mjs'),
};
if (!adapters[engineName]) throw new Error(`unknown engine '${engineName}' (${Object.keys(adapters).join(', ')})`);
const { open } = await adapters[engineName]();

const t0 = performance.now();
const engine = await open(voice, Number(threads));
const loadMs = performance.now() - t0;
for (const s of warmup) await engine.synthesize(s);

const perSentence = [];
for (const s of sentences) {
  const started = performance.now();
  const samples = await engine.synthesize(s);
  perSentence.push({ ms: performance.now() - started, audioS: samples / engine.sampleRate });
}
// Time to first audio: the message as a user hands it to the engine's API.
const ttfaMs = await engine.firstAudio(message);
await engine.close?.();
process.stdout.write(`${JSON.stringify({ engine: engineName, loadMs, perSentence, ttfaMs, notes: engine.notes ?? [] })}\n`);
process.exit(0);
