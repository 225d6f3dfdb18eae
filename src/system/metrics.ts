import si from 'systeminformation';

export interface SystemMetrics {
  cpuLoadPercent: number | null;
  memUsedBytes: number | null;
  memTotalBytes: number | null;
  processRssBytes: number;
  cpuTempC: number | null;
  temperaturesC: Record<string, number>;
  gpu: Array<{ model: string; loadPercent: number | null; tempC: number | null }>;
}

// CPU, memory and temperatures through systeminformation; GPU figures only
// where the machine exposes them (nvidia-smi on a PC, sysfs on a Jetson).
export async function readSystemMetrics(): Promise<SystemMetrics> {
  const [load, mem, temp, graphics] = await Promise.all([
    si.currentLoad().catch(() => undefined),
    si.mem().catch(() => undefined),
    si.cpuTemperature().catch(() => undefined),
    si.graphics().catch(() => undefined),
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
    gpu: (graphics?.controllers ?? [])
      .filter((c) => c.utilizationGpu !== undefined || c.temperatureGpu !== undefined)
      .map((c) => ({ model: c.model, loadPercent: c.utilizationGpu ?? null, tempC: c.temperatureGpu ?? null })),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
