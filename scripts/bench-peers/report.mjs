// Turns the engines' raw runs into figures, Herald/peer ratios, a table and JSON.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? null : Number(x.toFixed(digits)));

function summarize(run) {
  if (run.error) return { voice: run.voice, engine: run.engine, error: run.error };
  if (run.say) {
    return { voice: run.voice, engine: run.engine, ttfaMs: run.say.ttfaMs, rtf: run.say.rtf, peakRssMb: round(run.say.peakRssMb) };
  }
  const ms = run.perSentence.map((s) => s.ms);
  return {
    voice: run.voice,
    engine: run.engine,
    sentenceMs: round(median(ms)),
    rtf: round(median(run.perSentence.map((s) => s.ms / 1000 / s.audioS)), 4),
    audioS: round(run.perSentence.reduce((n, s) => n + s.audioS, 0), 2),
    ttfaMs: round(run.ttfaMs),
    peakRssMb: round(run.peakRssMb),
    loadMs: round(run.loadMs),
    notes: run.notes,
  };
}

const FIGURES = ['sentenceMs', 'rtf', 'ttfaMs', 'peakRssMb'];

function ratios(rows) {
  const out = [];
  for (const herald of rows.filter((r) => r.engine === 'herald' && !r.error)) {
    for (const peer of rows.filter((r) => r.voice === herald.voice && !['herald', 'herald-say'].includes(r.engine) && !r.error)) {
      const r = { voice: herald.voice, peer: peer.engine };
      for (const f of FIGURES) r[f] = round(herald[f] / peer[f], 2);
      out.push(r);
    }
  }
  return out;
}

function table(header, rows) {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '-' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

export function report(runs, { json, threads }) {
  const rows = runs.map(summarize);
  const result = { threads, rows, ratios: ratios(rows) };
  if (!json) {
    const lines = [];
    lines.push(`threads: ${threads}; sentence = median of ${runs.find((r) => r.perSentence)?.perSentence.length ?? 0} sentences after warm-up; rtf = synthesis s / audio s; ttfa = first sentence of a 3-sentence message; rss = peak of the process tree`);
    lines.push(
      table(
        ['voice', 'engine', 'sentence ms', 'rtf', 'audio s (20)', 'ttfa ms', 'peak rss MB', 'load ms'],
        rows.map((r) => (r.error ? [r.voice, r.engine, `error: ${r.error.split('\n')[0]}`] : [r.voice, r.engine, r.sentenceMs, r.rtf, r.audioS, r.ttfaMs, r.peakRssMb, r.loadMs])),
      ),
    );
    lines.push('');
    lines.push('Herald / peer (target <= 1.0):');
    lines.push(table(['voice', 'peer', 'sentence ms', 'rtf', 'ttfa', 'peak rss'], result.ratios.map((r) => [r.voice, r.peer, ...FIGURES.map((f) => r[f])])));
    for (const r of rows.filter((x) => x.notes?.length)) lines.push(`${r.voice}/${r.engine}: ${r.notes.join('; ')}`);
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
  process.stdout.write(`${JSON.stringify(result, null, json ? 0 : 2)}\n`);
}
