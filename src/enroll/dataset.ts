import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EnrollError } from './enroll-error.ts';

// One recording as the dataset lists it.
export interface DatasetTake {
  id: string;
  transcript: string;
  wav: string;
}

// A take id names a file (wavs/<id>.wav, and takes/<id>.wav in private storage).
const TAKE_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// Enough names to find the problem, few enough to read.
const SHOW_NAMES = 5;

// LJSpeech layout: DIR/metadata.csv with lines `id|transcript` or
// `id|transcript|normalized transcript` (the last non-empty field is the
// text that was read), and DIR/wavs/<id>.wav for each line and no other.
export function readDataset(dir: string): DatasetTake[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EnrollError(`no such directory: ${dir}`);
  const metadata = join(dir, 'metadata.csv');
  if (!existsSync(metadata)) throw new EnrollError(`${metadata} is missing (expected LJSpeech layout: metadata.csv with lines id|transcript, and wavs/<id>.wav)`);
  const takes = parseMetadata(readFileSync(metadata, 'utf8'), metadata);
  if (!takes.length) throw new EnrollError(`${metadata} lists no takes`);
  const wavsDir = join(dir, 'wavs');
  const wavFiles = existsSync(wavsDir) && statSync(wavsDir).isDirectory() ? readdirSync(wavsDir).filter((f) => f.toLowerCase().endsWith('.wav')) : [];
  const listed = new Set(takes.map((t) => `${t.id}.wav`));
  const present = new Set(wavFiles);
  const missing = takes.filter((t) => !present.has(`${t.id}.wav`)).map((t) => `${t.id}.wav`);
  const unlisted = wavFiles.filter((f) => !listed.has(f)).sort();
  if (missing.length || unlisted.length) {
    const parts = [`metadata.csv lists ${takes.length} take(s) but ${wavsDir} holds ${wavFiles.length} .wav file(s)`];
    if (missing.length) parts.push(`${missing.length} listed but missing: ${names(missing)}`);
    if (unlisted.length) parts.push(`${unlisted.length} not listed: ${names(unlisted)}`);
    throw new EnrollError(parts.join('; '));
  }
  return takes.map((t) => ({ ...t, wav: join(wavsDir, `${t.id}.wav`) }));
}

function parseMetadata(text: string, path: string): Array<{ id: string; transcript: string }> {
  const takes: Array<{ id: string; transcript: string }> = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${path} line ${i + 1}`;
      if (!line.includes('|')) throw new EnrollError(`${where}: no '|' (expected id|transcript)`);
      const [rawId, ...fields] = line.split('|');
      const id = rawId.trim();
      if (!id) throw new EnrollError(`${where}: empty id`);
      if (!TAKE_ID.test(id)) throw new EnrollError(`${where}: id '${id.slice(0, 40)}' must be a plain file name (letters, digits, '_', '-', '.'; up to 128)`);
      if (seen.has(id)) throw new EnrollError(`${where}: id '${id}' is listed twice`);
      seen.add(id);
      const transcript = [...fields].reverse().find((f) => f.trim()) ?? '';
      takes.push({ id, transcript: transcript.trim() });
    });
  return takes;
}

function names(list: string[]): string {
  return list.slice(0, SHOW_NAMES).join(', ') + (list.length > SHOW_NAMES ? `, … (${list.length - SHOW_NAMES} more)` : '');
}
