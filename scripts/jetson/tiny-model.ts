/**
 * A tiny ONNX model written by hand in protobuf wire format, so the binding
 * check needs neither Python nor the onnx package on the Jetson.
 *
 * Model: y[1,N] = MatMul(x[1,N], W[N,N]) with static shapes (TensorRT builds
 * the engine at session creation), opset 13, IR version 8.
 *
 * W is chosen so that FP16 is visible in the numbers: every weight is
 * 1 + k * 2^-12 (k = 1..4), which FP32 holds exactly and FP16 (10-bit
 * mantissa, spacing 2^-10 at 1.0) cannot. With x = ones, the FP32 result is
 * exact; a TensorRT engine that really ran the MatMul in FP16 is off by up to
 * N * 2^-12.
 */

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

class Writer {
  private chunks: number[] = [];

  varint(value: number | bigint): this {
    let v = BigInt(value);
    if (v < 0n) v += 1n << 64n;
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) byte |= 0x80;
      this.chunks.push(byte);
    } while (v !== 0n);
    return this;
  }

  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }

  int(field: number, value: number | bigint): this {
    return this.tag(field, WIRE_VARINT).varint(value);
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_LEN).varint(data.length);
    for (const b of data) this.chunks.push(b);
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }

  message(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

const FLOAT = 1; // TensorProto.DataType.FLOAT

function valueInfo(w: Writer, field: number, name: string, dims: number[]): void {
  w.message(field, (vi) => {
    vi.string(1, name);
    vi.message(2, (type) =>
      type.message(1, (tensor) => {
        tensor.int(1, FLOAT);
        tensor.message(2, (shape) => {
          for (const d of dims) shape.message(1, (dim) => dim.int(1, d));
        });
      }),
    );
  });
}

/** Weight matrix W[i][j] = 1 + (((i * 7 + j * 13) % 4) + 1) * 2^-12, row-major. */
export function probeWeights(n: number): Float32Array {
  const w = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) w[i * n + j] = 1 + ((((i * 7 + j * 13) % 4) + 1) * 2 ** -12);
  }
  return w;
}

/** Exact (float64) y = ones(n) x W. */
export function probeReference(n: number): Float64Array {
  const w = probeWeights(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[j] = (y[j] as number) + (w[i * n + j] as number);
  return y;
}

/** Serialized ModelProto of the probe model with an N x N weight. */
export function buildProbeModel(n = 256): Uint8Array {
  const weights = probeWeights(n);
  const raw = new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);
  const model = new Writer();
  model.int(1, 8); // ir_version
  model.string(2, 'herald-check-binding'); // producer_name
  model.message(7, (graph) => {
    graph.message(1, (node) => {
      node.string(1, 'x');
      node.string(1, 'W');
      node.string(2, 'y');
      node.string(3, 'probe_matmul');
      node.string(4, 'MatMul');
    });
    graph.string(2, 'herald_probe');
    graph.message(5, (t) => {
      t.int(1, n); // dims [n, n]
      t.int(1, n);
      t.int(2, FLOAT);
      t.string(8, 'W');
      t.bytes(9, raw); // raw_data, little-endian float32
    });
    valueInfo(graph, 11, 'x', [1, n]);
    valueInfo(graph, 12, 'y', [1, n]);
  });
  model.message(8, (opset) => {
    opset.string(1, '');
    opset.int(2, 13);
  });
  return model.finish();
}

/**
 * Relative error of `got` against the exact result, in units that separate the
 * two cases: FP32 stays around 1e-7, FP16 weights give ~1e-4.
 */
export function probeRelativeError(got: ArrayLike<number>, n: number): number {
  const ref = probeReference(n);
  let worst = 0;
  for (let j = 0; j < n; j++) {
    const r = ref[j] as number;
    worst = Math.max(worst, Math.abs((got[j] as number) - r) / Math.abs(r));
  }
  return worst;
}

/** Above this the MatMul certainly did not run in FP32. */
export const FP16_VISIBLE_RELATIVE_ERROR = 1e-5;
