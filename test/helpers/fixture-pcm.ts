// Reads the fixture voice's sentences back out of captured 16-bit PCM.
//
// Through the daemon each sentence reaches the device as
//   round(32767 * volume * [noise_scale/4, length_scale/4, noise_w/4, sid/64,
//                           (id/1024 + sid/8) repeated round(256*length_scale) times per id])
// followed by silence. A header is recognised by noise_scale/noise_w of the
// fixture's .onnx.json (0.667 and 0.8), or by both being 0 (a zone message).
export const FIXTURE_NOISE_SCALE = 0.667;
export const FIXTURE_NOISE_W = 0.8;
const FULL = 32767;

export interface CapturedSentence {
  // Sample offset of the header in the capture.
  offset: number;
  // Sample offset just past the last block read.
  end: number;
  volume: number;
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  sid: number;
  ids: number[];
  // Ended with EOS ('$', id 2); false when the audio was cut short.
  complete: boolean;
}

function headerAt(s: Int16Array, i: number): Omit<CapturedSentence, 'offset' | 'end' | 'ids' | 'complete'> | undefined {
  if (i + 4 > s.length) return undefined;
  const [a, b, c, d] = [s[i], s[i + 1], s[i + 2], s[i + 3]];
  // A zone message is synthesized without noise (docs/zones.md): with both
  // noise figures 0 the volume cannot be read back; zone tests play at 1.
  if (a === 0 && c === 0 && b > 0 && d >= 0) {
    const lengthScale = (b / FULL) * 4;
    if (lengthScale < 0.2 || lengthScale > 4) return undefined;
    return { volume: 1, noiseScale: 0, lengthScale, noiseW: 0, sid: Math.round((d / FULL) * 64) };
  }
  if (a <= 0 || b <= 0 || c <= 0 || d < 0) return undefined;
  if (Math.abs(a / c - FIXTURE_NOISE_SCALE / FIXTURE_NOISE_W) > 0.01) return undefined;
  const volume = c / ((FIXTURE_NOISE_W / 4) * FULL);
  const unit = volume * FULL;
  const noiseScale = (a / unit) * 4;
  if (Math.abs(noiseScale - FIXTURE_NOISE_SCALE) > 0.01) return undefined;
  const lengthScale = (b / unit) * 4;
  if (lengthScale < 0.2 || lengthScale > 4) return undefined;
  return { volume, noiseScale, lengthScale, noiseW: (c / unit) * 4, sid: Math.round((d / unit) * 64) };
}

export function findFixtureSentences(samples: Int16Array): CapturedSentence[] {
  const found: CapturedSentence[] = [];
  let i = 0;
  while (i < samples.length) {
    // A noiseless header starts with a 0 (see headerAt).
    if (samples[i] === 0 && !(samples[i + 1] > 0)) {
      i++;
      continue;
    }
    const header = headerAt(samples, i);
    if (!header) {
      i++;
      continue;
    }
    const unit = header.volume * FULL;
    const k = Math.round(256 * header.lengthScale);
    const ids: number[] = [];
    let j = i + 4;
    let complete = false;
    while (j + k <= samples.length) {
      const v = samples[j];
      let constant = true;
      for (let x = j + 1; x < j + k; x++) {
        if (samples[x] !== v) {
          constant = false;
          break;
        }
      }
      if (!constant) break;
      const id = Math.round((v / unit - header.sid / 8) * 1024);
      ids.push(id);
      j += k;
      if (id === 2) {
        complete = true;
        break;
      }
    }
    // Every Piper sequence starts ^ _ (ids 1, 0): anything else was a chance
    // match in other audio (espeak-ng speech, say).
    if (ids[0] !== 1 || (ids.length > 1 && ids[1] !== 0)) {
      i++;
      continue;
    }
    found.push({ offset: i, end: j, ...header, ids, complete });
    i = j;
  }
  return found;
}
