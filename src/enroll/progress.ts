import type { AdaptProgress } from './adapt-protocol.ts';

export interface ProgressOut {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressReporter {
  update(progress: AdaptProgress): void;
  // Ends the bar's line (TTY) before anything else is written.
  end(): void;
}

const BAR_WIDTH = 24;
// A terminal redrawn faster than this only costs CPU the training needs.
const REDRAW_MS = 250;
// Without a terminal: a line every tenth of a phase, so a log stays short.
const LOG_BUCKETS = 10;

// Adaptation's progress on stderr: a bar redrawn in place on a terminal,
// otherwise one line per ~10 % of each phase.
export function progressReporter(out: ProgressOut, now: () => number = Date.now): ProgressReporter {
  let lastDraw = 0;
  let drawn = false;
  let phase = '';
  let bucket = -1;
  return {
    update(p) {
      const line = describe(p);
      if (out.isTTY) {
        const t = now();
        if (p.phase === phase && t - lastDraw < REDRAW_MS && p.step < p.steps) return;
        lastDraw = t;
        phase = p.phase;
        drawn = true;
        out.write(`\r\x1b[K${line.slice(0, Math.max(20, (out.columns ?? 80) - 1))}`);
        return;
      }
      const b = p.steps > 0 ? Math.floor((p.step / p.steps) * LOG_BUCKETS) : 0;
      if (p.phase === phase && b === bucket) return;
      phase = p.phase;
      bucket = b;
      out.write(`${line}\n`);
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}

export function describe(p: AdaptProgress): string {
  const fraction = p.steps > 0 ? Math.min(1, Math.max(0, p.step / p.steps)) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const parts = [`${p.phase.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${p.step}/${p.steps}`];
  if (p.loss !== undefined && Number.isFinite(p.loss)) parts.push(`loss ${p.loss.toFixed(3)}`);
  if (p.etaSeconds !== undefined && Number.isFinite(p.etaSeconds)) parts.push(`ETA ${clock(p.etaSeconds)}`);
  return parts.join('  ');
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
