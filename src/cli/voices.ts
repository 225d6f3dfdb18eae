import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { readEnrollment } from '../enroll/enrolled.ts';
import { discoverVoices } from '../voices/discover.ts';
import { readManifest, verifyVoice, writeManifest } from '../voices/manifest.ts';

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, json: { type: 'boolean' }, 'write-manifest': { type: 'boolean' } } });
  const { config } = loadConfig(values.config);
  const { voices, problems } = discoverVoices(config.voices.dir);
  if (values['write-manifest']) {
    writeManifest(config.voices.dir, voices);
    process.stdout.write(`recorded checksums of ${voices.length} voice(s) in ${config.voices.dir}/manifest.json\n`);
  }
  const { manifest } = readManifest(config.voices.dir);
  const rows = voices.map((v) => ({
    name: v.name,
    family: v.family,
    language: v.language,
    sampleRate: v.sampleRate,
    speakers: v.numSpeakers,
    // Whose phonemes it is fed: Herald's for Herald's voices, Piper's for the rest (discover.ts).
    phonemizer: v.phonemizer,
    sizeMB: Number((v.sizeBytes / 1e6).toFixed(1)),
    checksum: ((c) => (c.verified ? 'verified' : c.reason))(verifyVoice(manifest, v)),
    default: v.name === (voices.some((x) => x.name === config.voices.default) ? config.voices.default : voices[0]?.name),
    // Made on this device by `herald enroll`: when.
    enrolled: readEnrollment(config.stateDir, v.name)?.created,
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ dir: config.voices.dir, voices: rows, problems })}\n`);
    return problems.length ? 1 : 0;
  }
  process.stdout.write(`voices in ${config.voices.dir}:\n`);
  if (!rows.length) process.stdout.write('  (none: espeak-ng will speak; see README "Installing Piper voices")\n');
  for (const r of rows) process.stdout.write(`  ${r.default ? '*' : ' '} ${r.name.padEnd(32)} ${r.language.padEnd(8)} ${String(r.sampleRate).padEnd(6)} Hz  ${r.speakers} speaker(s)  ${r.phonemizer} phonemes  ${r.sizeMB} MB  ${r.checksum}${r.enrolled ? `  enrolled here ${r.enrolled.slice(0, 10)}` : ''}\n`);
  process.stdout.write('    espeak                           (fallback, every language espeak-ng knows)\n');
  for (const p of problems) process.stdout.write(`  ! ${p.name}: ${p.reason}\n`);
  return problems.length ? 1 : 0;
}
