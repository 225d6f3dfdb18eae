// Band-limited resampling (windowed sinc, 16 taps a side) for voices whose
// rate differs from the device's: enough for speech, cheap enough per sentence.
const HALF_TAPS = 16;

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate || input.length === 0) return input;
  const ratio = toRate / fromRate;
  const outLength = Math.floor(input.length * ratio);
  const out = new Float32Array(outLength);
  // Lower the cut-off when downsampling so nothing above the new Nyquist folds back.
  const cutoff = Math.min(1, ratio);
  for (let i = 0; i < outLength; i++) {
    const center = i / ratio;
    const first = Math.ceil(center - HALF_TAPS / cutoff);
    const last = Math.floor(center + HALF_TAPS / cutoff);
    let acc = 0;
    let norm = 0;
    for (let j = Math.max(0, first); j <= Math.min(input.length - 1, last); j++) {
      const x = (j - center) * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / HALF_TAPS);
      const w = sinc * window;
      acc += input[j] * w;
      norm += w;
    }
    out[i] = norm > 0 ? acc / norm : 0;
  }
  return out;
}
