import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readJetsonMetrics } from './jetson-metrics.ts';
import { readSystemMetrics } from './metrics.ts';
import type { SynthStats } from './synth-stats.ts';

// The `metrics` topic: the machine, the Jetson where there is one, synthesis
// figures, and how late the event loop runs (the soak and the watchdog read it).
export class RuntimeMetrics {
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor(
    private readonly deviceId: string,
    private readonly stats: SynthStats,
  ) {
    this.loopDelay.enable();
  }

  async collect(extra: { queueDepth: number; durable: boolean }) {
    const d = this.loopDelay;
    const eventLoopLag = { p50Ms: ms(d.percentile(50)), p99Ms: ms(d.percentile(99)), maxMs: ms(d.max) };
    d.reset();
    return { deviceId: this.deviceId, ts: Date.now(), system: await readSystemMetrics(), jetson: await readJetsonMetrics(), synthesis: this.stats.snapshot(), eventLoopLag, ...extra };
  }

  stop(): void {
    this.loopDelay.disable();
  }
}

function ms(ns: number): number {
  return Math.round(ns / 1e4) / 100;
}
