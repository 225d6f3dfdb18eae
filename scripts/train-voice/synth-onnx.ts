// Stand-in for `herald say` used by the evaluation while the daemon CLI cannot
// synthesise yet: Herald's phonemizer modules + onnxruntime-node, Piper I/O.
// Usage: tsx synth-onnx.ts MODEL.onnx OUT_DIR [SID] < texts (one per line)
// SID picks a speaker of a multi-speaker voice (Piper's `sid` input).
// Writes OUT_DIR/NNNN.wav and prints one JSON line per text:
// {"i", "audio_s", "infer_s"} (model audio without the 0.2 s sentence gaps;
// infer_s = onnxruntime time only).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import ort from 'onnxruntime-node';
import { EspeakHost } from '../../src/text/espeak-host.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { splitSentences } from '../../src/text/split.ts';
import { phonemizeSentence } from '../../src/text/phonemize.ts';

const [modelPath, outDir, sid] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const cfg = JSON.parse(readFileSync(modelPath + '.json', 'utf8'));
const map: Record<string, number[]> = cfg.phoneme_id_map;
const sr: number = cfg.audio.sample_rate;
const inf = cfg.inference;
const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2, interOpNumThreads: 1 });
const espeak = new EspeakHost();

function ids(phonemes: string): number[] {
  const out = [map['^'][0], map['_'][0]];
  for (const ch of phonemes) {
    const id = map[ch];
    if (id) out.push(id[0], map['_'][0]);
  }
  out.push(map['$'][0]);
  return out;
}

function wav(samples: Float32Array): Buffer {
  const b = Buffer.alloc(44 + samples.length * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples.length * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(sr, 24);
  b.writeUInt32LE(sr * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++) b.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767), 44 + i * 2);
  return b;
}

let i = 0;
const rl = createInterface({ input: process.stdin });
for await (const text of rl) {
  const chunks: Float32Array[] = [];
  let inferS = 0;
  let modelSamples = 0;
  for (const s of splitSentences(normalizeText(text, 'en-us'), 'en-us')) {
    const ph = await phonemizeSentence(espeak, 'en-us', s);
    const x = ids(ph);
    const t0 = performance.now();
    const r = await session.run({
      input: new ort.Tensor('int64', BigInt64Array.from(x.map(BigInt)), [1, x.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(x.length)]), [1]),
      scales: new ort.Tensor('float32', Float32Array.from([inf.noise_scale, inf.length_scale, inf.noise_w]), [3]),
      ...(sid === undefined ? {} : { sid: new ort.Tensor('int64', BigInt64Array.from([BigInt(sid)]), [1]) }),
    });
    inferS += (performance.now() - t0) / 1000;
    modelSamples += (r.output.data as Float32Array).length;
    chunks.push(r.output.data as Float32Array, new Float32Array(Math.round(0.2 * sr)));
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  writeFileSync(`${outDir}/${String(i).padStart(4, '0')}.wav`, wav(all));
  process.stdout.write(JSON.stringify({ i, audio_s: modelSamples / sr, infer_s: inferS }) + '\n');
  i++;
}
espeak.stop();
