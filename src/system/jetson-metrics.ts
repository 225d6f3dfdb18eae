/**
 * Jetson facts from sysfs/procfs, without tegrastats, jtop or root.
 *
 * Every reader takes the filesystem root (default '/') so tests can point it at
 * a fake tree. A file that is missing or unreadable leaves its field absent; no
 * reader throws. Paths (JetPack 5/6 on Orin; older boards where noted):
 *
 * - GPU: the devfreq device whose of_node name is ga10b (Orin), gv11b (Xavier),
 *   gp10b (TX2) or gpu: /sys/class/devfreq/<dev>/{cur,min,max}_freq (Hz) and
 *   governor; /sys/class/devfreq/<dev>/device/load (per-mille) and
 *   railgate_enable. Fallbacks for the load: /sys/devices/gpu.0/load,
 *   /sys/devices/platform/gpu.0/load.
 * - EMC (memory) clock: a devfreq device named *.emc when the kernel exposes one
 *   (readable without root); else debugfs /sys/kernel/debug/bpmp/debug/clk/emc/rate
 *   (root only). /sys/kernel/actmon_avg_activity/mc_all is reported raw.
 * - Thermal: /sys/class/thermal/thermal_zone*\/{type,temp} (milli-degC); zones
 *   that report implausible values (Orin shows -256000 for unpowered ones) are dropped.
 * - Power mode: nvpmodel writes the active mode to /var/lib/nvpmodel/status as
 *   "pmode:0002"; /etc/nvpmodel.conf holds the catalogue
 *   ("< POWER_MODEL ID=2 NAME=MAXN_SUPER >") and the boot default
 *   ("< PM_CONFIG DEFAULT=2 >"), which applies when no status file exists.
 * - Power rails: INA3221 hwmon channels in{N}_label / in{N}_input (mV) / curr{N}_input (mA).
 * - Board: /proc/device-tree/{model,compatible}, /etc/nv_tegra_release.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface JetsonBoard {
  model?: string;
  /** device-tree compatible strings, most specific first. */
  compatible?: string[];
  /** e.g. 'tegra234' (Orin). */
  soc?: string;
  /** From /etc/nv_tegra_release, e.g. { major: 36, revision: '4.3' }. */
  l4t?: { major: number; revision: string };
}

export interface GpuMetrics {
  /** devfreq device name, e.g. '17000000.gpu'. */
  devfreq?: string;
  /** of_node name, e.g. 'ga10b'. */
  name?: string;
  loadPercent?: number;
  curFreqHz?: number;
  minFreqHz?: number;
  maxFreqHz?: number;
  governor?: string;
  railgateEnabled?: boolean;
}

export interface EmcMetrics {
  curFreqHz?: number;
  maxFreqHz?: number;
  source?: 'devfreq' | 'debugfs';
  /** Raw value of /sys/kernel/actmon_avg_activity/mc_all (units are the kernel's). */
  activityRaw?: number;
}

export interface ThermalZone {
  zone: string;
  type: string;
  tempC: number;
}

export interface PowerModeInfo {
  /** Active mode id and name; from the status file or, without one, the default. */
  id?: number;
  name?: string;
  source?: 'status' | 'default';
  defaultId?: number;
  modes?: { id: number; name: string }[];
}

export interface PowerRail {
  label: string;
  voltageMv?: number;
  currentMa?: number;
  powerMw?: number;
}

export interface GpuIdentity {
  /** GPU name for cache keys, e.g. 'ga10b'. */
  name: string;
  /** CUDA compute capability, e.g. '8.7'. */
  computeCapability: string;
  soc?: string;
}

export interface JetsonMetrics {
  isJetson: boolean;
  board?: JetsonBoard;
  gpu?: GpuMetrics;
  emc?: EmcMetrics;
  thermal?: ThermalZone[];
  powerMode?: PowerModeInfo;
  rails?: PowerRail[];
}

// ---------------------------------------------------------------------------
// small, never-throwing file helpers
// ---------------------------------------------------------------------------

