// The recording level on a terminal, as a bar from -60 dBFS (empty) to
// 0 dBFS (full), with marks a speaker can aim between: close speech sits
// near -20 dBFS, under -40 the take checks call it too quiet.
const FLOOR_DBFS = -60;
const WIDTH = 30;

export function meterLine(dbfs: number): string {
  const db = Number.isFinite(dbfs) ? Math.max(FLOOR_DBFS, Math.min(0, dbfs)) : FLOOR_DBFS;
  const filled = Math.round(((db - FLOOR_DBFS) / -FLOOR_DBFS) * WIDTH);
  const label = Number.isFinite(dbfs) && dbfs > FLOOR_DBFS ? `${dbfs.toFixed(0).padStart(3)} dBFS` : ' -∞ dBFS';
  const hint = db > -3 ? '  too loud' : db < -40 && db > FLOOR_DBFS ? '  quiet' : '';
  return `level [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${label}${hint}`;
}
