import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gpuIdentity, readJetsonMetrics } from '../src/system/jetson-metrics.ts';
import { readSystemMetrics } from '../src/system/metrics.ts';

const NVPMODEL_CONF = `
# comment line < POWER_MODEL ID=9 NAME=COMMENTED >
< POWER_MODEL ID=0 NAME=15W >
CPU_ONLINE CORE_0 1
GPU MAX_FREQ 612000000
< POWER_MODEL ID=1 NAME=25W >
GPU MAX_FREQ 918000000
< POWER_MODEL ID=2 NAME=MAXN_SUPER >
GPU MAX_FREQ -1
< POWER_MODEL ID=3 NAME=7W >
< PM_CONFIG DEFAULT=2 >
`;

async function tree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/** An Orin Nano on JetPack 6, as far as these readers care. */
const ORIN: Record<string, string> = {
  '/etc/nv_tegra_release': '# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n',
  '/proc/device-tree/model': 'NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super\0',
  '/proc/device-tree/compatible': 'nvidia,p3768-0000+p3767-0005-super\0nvidia,p3767-0005\0nvidia,tegra234\0',
  '/sys/class/devfreq/15340000.vic/cur_freq': '115200000\n',
  '/sys/class/devfreq/15340000.vic/device/of_node/name': 'vic\0',
  '/sys/class/devfreq/17000000.gpu/cur_freq': '306000000\n',
  '/sys/class/devfreq/17000000.gpu/min_freq': '306000000\n',
  '/sys/class/devfreq/17000000.gpu/max_freq': '1020000000\n',
  '/sys/class/devfreq/17000000.gpu/governor': 'nvhost_podgov\n',
  '/sys/class/devfreq/17000000.gpu/device/of_node/name': 'ga10b\0',
  '/sys/class/devfreq/17000000.gpu/device/load': '123\n',
  '/sys/class/devfreq/17000000.gpu/device/railgate_enable': '1\n',
  '/sys/class/devfreq/31d0000.emc/cur_freq': '2133000000\n',
  '/sys/class/devfreq/31d0000.emc/max_freq': '3199000000\n',
  '/sys/kernel/actmon_avg_activity/mc_all': '123456\n',
  '/sys/class/thermal/thermal_zone0/type': 'cpu-thermal\n',
  '/sys/class/thermal/thermal_zone0/temp': '45500\n',
  '/sys/class/thermal/thermal_zone1/type': 'gpu-thermal\n',
  '/sys/class/thermal/thermal_zone1/temp': '44000\n',
  '/sys/class/thermal/thermal_zone2/type': 'cv0-thermal\n',
  '/sys/class/thermal/thermal_zone2/temp': '-256000\n',
  '/sys/class/thermal/thermal_zone3/type': 'no-temp-thermal\n',
  '/sys/class/thermal/thermal_zone10/type': 'tj-thermal\n',
  '/sys/class/thermal/thermal_zone10/temp': '46250\n',
  '/sys/class/thermal/cooling_device0/type': 'pwm-fan\n',
  '/etc/nvpmodel.conf': NVPMODEL_CONF,
  '/var/lib/nvpmodel/status': 'pmode:0000 fmode:fanNull\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/in1_label': 'VDD_IN\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/in1_input': '5072\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/curr1_input': '1520\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/in2_label': 'VDD_CPU_GPU_CV\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/in2_input': '5064\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/curr2_input': '400\n',
  '/sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/in3_label': 'NC\n',
};

describe('jetson-metrics against a fake sysfs tree', () => {
  let base: string;
  const root = (name: string): string => join(base, name);

  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'herald-sysfs-'));
    await tree(root('orin'), ORIN);
    // Xavier-style: the GPU's devfreq entry has no of_node name, no status file
    await tree(root('xavier'), {
      '/proc/device-tree/compatible': 'nvidia,p2972-0000\0nvidia,tegra194\0',
      '/etc/nvpmodel.conf': NVPMODEL_CONF,
      // a directory where a file is expected must not throw either
      '/sys/class/devfreq/17000000.gpu/cur_freq/oops': 'x',
    });
    await mkdir(root('empty'), { recursive: true });
  });

  after(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('reads an Orin', async () => {
    const m = await readJetsonMetrics(root('orin'));
    assert.deepEqual(m, {
      board: { model: 'NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super', soc: 'tegra234', l4t: 'R36.4.3' },
      gpu: { name: 'ga10b', loadPercent: 12.3, curFreqHz: 306000000, maxFreqHz: 1020000000 },
      emc: { curFreqHz: 2133000000, maxFreqHz: 3199000000 },
      powerMode: { id: 0, name: '15W' },
      railsMw: { VDD_IN: 7709, VDD_CPU_GPU_CV: 2026 },
    });
  });

  it('thermal zones, on a Jetson as anywhere: unpowered and unreadable zones left out', async () => {
    const m = await readSystemMetrics(`${root('orin')}/sys/class/thermal`);
    assert.deepEqual(m.temperaturesC, { 'cpu-thermal': 45.5, 'gpu-thermal': 44, 'tj-thermal': 46.25 });
  });

  it('reads the changing files again on every call', async () => {
    await tree(root('orin'), { '/sys/class/devfreq/17000000.gpu/device/load': '875\n', '/var/lib/nvpmodel/status': 'pmode:0002\n' });
    const m = await readJetsonMetrics(root('orin'));
    assert.equal(m?.gpu?.loadPercent, 87.5);
    assert.deepEqual(m?.powerMode, { id: 2, name: 'MAXN_SUPER' });
  });

  it('gives the GPU identity used in TensorRT cache keys', async () => {
    assert.deepEqual(await gpuIdentity(root('orin')), { name: 'ga10b', computeCapability: '8.7' });
    assert.deepEqual(await gpuIdentity(root('xavier')), { name: 'gv11b', computeCapability: '7.2' });
    assert.equal(await gpuIdentity(root('empty')), undefined);
  });

  it('a board with few files: what is there, and the nvpmodel default without a status file', async () => {
    assert.notEqual(await readJetsonMetrics(root('xavier')), undefined);
    assert.deepEqual(await readJetsonMetrics(root('xavier')), { board: { soc: 'tegra194' }, gpu: { name: 'gv11b' }, powerMode: { id: 2, name: 'MAXN_SUPER' } });
  });

  it('off a Jetson: nothing, decided once', async () => {
    assert.equal(await readJetsonMetrics(root('empty')), undefined);
    assert.equal(await readJetsonMetrics(root('does-not-exist')), undefined);
    // Decided at the first call: a file that appears later is not looked for.
    await tree(root('empty'), { '/etc/nv_tegra_release': ORIN['/etc/nv_tegra_release'] as string });
    assert.equal(await readJetsonMetrics(root('empty')), undefined);
  });
});
