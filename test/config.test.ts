// Config loading: which file wins, environment overrides, and errors that name
// the key at fault. Real files in a temp dir, a real working-directory change
// for ./herald.yaml.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, findConfigFile, loadConfig } from '../src/config/load.ts';
import { configSchema } from '../src/config/schema.ts';

let dir: string;
let cwd: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'herald-config-'));
  cwd = process.cwd();
  // ./herald.yaml is looked up in the working directory.
  process.chdir(dir);
});
after(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('config file precedence: --config > HERALD_CONFIG > ./herald.yaml > defaults', () => {
  test('built-in defaults when there is no file at all', () => {
    const { config, source } = loadConfig(undefined, {});
    assert.equal(source, 'built-in defaults');
    assert.equal(config.mqtt.url, 'mqtt://127.0.0.1:1883');
    assert.equal(config.audio.sampleRate, 22050);
    assert.equal(config.audio.captureDevice, 'default');
    assert.deepEqual(config.engine.providers, ['tensorrt', 'cuda', 'cpu']);
    assert.equal(config.queue.maxLength, 200);
    assert.equal(config.limits.maxChars, 2000);
    assert.match(config.deviceId, /^[A-Za-z0-9_.-]{1,64}$/);
  });

  test('./herald.yaml is used when nothing else names a file', () => {
    file('herald.yaml', 'deviceId: from-cwd\n');
    try {
      const { config, source } = loadConfig(undefined, {});
      assert.equal(config.deviceId, 'from-cwd');
      assert.equal(source, 'herald.yaml');
    } finally {
      rmSync(join(dir, 'herald.yaml'));
    }
  });

  test('HERALD_CONFIG beats ./herald.yaml, --config beats both', () => {
    file('herald.yaml', 'deviceId: from-cwd\n');
    const envFile = file('env.yaml', 'deviceId: from-env\n');
    const argFile = file('arg.yaml', 'deviceId: from-arg\n');
    try {
      assert.equal(loadConfig(undefined, { HERALD_CONFIG: envFile }).config.deviceId, 'from-env');
      assert.equal(loadConfig(argFile, { HERALD_CONFIG: envFile }).config.deviceId, 'from-arg');
      assert.equal(findConfigFile(argFile, { HERALD_CONFIG: envFile }), argFile);
      assert.equal(findConfigFile(undefined, { HERALD_CONFIG: envFile }), envFile);
      assert.equal(findConfigFile(undefined, {}), 'herald.yaml');
    } finally {
      rmSync(join(dir, 'herald.yaml'));
    }
  });

  test('a named file that does not exist is an error, not a silent fallback', () => {
    assert.throws(() => loadConfig(join(dir, 'missing.yaml'), {}), (err: Error) => err instanceof ConfigError && /cannot read config file .*missing\.yaml/.test(err.message));
  });
});

describe('environment overrides', () => {
  test('HERALD_* variables override the file, typed like YAML scalars', () => {
    const path = file(
      'env-override.yaml',
      ['deviceId: file-id', 'mqtt:', '  url: mqtt://file-host:1883', '  embedded: false', 'engine:', '  providers: [tensorrt, cuda, cpu]', 'audio:', '  device: default'].join('\n'),
    );
    const { config } = loadConfig(path, {
      HERALD_MQTT_URL: 'mqtts://env-host:8883',
      HERALD_MQTT_EMBEDDED: 'true',
      HERALD_MQTT_EMBEDDED_PORT: '18830',
      HERALD_ENGINE_PROVIDERS: '[cpu]',
      HERALD_ZONES: '[kitchen, hall]',
      HERALD_AUDIO_SAMPLE_RATE: '48000',
      HERALD_LOG_LEVEL: 'debug',
    });
    assert.equal(config.deviceId, 'file-id', 'not overridden stays');
    assert.equal(config.mqtt.url, 'mqtts://env-host:8883');
    assert.equal(config.mqtt.embedded, true);
    assert.equal(config.mqtt.embeddedPort, 18830);
    assert.deepEqual(config.engine.providers, ['cpu']);
    assert.deepEqual(config.zones, ['kitchen', 'hall']);
    assert.equal(config.audio.sampleRate, 48000);
    assert.equal(config.log.level, 'debug');
  });

  test('text keys stay text even when they look like numbers or booleans', () => {
    const { config } = loadConfig(undefined, { HERALD_DEVICE_ID: '1234', HERALD_AUDIO_DEVICE: 'hw:1,0', HERALD_AUDIO_CAPTURE_DEVICE: '0', HERALD_MQTT_PASSWORD: 'true', HERALD_VOICES_DEFAULT: 'null' });
    assert.equal(config.deviceId, '1234');
    assert.equal(config.audio.device, 'hw:1,0');
    assert.equal(config.audio.captureDevice, '0');
    assert.equal(config.mqtt.password, 'true');
    assert.equal(config.voices.default, 'null');
  });

  test('an empty variable does not override', () => {
    const path = file('empty-env.yaml', 'mqtt:\n  url: mqtt://file-host:1883\n');
    assert.equal(loadConfig(path, { HERALD_MQTT_URL: '' }).config.mqtt.url, 'mqtt://file-host:1883');
  });

  test('relative voices.dir and stateDir resolve against the working directory', () => {
    const path = file('rel.yaml', 'voices:\n  dir: my-voices\nstateDir: st\n');
    const { config } = loadConfig(path, {});
    assert.equal(config.voices.dir, resolve(dir, 'my-voices'));
    assert.equal(config.stateDir, resolve(dir, 'st'));
  });
});

describe('config errors name the key', () => {
  const loadError = (yaml: string, env: Record<string, string> = {}): string => {
    const path = file(`bad-${Math.random().toString(36).slice(2)}.yaml`, yaml);
    try {
      loadConfig(path, env);
    } catch (err) {
      assert.ok(err instanceof ConfigError, `ConfigError, got ${(err as Error).constructor.name}`);
      assert.ok((err as Error).message.includes(path), 'names the file');
      return (err as Error).message;
    }
    assert.fail('expected a ConfigError');
  };

  test('an unknown key inside a section', () => {
    assert.match(loadError('mqtt:\n  ulr: mqtt://x:1883\n'), /mqtt.*ulr/);
  });

  test('an unknown top-level key', () => {
    assert.match(loadError('voice:\n  dir: x\n'), /voice\b/);
  });

  test('a value out of range names its full path', () => {
    assert.match(loadError('queue:\n  maxLength: 0\n'), /queue\.maxLength/);
    assert.match(loadError('engine:\n  providers: [cpu, rocm]\n'), /engine\.providers\.1/);
  });

  test('a device id that could not be an MQTT topic level', () => {
    assert.match(loadError('deviceId: "living/room"\n'), /deviceId.*MQTT topic level/);
    assert.match(loadError('deviceId: "a+#"\n'), /deviceId/);
  });

  test('an ALSA device name with shell characters', () => {
    assert.match(loadError('audio:\n  device: "hw:0; rm -rf /"\n'), /audio\.device.*ALSA device name/);
    assert.match(loadError('audio:\n  captureDevice: "$(reboot)"\n'), /audio\.captureDevice.*ALSA device name/);
  });

  test('a bad value from the environment is reported the same way', () => {
    assert.match(loadError('{}\n', { HERALD_MQTT_URL: 'localhost:1883' }), /mqtt\.url/);
  });

  test('YAML that does not parse, and YAML that is not a mapping', () => {
    assert.match(loadError('mqtt: [unclosed\n'), /not valid YAML/);
    assert.match(loadError('- a\n- b\n'), /mapping/);
  });
});

describe('configSchema', () => {
  test('a test can build a full config from a partial object', () => {
    const config = configSchema.parse({ deviceId: 'x', queue: { maxLength: 3 } });
    assert.equal(config.queue.maxLength, 3);
    assert.equal(config.queue.defaultTtlSeconds, 600);
    assert.equal(config.mqtt.baseTopic, 'herald');
  });
});
