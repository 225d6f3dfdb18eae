/**
 * Jetson telemetry from sysfs/procfs, without tegrastats, jtop or root
 * (JetPack 5/6 paths). Which files exist is found once per root and cached:
 * off a Jetson that is two failed reads for the life of the process, and on
 * one each tick reads only the files that were there. Every reader takes the
 * filesystem root so tests can use a fake tree; nothing here throws.
 *
 * - Board: /etc/nv_tegra_release (L4T release), /proc/device-tree/{model,compatible}.
 * - GPU: the devfreq device whose of_node name is ga10b (Orin), gv11b (Xavier),
 *   gp10b (TX2) or gm20b (Nano): {cur,max}_freq in Hz, device/load in per-mille.
 * - EMC (memory clock): a devfreq device named *.emc.
 * - Thermal zones are read for every device by metrics.ts.
 * - Power mode: nvpmodel writes "pmode:0002" to /var/lib/nvpmodel/status;
 *   /etc/nvpmodel.conf names the modes and the boot default.
 * - Power rails: INA3221 hwmon in{N}_label, in{N}_input (mV), curr{N}_input (mA).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface JetsonMetrics {
  board: { model?: string; soc?: string; l4t?: string };
  gpu?: { name: string; loadPercent?: number; curFreqHz?: number; maxFreqHz?: number };
  emc?: { curFreqHz?: number; maxFreqHz?: number };
  powerMode?: { id: number; name?: string };
  railsMw?: Record<string, number>;
}

export interface GpuIdentity {
  // For engine cache keys, e.g. 'ga10b'.
  name: string;
  // CUDA compute capability, e.g. '8.7'.
  computeCapability: string;
}

const SOCS: Record<string, GpuIdentity> = {
  tegra234: { name: 'ga10b', computeCapability: '8.7' }, // Orin
  tegra194: { name: 'gv11b', computeCapability: '7.2' }, // Xavier
  tegra186: { name: 'gp10b', computeCapability: '6.2' }, // TX2
  tegra210: { name: 'gm20b', computeCapability: '5.3' }, // Nano, TX1
};

// What this machine has, found once.
interface Layout {
  board: JetsonMetrics['board'];
  gpu?: { name: string; dir: string };
  emcDir?: string;
  rails: { label: string; dir: string; n: string }[];
  modes: Map<number, string>;
  defaultMode?: number;
}

async function text(root: string, path: string): Promise<string | undefined> {
  try {
    return (await readFile(join(root, path), 'utf8')).replace(/\0+$/, '').trim() || undefined;
  } catch {
    return undefined;
  }
}

async function num(root: string, path: string): Promise<number | undefined> {
  const t = await text(root, path);
  return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
}

async function list(root: string, path: string): Promise<string[]> {
  try {
    return (await readdir(join(root, path))).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

async function discover(root: string): Promise<Layout | undefined> {
  const [release, compatible] = await Promise.all([text(root, '/etc/nv_tegra_release'), text(root, '/proc/device-tree/compatible')]);
  const l4t = release && /^#\s*R(\d+)\s*\(release\),\s*REVISION:\s*([0-9.]+)/m.exec(release);
  const soc = compatible
    ?.split('\0')
    .map((c) => /^nvidia,(tegra\d+)$/.exec(c.trim())?.[1])
    .find((s) => s !== undefined);
  if (!l4t && !soc) return undefined;
  const layout: Layout = { board: {}, rails: [], modes: new Map() };
  const model = await text(root, '/proc/device-tree/model');
  layout.board = { ...(model ? { model } : {}), ...(soc ? { soc } : {}), ...(l4t ? { l4t: `R${l4t[1]}.${l4t[2]}` } : {}) };
  for (const entry of await list(root, '/sys/class/devfreq')) {
    const dir = `/sys/class/devfreq/${entry}`;
    // Some kernels call the GPU's node plain "gpu"; its devfreq entry is then <address>.gpu.
    const node = await text(root, `${dir}/device/of_node/name`);
    const isGpu = Object.values(SOCS).some((s) => s.name === node) || node === 'gpu' || /\.gpu$/.test(entry);
    if (!layout.gpu && isGpu) layout.gpu = { name: node && node !== 'gpu' ? node : ((soc && SOCS[soc]?.name) ?? 'gpu'), dir };
    if (!layout.emcDir && /(^|\.)emc$/.test(entry)) layout.emcDir = dir;
  }
  const ina = '/sys/bus/i2c/drivers/ina3221';
  for (const dev of await list(root, ina)) {
    for (const hw of await list(root, `${ina}/${dev}/hwmon`)) {
      const dir = `${ina}/${dev}/hwmon/${hw}`;
      for (const f of await list(root, dir)) {
        const n = /^in(\d+)_label$/.exec(f)?.[1];
        const label = n && (await text(root, `${dir}/${f}`));
        if (n && label && label.toUpperCase() !== 'NC') layout.rails.push({ label, dir, n });
      }
    }
  }
  for (const line of (await text(root, '/etc/nvpmodel.conf'))?.split('\n') ?? []) {
    const mode = /^<\s*POWER_MODEL\s+ID=(\d+)\s+NAME=([^\s>]+)\s*>/.exec(line.trim());
    if (mode) layout.modes.set(Number(mode[1]), mode[2] as string);
    const def = /^<\s*PM_CONFIG\s+DEFAULT=(\d+)\s*>/.exec(line.trim());
    if (def) layout.defaultMode = Number(def[1]);
  }
  return layout;
}

const layouts = new Map<string, Promise<Layout | undefined>>();
function layoutOf(root: string): Promise<Layout | undefined> {
  let layout = layouts.get(root);
  if (!layout) layouts.set(root, (layout = discover(root)));
  return layout;
}

// GPU name and compute capability for engine cache keys; undefined off a Jetson.
export async function gpuIdentity(root = '/'): Promise<GpuIdentity | undefined> {
  const layout = await layoutOf(root);
  const known = layout?.board.soc ? SOCS[layout.board.soc] : undefined;
  return known && { name: layout?.gpu?.name ?? known.name, computeCapability: known.computeCapability };
}

// Absent facts are absent keys; undefined off a Jetson.
export async function readJetsonMetrics(root = '/'): Promise<JetsonMetrics | undefined> {
  const layout = await layoutOf(root);
  if (!layout) return undefined;
  const metrics: JetsonMetrics = { board: layout.board };
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const [gpu, emc, rails, status] = await Promise.all([
    layout.gpu &&
      Promise.all([num(root, `${layout.gpu.dir}/device/load`), num(root, `${layout.gpu.dir}/cur_freq`), num(root, `${layout.gpu.dir}/max_freq`)]).then(([load, cur, max]) =>
        defined({ name: layout.gpu?.name as string, loadPercent: load === undefined ? undefined : load / 10, curFreqHz: cur, maxFreqHz: max }),
      ),
    layout.emcDir && Promise.all([num(root, `${layout.emcDir}/cur_freq`), num(root, `${layout.emcDir}/max_freq`)]).then(([cur, max]) => defined({ curFreqHz: cur, maxFreqHz: max })),
    Promise.all(layout.rails.map(async (r) => [r.label, await num(root, `${r.dir}/in${r.n}_input`), await num(root, `${r.dir}/curr${r.n}_input`)] as const)),
    text(root, '/var/lib/nvpmodel/status'),
  ]);
  if (gpu) metrics.gpu = gpu;
  if (emc && Object.keys(emc).length) metrics.emc = emc;
  const railsMw = Object.fromEntries(rails.filter(([, mv, ma]) => mv !== undefined && ma !== undefined).map(([label, mv, ma]) => [label, Math.round(((mv as number) * (ma as number)) / 1000)]));
  if (Object.keys(railsMw).length) metrics.railsMw = railsMw;
  const id = Number(/pmode:\s*(\d+)/.exec(status ?? '')?.[1] ?? layout.defaultMode ?? Number.NaN);
  if (Number.isInteger(id)) metrics.powerMode = defined({ id, name: layout.modes.get(id) });
  return metrics;
}
