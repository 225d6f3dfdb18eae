import si from 'systeminformation';

export interface SystemMetrics {
  cpuLoadPercent: number | null;
  memUsedBytes: number | null;
  memTotalBytes: number | null;
  processRssBytes: number;
  cpuTempC: number | null;
  temperaturesC: Record<string, number>;
}

// CPU, memory and temperatures through systeminformation. Nothing that spawns
// a process per tick (si.graphics() runs lspci, clinfo and xrandr, and finds
// nothing on a Jetson): the GPU's figures come from jetson-metrics.ts.
export async function readSystemMetrics(): Promise<SystemMetrics> {
  const [load, mem, temp] = await Promise.all([
    si.currentLoad().catch(() => undefined),
    si.mem().catch(() => undefined),
    si.cpuTemperature().catch(() => undefined),
  ]);
  const temperaturesC: Record<string, number> = {};
  temp?.cores?.forEach((t, i) => {
    if (typeof t === 'number') temperaturesC[`core${i}`] = t;
  });
  if (typeof temp?.chipset === 'number') temperaturesC.chipset = temp.chipset;
  return {
    cpuLoadPercent: load ? round(load.currentLoad) : null,
    memUsedBytes: mem?.active ?? null,
    memTotalBytes: mem?.total ?? null,
    processRssBytes: process.memoryUsage.rss(),
    cpuTempC: typeof temp?.main === 'number' ? temp.main : null,
    temperaturesC,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
