import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { HeraldConfig } from '../config/schema.ts';
import { replacePrivateFile } from '../enroll/private-files.ts';
import { PLAIN_DEFAULTS, RATE_RANGE, VOLUME_RANGE, type SpeechDefaults } from '../queue/job.ts';

// <stateDir>/homeassistant.json: what Home Assistant set (kept across
// restarts), and the retained topics Herald published for it, so that a start
// with discovery switched off can take them back. A broker whose users never
// enabled discovery gets nothing: there is no record to clear.
const recordSchema = z.object({
  voice: z.string().min(1).optional(),
  volume: z.number().min(VOLUME_RANGE.min).max(VOLUME_RANGE.max).default(PLAIN_DEFAULTS.volume),
  rate: z.number().min(RATE_RANGE.min).max(RATE_RANGE.max).default(PLAIN_DEFAULTS.rate),
  published: z.array(z.string()).default([]),
});

export type HaRecord = z.infer<typeof recordSchema>;

export interface RuntimeDefaults extends SpeechDefaults {
  voice?: string;
}

export function recordPath(stateDir: string): string {
  return join(stateDir, 'homeassistant.json');
}

// A missing file is a fresh start; an unreadable one is reported and replaced at the next change.
export function readHaRecord(stateDir: string): { record: HaRecord; problem?: string } {
  const fresh = recordSchema.parse({});
  const path = recordPath(stateDir);
  if (!existsSync(path)) return { record: fresh };
  try {
    const parsed = recordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { record: parsed.data };
    return { record: fresh, problem: `${path}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}` };
  } catch (err) {
    return { record: fresh, problem: `${path}: ${(err as Error).message}` };
  }
}

export function writeHaRecord(stateDir: string, record: HaRecord): void {
  mkdirSync(stateDir, { recursive: true });
  replacePrivateFile(recordPath(stateDir), `${JSON.stringify(record, null, 2)}\n`);
}

// What a message that sets no voice, volume or rate gets: Home Assistant's
// choices while its discovery is enabled, else the plain defaults (and
// config's voices.default), so that switching it off gives back the config's voice.
export function runtimeDefaults(config: HeraldConfig, record: HaRecord): RuntimeDefaults {
  if (!config.homeassistant.enabled) return { ...PLAIN_DEFAULTS };
  return { voice: record.voice, volume: record.volume, rate: record.rate };
}
