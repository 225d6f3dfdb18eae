import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configSchema, type HeraldConfig } from './schema.ts';

export class ConfigError extends Error {}

// Each environment variable and the config key it sets. Values are parsed as
// YAML scalars so HERALD_MQTT_EMBEDDED=true is a boolean and lists can be
// given as [cpu].
const ENV_KEYS: Record<string, string> = {
  HERALD_DEVICE_ID: 'deviceId',
  HERALD_MQTT_URL: 'mqtt.url',
  HERALD_MQTT_USERNAME: 'mqtt.username',
  HERALD_MQTT_PASSWORD: 'mqtt.password',
  HERALD_MQTT_PASSWORD_FILE: 'mqtt.passwordFile',
  HERALD_MQTT_CA: 'mqtt.ca',
  HERALD_MQTT_CERT: 'mqtt.cert',
  HERALD_MQTT_KEY: 'mqtt.key',
  HERALD_MQTT_BASE_TOPIC: 'mqtt.baseTopic',
  HERALD_MQTT_EMBEDDED: 'mqtt.embedded',
  HERALD_MQTT_EMBEDDED_PORT: 'mqtt.embeddedPort',
  HERALD_AUDIO_DEVICE: 'audio.device',
  HERALD_AUDIO_CAPTURE_DEVICE: 'audio.captureDevice',
  HERALD_AUDIO_SAMPLE_RATE: 'audio.sampleRate',
  HERALD_VOICES_DIR: 'voices.dir',
  HERALD_VOICES_DEFAULT: 'voices.default',
  HERALD_ENGINE_PROVIDERS: 'engine.providers',
  HERALD_STATE_DIR: 'stateDir',
  HERALD_ZONES: 'zones',
  HERALD_LOG_LEVEL: 'log.level',
  HERALD_METRICS_INTERVAL_SECONDS: 'metrics.intervalSeconds',
  HERALD_HERMES_ENABLED: 'hermes.enabled',
  HERALD_HERMES_SITE_ID: 'hermes.siteId',
  HERALD_HOMEASSISTANT_ENABLED: 'homeassistant.enabled',
  HERALD_HOMEASSISTANT_DISCOVERY_PREFIX: 'homeassistant.discoveryPrefix',
  HERALD_WYOMING_ENABLED: 'wyoming.enabled',
  HERALD_WYOMING_URI: 'wyoming.uri',
  HERALD_POOL_SERVE: 'pool.serve',
  HERALD_POOL_USE: 'pool.use',
};

// Keys that hold text even when they look like numbers or booleans.
const STRING_KEYS = new Set(['deviceId', 'mqtt.username', 'mqtt.password', 'voices.default', 'audio.device', 'audio.captureDevice', 'hermes.siteId', 'homeassistant.discoveryPrefix', 'pool.use']);

export interface LoadedConfig {
  config: HeraldConfig;
  source: string;
}

export function findConfigFile(explicit?: string, env = process.env): string | undefined {
  if (explicit) return explicit;
  if (env.HERALD_CONFIG) return env.HERALD_CONFIG;
  for (const candidate of ['herald.yaml', '/etc/herald/config.yaml']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function loadConfig(explicit?: string, env = process.env): LoadedConfig {
  const file = findConfigFile(explicit, env);
  let raw: unknown = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read config file ${file}: ${(err as Error).message}`);
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (err) {
      throw new ConfigError(`config file ${file} is not valid YAML: ${(err as Error).message}`);
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`config file ${file} must hold a mapping of keys`);
  }
  const merged = structuredClone(raw) as Record<string, unknown>;
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(merged, key, STRING_KEYS.has(key) ? value : parseEnvValue(value));
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(top level)';
      const keys = 'keys' in issue && Array.isArray(issue.keys) ? ` ${issue.keys.join(', ')}` : '';
      return `${key}${keys}: ${issue.message}`;
    });
    throw new ConfigError(`invalid config${file ? ` in ${file}` : ''}: ${problems.join('; ')}`);
  }
  const config = result.data;
  // Relative paths are relative to the working directory (the checkout for
  // `npm start`, /opt/herald for the service), not to the config file.
  config.voices.dir = resolve(config.voices.dir);
  config.stateDir = resolve(config.stateDir);
  return { config, source: file ?? 'built-in defaults' };
}

function parseEnvValue(value: string): unknown {
  try {
    return parseYaml(value);
  } catch {
    return value;
  }
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}
