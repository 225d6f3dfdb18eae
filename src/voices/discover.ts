import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { VoiceInfo, VoiceProblem } from './types.ts';

// The parts of Piper's .onnx.json that Herald reads; everything else in the
// file is allowed and kept out of the way.
const piperConfig = z.looseObject({
  audio: z.looseObject({ sample_rate: z.number().int().positive() }),
  espeak: z.looseObject({ voice: z.string().min(1) }).optional(),
  language: z.looseObject({ code: z.string() }).optional(),
  inference: z
    .looseObject({ noise_scale: z.number().optional(), length_scale: z.number().optional(), noise_w: z.number().optional() })
    .optional(),
  num_speakers: z.number().int().min(1).default(1),
  speaker_id_map: z.record(z.string(), z.number().int()).default({}),
  phoneme_type: z.string().optional(),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int().min(0))),
  sentence_silence: z.number().optional(),
  // Herald's recipe (scripts/train-voice/export.py, ship_base.py) and
  // enrollment (enroll/voice-config.ts) write this block into every voice
  // they make: the mark of a voice trained on Herald's phonemizer.
  herald: z.looseObject({}).optional(),
});

export interface Discovery {
  voices: VoiceInfo[];
  problems: VoiceProblem[];
}

// A voice is a `<name>.onnx` beside `<name>.onnx.json`; its name is the stem.
export function discoverVoices(dir: string): Discovery {
  const voices: VoiceInfo[] = [];
  const problems: VoiceProblem[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    return { voices, problems: [{ name: '*', path: dir, reason: `cannot read voices directory: ${(err as Error).message}` }] };
  }
  for (const entry of entries.sort()) {
    if (!entry.endsWith('.onnx')) continue;
    const modelPath = join(dir, entry);
    const name = basename(entry, '.onnx');
    const configPath = `${modelPath}.json`;
    try {
      voices.push(readPiperVoice(name, modelPath, configPath));
    } catch (err) {
      problems.push({ name, path: modelPath, reason: (err as Error).message });
    }
  }
  return { voices, problems };
}

export function readPiperVoice(name: string, modelPath: string, configPath: string): VoiceInfo {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (err) {
    throw new Error(`${configPath}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing (a Piper voice needs its .onnx.json)' : (err as Error).message}`);
  }
  const parsed = piperConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${configPath}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.phoneme_type && c.phoneme_type !== 'espeak') {
    throw new Error(`${configPath}: phoneme_type '${c.phoneme_type}' is not supported (only espeak)`);
  }
  for (const symbol of ['^', '_', '$']) {
    if (!c.phoneme_id_map[symbol]) throw new Error(`${configPath}: phoneme_id_map lacks '${symbol}'`);
  }
  const espeakVoice = c.espeak?.voice ?? 'en-us';
  // The one place a voice's phonemizer is chosen: each voice gets the phonemes
  // it was trained on. Herald's voices, Herald's; any other Piper voice
  // (rhasspy/piper-voices and the like), Piper's own.
  const phonemizer = c.herald ? 'herald' : 'piper';
  return {
    name,
    family: 'piper',
    modelPath,
    configPath,
    sampleRate: c.audio.sample_rate,
    language: c.language?.code ?? espeakVoice,
    espeakVoice,
    phonemizer,
    numSpeakers: c.num_speakers,
    speakerIdMap: c.speaker_id_map,
    phonemeIdMap: c.phoneme_id_map,
    noiseScale: c.inference?.noise_scale ?? 0.667,
    lengthScale: c.inference?.length_scale ?? 1,
    noiseW: c.inference?.noise_w ?? 0.8,
    sentenceSilenceSeconds: c.sentence_silence ?? 0.2,
    sizeBytes: statSync(modelPath).size,
  };
}
