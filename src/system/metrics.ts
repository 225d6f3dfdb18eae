import { readdir, readFile } from 'node:fs/promises';

export interface SystemMetrics {
  cpuLoadPercent: number | null;
  memUsedBytes: number | null;
  memTotalBytes: number | null;
  processRssBytes: number;
  temperaturesC: Record<string, number>;
}

// systeminformation is loaded with the first tick, not at start: the daemon
// is ready sooner and 12 MB smaller until metrics are asked for.
let si: typeof import('systeminformation') | undefined;

// CPU load and memory through systeminformation; temperatures straight from
// the kernel's thermal zones. Nothing that spawns a process per tick:
// si.graphics() runs lspci, clinfo and xrandr and si.cpuTemperature() a shell
// pipeline, and neither finds a Jetson's GPU (jetson-metrics.ts does).
export async function readSystemMetrics(thermalRoot = '/sys/class/thermal'): Promise<SystemMetrics> {
  si ??= (await import('systeminformation')).default;
  const [load, mem, temperaturesC] = await Promise.all([si.currentLoad().catch(() => undefined), si.mem().catch(() => undefined), thermalZones(thermalRoot)]);
  return {
    cpuLoadPercent: load ? Math.round(load.currentLoad * 10) / 10 : null,
    memUsedBytes: mem?.active ?? null,
    memTotalBytes: mem?.total ?? null,
    processRssBytes: process.memoryUsage.rss(),
    temperaturesC,
  };
}

async function thermalZones(root: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const zones = (await readdir(root).catch(() => [] as string[])).filter((z) => z.startsWith('thermal_zone'));
  await Promise.all(
    zones.map(async (zone) => {
      const [type, milli] = await Promise.all([readFile(`${root}/${zone}/type`, 'utf8').catch(() => zone), readFile(`${root}/${zone}/temp`, 'utf8').catch(() => '')]);
      // An Orin reports -256 °C for zones that are powered down.
      const c = Number(milli) / 1000;
      if (milli.trim() && c >= -40 && c <= 150) out[type.trim()] = c;
    }),
  );
  return out;
}
