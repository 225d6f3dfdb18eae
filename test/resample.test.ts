// The resampler used when a voice's rate differs from the device's, and the
// float → int16 step with volume.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { silence, toInt16 } from '../src/audio/pcm.ts';
import { resample } from '../src/audio/resample.ts';

function sine(freq: number, rate: number, seconds: number, amp = 0.8): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate);
  return out;
}

// Amplitude of one frequency (a single DFT bin), over the middle of the signal.
function amplitudeAt(x: Float32Array, rate: number, freq: number): number {
  const start = Math.floor(x.length * 0.1);
  const end = Math.floor(x.length * 0.9);
  let re = 0;
  let im = 0;
  for (let i = start; i < end; i++) {
    re += x[i] * Math.cos((2 * Math.PI * freq * i) / rate);
    im += x[i] * Math.sin((2 * Math.PI * freq * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / (end - start);
}

// Frequency from rising zero crossings over the middle 80 %.
function zeroCrossingFrequency(x: Float32Array, rate: number): number {
  const start = Math.floor(x.length * 0.1);
  const end = Math.floor(x.length * 0.9);
  const crossings: number[] = [];
  for (let i = start + 1; i < end; i++) {
    if (x[i - 1] < 0 && x[i] >= 0) crossings.push(i - 1 + -x[i - 1] / (x[i] - x[i - 1]));
  }
  return ((crossings.length - 1) * rate) / (crossings[crossings.length - 1] - crossings[0]);
}

describe('resample', () => {
  test('16 kHz → 22.05 kHz keeps a 440 Hz sine at 440 Hz, its amplitude, and the length ratio', () => {
    const input = sine(440, 16000, 1);
    const out = resample(input, 16000, 22050);
    assert.equal(out.length, 22050);
    const f = zeroCrossingFrequency(out, 22050);
    assert.ok(Math.abs(f - 440) < 0.5, `measured ${f} Hz`);
    const a = amplitudeAt(out, 22050, 440);
    assert.ok(Math.abs(a - 0.8) < 0.02, `amplitude ${a}`);
    // Nothing much anywhere else.
    assert.ok(amplitudeAt(out, 22050, 440 * (22050 / 16000)) < 0.02, 'not played at the wrong speed');
  });

  test('a 3 kHz tone survives 22.05 → 16 kHz; a 10 kHz tone above the new Nyquist is filtered, not folded to 6 kHz', () => {
    const mixed = sine(3000, 22050, 0.5, 0.4);
    const high = sine(10000, 22050, 0.5, 0.4);
    for (let i = 0; i < mixed.length; i++) mixed[i] += high[i];
    const out = resample(mixed, 22050, 16000);
    assert.equal(out.length, Math.floor(mixed.length * (16000 / 22050)));
    assert.ok(Math.abs(amplitudeAt(out, 16000, 3000) - 0.4) < 0.03, `3 kHz at ${amplitudeAt(out, 16000, 3000)}`);
    const alias = amplitudeAt(out, 16000, 6000);
    assert.ok(alias < 0.04, `aliased 6 kHz at ${alias}`);
  });

  test('same rate or empty input is returned as is', () => {
    const x = sine(100, 8000, 0.01);
    assert.equal(resample(x, 8000, 8000), x);
    assert.equal(resample(new Float32Array(0), 16000, 22050).length, 0);
  });
});

describe('toInt16 and silence', () => {
  test('scales by volume, rounds, clips', () => {
    // x * volume * 32767, rounded: 0.25 → 8191.75 → 8192.
    assert.deepEqual([...toInt16(Float32Array.from([0, 0.25, -0.25, 1, -1, 2, -2]))], [0, 8192, -8192, 32767, -32768, 32767, -32768]);
    assert.deepEqual([...toInt16(Float32Array.from([0.5, -0.5]), 0.5)], [8192, -8192]);
    assert.deepEqual([...toInt16(Float32Array.from([0.9]), 0)], [0]);
  });

  test('silence has the right length', () => {
    assert.equal(silence(0.2, 22050).length, 4410);
    assert.ok(silence(0.2, 22050).every((v) => v === 0));
  });
});
