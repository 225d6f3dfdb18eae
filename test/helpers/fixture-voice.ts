import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPhonemeIdMap } from '../../src/voices/piper-symbols.ts';

const SCRIPT = fileURLToPath(new URL('../fixtures/make-piper-fixture.py', import.meta.url));
// Debian's python3 carries python3-onnx; a python3 earlier on PATH may not.
const PYTHON = process.env.HERALD_TEST_PYTHON ?? '/usr/bin/python3';

export interface FixtureVoiceOptions {
  name?: string;
  speakers?: number;
  sampleRate?: number;
  espeakVoice?: string;
  sentenceSilence?: number;
  // Matrix products per run (make-piper-fixture.py --work): a voice that takes time.
  work?: number;
}

// Writes <name>.onnx + <name>.onnx.json (Piper format) into dir and returns the name.
export function buildFixtureVoice(dir: string, options: FixtureVoiceOptions = {}): string {
  const name = options.name ?? 'fixture';
  const speakers = options.speakers ?? 1;
  execFileSync(PYTHON, [SCRIPT, '--out', join(dir, `${name}.onnx`), '--speakers', String(speakers), '--work', String(options.work ?? 0)], { stdio: 'pipe' });
  const speakerIdMap: Record<string, number> = {};
  for (let i = 0; i < speakers && speakers > 1; i++) speakerIdMap[`speaker${i}`] = i;
  const config = {
    audio: { sample_rate: options.sampleRate ?? 22050, quality: 'x_low' },
    espeak: { voice: options.espeakVoice ?? 'en-us' },
    language: { code: 'en_US' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_type: 'espeak',
    phoneme_map: {},
    phoneme_id_map: defaultPhonemeIdMap(),
    num_symbols: 256,
    num_speakers: speakers,
    speaker_id_map: speakerIdMap,
    ...(options.sentenceSilence !== undefined ? { sentence_silence: options.sentenceSilence } : {}),
  };
  writeFileSync(join(dir, `${name}.onnx.json`), JSON.stringify(config, null, 2));
  return name;
}

export interface DecodedFixtureOutput {
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  sid: number;
  ids: number[];
}

// Reads back what the fixture model was given from its float output.
export function decodeFixtureOutput(out: Float32Array): DecodedFixtureOutput {
  const noiseScale = out[0] * 4;
  const lengthScale = out[1] * 4;
  const noiseW = out[2] * 4;
  const sid = Math.round(out[3] * 64);
  const k = Math.round(256 * lengthScale);
  const ids: number[] = [];
  for (let i = 4; i + k <= out.length; i += k) ids.push(Math.round((out[i] - sid / 8) * 1024));
  return { noiseScale, lengthScale, noiseW, sid, ids };
}
