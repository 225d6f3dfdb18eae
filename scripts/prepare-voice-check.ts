/**
 * Numerical checks for scripts/prepare-voice, run through onnxruntime-node
 * (the onnxruntime Python package is not assumed to exist).
 *
 *   node --import tsx scripts/prepare-voice-check.ts REQUEST.json   (prints JSON)
 *   npx tsx scripts/prepare-voice-check.ts REQUEST.json
 *
 * Requests:
 *   { "mode": "snr", "reference": "a.onnx", "candidate": "b.onnx", "provider": "cpu",
 *     "sequences": [[1,0,5,0,2]], "scales": [0,1,0], "sid": null }
 *     -> { "runs": [{ phonemes, samples, snrDb|null, lengthMismatch, nonFinite, ... }],
 *          "minSnrDb": number|null }        (null = outputs bit-identical)
 *   { "mode": "ranges", "model": "probe.onnx", "provider": "cpu", "sequences": [...],
 *     "scales": [...], "sid": null }
 *     -> { "maxAbs": { outputName: number|null } }   (max over sequences of each scalar output)
 *
 * Inputs follow the Piper contract: input int64 [1,N], input_lengths int64 [1],
 * scales float32 [3], and sid int64 [1] when the model has it.
 */
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';

type Provider = 'cpu' | 'cuda' | 'tensorrt';

interface BaseRequest {
  provider?: Provider;
  sequences: number[][];
  scales: [number, number, number];
  sid?: number | null;
}
interface SnrRequest extends BaseRequest {
  mode: 'snr';
  reference: string;
  candidate: string;
}
interface RangesRequest extends BaseRequest {
  mode: 'ranges';
  model: string;
}
type Request = SnrRequest | RangesRequest;

export interface SnrRun {
  phonemes: number;
  samples: number;
  candidateSamples: number;
  /** null when the outputs are identical (infinite SNR). */
  snrDb: number | null;
  lengthMismatch: boolean;
  nonFinite: boolean;
  maxAbsReference: number;
  maxAbsCandidate: number;
}

/** SNR in dB of `test` against `ref` over their common length; null if identical. */
export function snrDb(ref: ArrayLike<number>, test: ArrayLike<number>): number | null {
  const n = Math.min(ref.length, test.length);
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < n; i++) {
    const r = ref[i] as number;
    const d = r - (test[i] as number);
    signal += r * r;
    noise += d * d;
  }
  if (noise === 0) return null;
  if (signal === 0) return -Infinity;
  return 10 * Math.log10(signal / noise);
}

function feeds(session: ort.InferenceSession, ids: number[], scales: number[], sid: number | null | undefined): Record<string, ort.Tensor> {
  const f: Record<string, ort.Tensor> = {};
  for (const name of session.inputNames) {
    switch (name) {
      case 'input':
        f[name] = new ort.Tensor('int64', BigInt64Array.from(ids.map((x) => BigInt(x))), [1, ids.length]);
        break;
      case 'input_lengths':
        f[name] = new ort.Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]);
        break;
      case 'scales':
        f[name] = new ort.Tensor('float32', Float32Array.from(scales), [3]);
        break;
      case 'sid':
        f[name] = new ort.Tensor('int64', BigInt64Array.of(BigInt(sid ?? 0)), [1]);
        break;
      default:
        throw new Error(`model input '${name}' is not part of the Piper contract`);
    }
  }
  return f;
}

async function open(path: string, provider: Provider): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(path, { executionProviders: [provider], logSeverityLevel: 3 });
}

function asNumbers(t: ort.Tensor): Float32Array | Float64Array {
  const d = t.data;
  if (d instanceof Float32Array || d instanceof Float64Array) return d;
  throw new Error(`output of type ${t.type} is not float32`);
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

function hasNonFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i] as number)) return true;
  return false;
}

export async function runSnr(req: SnrRequest): Promise<{ runs: SnrRun[]; minSnrDb: number | null }> {
  const provider = req.provider ?? 'cpu';
  const ref = await open(req.reference, provider);
  const cand = await open(req.candidate, provider);
  try {
    const runs: SnrRun[] = [];
    for (const ids of req.sequences) {
      const a = asNumbers((await ref.run(feeds(ref, ids, req.scales, req.sid)))[ref.outputNames[0] as string] as ort.Tensor);
      const b = asNumbers((await cand.run(feeds(cand, ids, req.scales, req.sid)))[cand.outputNames[0] as string] as ort.Tensor);
      const nonFinite = hasNonFinite(b);
      runs.push({
        phonemes: ids.length,
        samples: a.length,
        candidateSamples: b.length,
        snrDb: nonFinite ? -Infinity : snrDb(a, b),
        lengthMismatch: a.length !== b.length,
        nonFinite,
        maxAbsReference: maxAbs(a),
        maxAbsCandidate: nonFinite ? Number.NaN : maxAbs(b),
      });
    }
    const finite = runs.map((r) => r.snrDb).filter((v): v is number => v !== null);
    const minSnrDb = finite.length > 0 ? Math.min(...finite) : null;
    return { runs, minSnrDb };
  } finally {
    await ref.release();
    await cand.release();
  }
}

export async function runRanges(req: RangesRequest): Promise<{ maxAbs: Record<string, number | null> }> {
  const session = await open(req.model, req.provider ?? 'cpu');
  try {
    const out: Record<string, number | null> = {};
    for (const ids of req.sequences) {
      const res = await session.run(feeds(session, ids, req.scales, req.sid));
      for (const name of session.outputNames) {
        const v = asNumbers(res[name] as ort.Tensor)[0];
        const prev = out[name] ?? null;
        out[name] = v === undefined || !Number.isFinite(v) ? prev : prev === null ? v : Math.max(prev, v);
      }
    }
    return { maxAbs: out };
  } finally {
    await session.release();
  }
}

function jsonSafe(value: unknown): string {
  // JSON has no Infinity/NaN: -Infinity SNR (all noise / non-finite) becomes -999, NaN null.
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 999 : -999) : v));
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node --import tsx scripts/prepare-voice-check.ts REQUEST.json');
    process.exitCode = 2;
    return;
  }
  ort.env.logLevel = 'error';
  const req = JSON.parse(await readFile(path, 'utf8')) as Request;
  const result = req.mode === 'snr' ? await runSnr(req) : await runRanges(req);
  process.stdout.write(`${jsonSafe(result)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('prepare-voice-check.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  });
}
