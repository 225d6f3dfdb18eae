// Rolling synthesis figures for the metrics topic: the last `window` messages.
export class SynthStats {
  private ttfa: number[] = [];
  private rtf: number[] = [];
  count = 0;

  constructor(private readonly window = 500) {}

  record(ttfaMs: number | undefined, synthMs: number, audioMs: number): void {
    this.count++;
    if (ttfaMs !== undefined) push(this.ttfa, ttfaMs, this.window);
    if (audioMs > 0) push(this.rtf, synthMs / audioMs, this.window);
  }

  snapshot(): { count: number; p50TtfaMs: number | null; p95TtfaMs: number | null; rtf: number | null } {
    const r = (n: number | null, digits: number) => (n === null ? null : Number(n.toFixed(digits)));
    return { count: this.count, p50TtfaMs: r(percentile(this.ttfa, 50), 1), p95TtfaMs: r(percentile(this.ttfa, 95), 1), rtf: r(percentile(this.rtf, 50), 4) };
  }
}

function push(list: number[], value: number, max: number): void {
  list.push(value);
  if (list.length > max) list.shift();
}

export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