function at(root: string, path: string): string {
  return join(root, path);
}

async function readText(root: string, path: string): Promise<string | undefined> {
  try {
    return await readFile(at(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

async function readTrimmed(root: string, path: string): Promise<string | undefined> {
  const t = await readText(root, path);
  if (t === undefined) return undefined;
  const v = t.replace(/\0+$/g, '').trim();
  return v.length > 0 ? v : undefined;
}

async function readNumber(root: string, path: string): Promise<number | undefined> {
  const t = await readTrimmed(root, path);
  if (t === undefined || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

async function list(root: string, path: string): Promise<string[]> {
  try {
    return (await readdir(at(root, path))).sort(naturalCompare);
  } catch {
    return [];
  }
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** T with every property optional and allowed to be undefined (input side of definedOnly). */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** Drop undefined-valued properties, so absent facts are absent keys. */
function definedOnly<T extends object>(o: Loose<T>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function nonEmpty<T extends object>(o: T): T | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

// ---------------------------------------------------------------------------
// board
// ---------------------------------------------------------------------------

export function parseNvTegraRelease(text: string): { major: number; revision: string } | undefined {
  const m = /^#\s*R(\d+)\s*\(release\),\s*REVISION:\s*([0-9.]+)/m.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), revision: m[2] as string };
}

export async function readBoard(root = '/'): Promise<JetsonBoard | undefined> {
  const [model, compatibleRaw, release] = await Promise.all([
    readTrimmed(root, '/proc/device-tree/model'),
    readText(root, '/proc/device-tree/compatible'),
    readText(root, '/etc/nv_tegra_release'),
  ]);
  const compatible = compatibleRaw
    ?.split('\0')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const soc = compatible?.map((c) => /^nvidia,(tegra\d+)$/.exec(c)?.[1]).find((s) => s !== undefined);
  const board = definedOnly<JetsonBoard>({
    model,
    compatible: compatible && compatible.length > 0 ? compatible : undefined,
    soc,
    l4t: release ? parseNvTegraRelease(release) : undefined,
  });
  return nonEmpty(board);
}

/** A Jetson (L4T) system: an nv_tegra_release file or an nvidia,tegra* device tree. */
export async function isJetson(root = '/'): Promise<boolean> {
  const release = await readText(root, '/etc/nv_tegra_release');
  if (release !== undefined && parseNvTegraRelease(release)) return true;
  const board = await readBoard(root);
  return board?.soc !== undefined;
}

const SOC_COMPUTE_CAPABILITY: Record<string, { cc: string; gpu: string }> = {
  tegra234: { cc: '8.7', gpu: 'ga10b' }, // Orin
  tegra194: { cc: '7.2', gpu: 'gv11b' }, // Xavier
  tegra186: { cc: '6.2', gpu: 'gp10b' }, // TX2
  tegra210: { cc: '5.3', gpu: 'gm20b' }, // Nano / TX1
};

/** GPU name and compute capability for cache keys; undefined off Jetson. */
export async function gpuIdentity(root = '/'): Promise<GpuIdentity | undefined> {
  const board = await readBoard(root);
  const soc = board?.soc;
  const known = soc ? SOC_COMPUTE_CAPABILITY[soc] : undefined;
  if (!known) return undefined;
  const gpu = await findGpuDevfreq(root);
  return definedOnly<GpuIdentity>({ name: gpu?.name && gpu.name !== 'gpu' ? gpu.name : known.gpu, computeCapability: known.cc, soc });
}

// ---------------------------------------------------------------------------
// GPU
// ---------------------------------------------------------------------------

const GPU_OF_NODE_NAMES = new Set(['ga10b', 'gv11b', 'gp10b', 'gm20b', 'gpu']);

async function findGpuDevfreq(root: string): Promise<{ dir: string; entry: string; name: string } | undefined> {
  for (const entry of await list(root, '/sys/class/devfreq')) {
    const dir = `/sys/class/devfreq/${entry}`;
    const ofName = await readTrimmed(root, `${dir}/device/of_node/name`);
    const name = ofName ?? (/\.(ga10b|gv11b|gp10b|gpu)$/.exec(entry)?.[1] as string | undefined);
    if (name && GPU_OF_NODE_NAMES.has(name)) return { dir, entry, name };
  }
  return undefined;
}

export async function readGpu(root = '/'): Promise<GpuMetrics | undefined> {
  const dev = await findGpuDevfreq(root);
  let load: number | undefined;
  let railgate: number | undefined;
  let freq: Loose<GpuMetrics> = {};
  if (dev) {
    const [cur, min, max, governor, l, rg] = await Promise.all([
      readNumber(root, `${dev.dir}/cur_freq`),
      readNumber(root, `${dev.dir}/min_freq`),
      readNumber(root, `${dev.dir}/max_freq`),
      readTrimmed(root, `${dev.dir}/governor`),
      readNumber(root, `${dev.dir}/device/load`),
      readNumber(root, `${dev.dir}/device/railgate_enable`),
    ]);
    freq = { curFreqHz: cur, minFreqHz: min, maxFreqHz: max, governor };
    load = l;
    railgate = rg;
  }
  if (load === undefined) {
    for (const p of ['/sys/devices/gpu.0/load', '/sys/devices/platform/gpu.0/load']) {
      load = await readNumber(root, p);
      if (load !== undefined) break;
    }
  }
  const gpu = definedOnly<GpuMetrics>({
    devfreq: dev?.entry,
    name: dev?.name,
    // the load file is per-mille
    loadPercent: load !== undefined && load >= 0 && load <= 1000 ? load / 10 : undefined,
    ...freq,
    railgateEnabled: railgate === undefined ? undefined : railgate === 1,
  });
  return nonEmpty(gpu);
}

// ---------------------------------------------------------------------------
// EMC
// ---------------------------------------------------------------------------

export async function readEmc(root = '/'): Promise<EmcMetrics | undefined> {
  let emc: EmcMetrics = {};
  for (const entry of await list(root, '/sys/class/devfreq')) {
    if (!/(^|\.)emc$/.test(entry)) continue;
    const dir = `/sys/class/devfreq/${entry}`;
    const [cur, max] = await Promise.all([readNumber(root, `${dir}/cur_freq`), readNumber(root, `${dir}/max_freq`)]);
    if (cur !== undefined) {
      emc = definedOnly<EmcMetrics>({ curFreqHz: cur, maxFreqHz: max, source: 'devfreq' });
      break;
    }
  }
  if (emc.curFreqHz === undefined) {
    const [rate, maxRate] = await Promise.all([
      readNumber(root, '/sys/kernel/debug/bpmp/debug/clk/emc/rate'),
      readNumber(root, '/sys/kernel/debug/bpmp/debug/clk/emc/max_rate'),
    ]);
    if (rate !== undefined) emc = definedOnly<EmcMetrics>({ curFreqHz: rate, maxFreqHz: maxRate, source: 'debugfs' });
  }
  const activity = await readNumber(root, '/sys/kernel/actmon_avg_activity/mc_all');
  if (activity !== undefined) emc.activityRaw = activity;
  return nonEmpty(emc);
}

// ---------------------------------------------------------------------------
// thermal
// ---------------------------------------------------------------------------

export async function readThermalZones(root = '/'): Promise<ThermalZone[] | undefined> {
  const zones = (await list(root, '/sys/class/thermal')).filter((z) => /^thermal_zone\d+$/.test(z));
  const read = await Promise.all(
    zones.map(async (zone): Promise<ThermalZone | undefined> => {
      const [type, milli] = await Promise.all([
        readTrimmed(root, `/sys/class/thermal/${zone}/type`),
        readNumber(root, `/sys/class/thermal/${zone}/temp`),
      ]);
      if (type === undefined || milli === undefined) return undefined;
      const tempC = milli / 1000;
      if (tempC < -40 || tempC > 150) return undefined; // e.g. -256 on unpowered Orin zones
      return { zone, type, tempC };
    }),
  );
  const ok = read.filter((z): z is ThermalZone => z !== undefined);
  return ok.length > 0 ? ok : undefined;
}

// ---------------------------------------------------------------------------
// power mode (nvpmodel)
// ---------------------------------------------------------------------------

export function parseNvpmodelConf(text: string): { modes: { id: number; name: string }[]; defaultId?: number } {
  const modes: { id: number; name: string }[] = [];
  let defaultId: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    const pm = /^<\s*POWER_MODEL\s+ID=(\d+)\s+NAME=([^\s>]+)\s*>/.exec(line);
    if (pm) {
      modes.push({ id: Number(pm[1]), name: pm[2] as string });
      continue;
    }
    const def = /^<\s*PM_CONFIG\s+DEFAULT=(\d+)\s*>/.exec(line);
    if (def) defaultId = Number(def[1]);
  }
  return defaultId === undefined ? { modes } : { modes, defaultId };
}

export function parseNvpmodelStatus(text: string): number | undefined {
  const m = /pmode:\s*(\d+)/.exec(text);
  return m ? Number.parseInt(m[1] as string, 10) : undefined;
}

export async function readPowerMode(root = '/'): Promise<PowerModeInfo | undefined> {
  const [conf, status] = await Promise.all([readText(root, '/etc/nvpmodel.conf'), readText(root, '/var/lib/nvpmodel/status')]);
  const parsed = conf !== undefined ? parseNvpmodelConf(conf) : undefined;
  const statusId = status !== undefined ? parseNvpmodelStatus(status) : undefined;
  const id = statusId ?? parsed?.defaultId;
  const info = definedOnly<PowerModeInfo>({
    id,
    name: id !== undefined ? parsed?.modes.find((m) => m.id === id)?.name : undefined,
    source: statusId !== undefined ? 'status' : id !== undefined ? 'default' : undefined,
    defaultId: parsed?.defaultId,
    modes: parsed && parsed.modes.length > 0 ? parsed.modes : undefined,
  });
  return nonEmpty(info);
}

// ---------------------------------------------------------------------------
// power rails (INA3221)
// ---------------------------------------------------------------------------

export async function readPowerRails(root = '/'): Promise<PowerRail[] | undefined> {
  const rails: PowerRail[] = [];
  const base = '/sys/bus/i2c/drivers/ina3221';
  for (const dev of await list(root, base)) {
    for (const hw of await list(root, `${base}/${dev}/hwmon`)) {
      const dir = `${base}/${dev}/hwmon/${hw}`;
      for (const f of await list(root, dir)) {
        const m = /^in(\d+)_label$/.exec(f);
        if (!m) continue;
        const n = m[1] as string;
        const [label, mv, ma] = await Promise.all([
          readTrimmed(root, `${dir}/${f}`),
          readNumber(root, `${dir}/in${n}_input`),
          readNumber(root, `${dir}/curr${n}_input`),
        ]);
        if (!label || label.toUpperCase() === 'NC') continue;
        rails.push(
          definedOnly<PowerRail>({
            label,
            voltageMv: mv,
            currentMa: ma,
            powerMw: mv !== undefined && ma !== undefined ? Math.round((mv * ma) / 1000) : undefined,
          }),
        );
      }
    }
  }
  return rails.length > 0 ? rails : undefined;
}

// ---------------------------------------------------------------------------
// everything
// ---------------------------------------------------------------------------

export async function readJetsonMetrics(root = '/'): Promise<JetsonMetrics> {
  const [jetson, board, gpu, emc, thermal, powerMode, rails] = await Promise.all([
    isJetson(root),
    readBoard(root),
    readGpu(root),
    readEmc(root),
    readThermalZones(root),
    readPowerMode(root),
    readPowerRails(root),
  ]);
  return definedOnly<JetsonMetrics>({ isJetson: jetson, board, gpu, emc, thermal, powerMode, rails });
}
