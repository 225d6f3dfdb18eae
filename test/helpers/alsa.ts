import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// An ALSA configuration whose default PCM writes raw samples to a file over a
// null device: real ALSA, no sound card. Select it with ALSA_CONFIG_PATH.
// `extra`: more definitions for the same file (a capture PCM, helpers/mic-fifo.ts).
export function writeAlsaFileConfig(dir: string, outFile = join(dir, 'out.raw'), extra = ''): { configPath: string; outFile: string } {
  const configPath = join(dir, 'asound.conf');
  writeFileSync(
    configPath,
    `pcm.nullsink { type null }
pcm.!default {
  type file
  slave.pcm "nullsink"
  file "${outFile}"
  format "raw"
}
ctl.!default { type hw card 0 }
${extra}`,
  );
  return { configPath, outFile };
}
