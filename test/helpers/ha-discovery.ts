// A check of device-based discovery payloads against what Home Assistant
// documents, since Home Assistant itself cannot be installed here. Sources:
//  - https://www.home-assistant.io/integrations/mqtt/ ("Discovery messages",
//    "Device discovery payload", the lists of supported abbreviations for
//    entities, the device registry and the origin);
//  - home-assistant/core homeassistant/components/mqtt/schemas.py
//    (DEVICE_DISCOVERY_SCHEMA: the top-level keys, device needs identifiers
//    or connections, origin needs name, each component needs platform);
//  - the MQTT platform pages notify.mqtt, select.mqtt, number.mqtt,
//    button.mqtt, sensor.mqtt (each one's options and which are required);
//  - sensor's and button's device classes and state classes on
//    https://www.home-assistant.io/integrations/sensor/ and /integrations/button/.
// Only the platforms Herald publishes are listed; any other fails.

// Abbreviation → option, for the options these platforms have.
const ABBREVIATIONS: Record<string, string> = {
  avty: 'availability',
  avty_mode: 'availability_mode',
  avty_t: 'availability_topic',
  avty_tpl: 'availability_template',
  cmd_t: 'command_topic',
  cmd_tpl: 'command_template',
  cmps: 'components',
  def_ent_id: 'default_entity_id',
  dev: 'device',
  dev_cla: 'device_class',
  e: 'encoding',
  en: 'enabled_by_default',
  ent_cat: 'entity_category',
  ent_pic: 'entity_picture',
  exp_aft: 'expire_after',
  frc_upd: 'force_update',
  ic: 'icon',
  json_attr_t: 'json_attributes_topic',
  json_attr_tpl: 'json_attributes_template',
  lrst_val_tpl: 'last_reset_value_template',
  o: 'origin',
  obj_id: 'object_id',
  ops: 'options',
  opt: 'optimistic',
  p: 'platform',
  pl_avail: 'payload_available',
  pl_not_avail: 'payload_not_available',
  pl_prs: 'payload_press',
  pl_rst: 'payload_reset',
  ret: 'retain',
  stat_cla: 'state_class',
  stat_t: 'state_topic',
  sug_dsp_prc: 'suggested_display_precision',
  t: 'topic',
  uniq_id: 'unique_id',
  unit_of_meas: 'unit_of_measurement',
  val_tpl: 'value_template',
};
const DEVICE_ABBREVIATIONS: Record<string, string> = {
  cns: 'connections',
  cu: 'configuration_url',
  hw: 'hw_version',
  ids: 'identifiers',
  mdl: 'model',
  mdl_id: 'model_id',
  mf: 'manufacturer',
  sa: 'suggested_area',
  sn: 'serial_number',
  sw: 'sw_version',
};
const ORIGIN_ABBREVIATIONS: Record<string, string> = { sw: 'sw_version', url: 'support_url' };

// DEVICE_DISCOVERY_SCHEMA takes these and nothing else at the top.
const TOP_LEVEL = new Set(['device', 'origin', 'components', 'availability', 'availability_mode', 'availability_topic', 'availability_template', 'payload_available', 'payload_not_available', 'state_topic', 'command_topic', 'qos', 'encoding']);
// Inherited by each component unless it sets its own (SHARED_OPTIONS).
const SHARED = ['availability', 'availability_mode', 'availability_template', 'availability_topic', 'command_topic', 'payload_available', 'payload_not_available', 'state_topic'];
const DEVICE_KEYS = new Set(['identifiers', 'connections', 'manufacturer', 'model', 'model_id', 'name', 'hw_version', 'serial_number', 'sw_version', 'via_device', 'suggested_area', 'configuration_url']);
const ORIGIN_KEYS = new Set(['name', 'sw_version', 'support_url']);

// Options every MQTT entity platform has.
const ENTITY_COMMON = [
  'platform', 'availability', 'availability_mode', 'availability_template', 'availability_topic', 'payload_available', 'payload_not_available',
  'default_entity_id', 'enabled_by_default', 'encoding', 'entity_category', 'entity_picture', 'icon', 'json_attributes_template', 'json_attributes_topic',
  'name', 'object_id', 'qos', 'unique_id',
];

interface PlatformRules {
  keys: string[];
  required: string[];
}

const PLATFORMS: Record<string, PlatformRules> = {
  notify: { keys: ['command_topic', 'command_template', 'retain'], required: ['command_topic'] },
  select: { keys: ['command_topic', 'command_template', 'options', 'optimistic', 'retain', 'state_topic', 'value_template'], required: ['command_topic', 'options'] },
  number: {
    keys: ['command_topic', 'command_template', 'device_class', 'max', 'min', 'mode', 'optimistic', 'payload_reset', 'retain', 'state_topic', 'step', 'unit_of_measurement', 'value_template'],
    required: ['command_topic'],
  },
  button: { keys: ['command_topic', 'command_template', 'device_class', 'payload_press', 'retain'], required: ['command_topic'] },
  sensor: {
    keys: ['state_topic', 'device_class', 'expire_after', 'force_update', 'last_reset_value_template', 'options', 'state_class', 'suggested_display_precision', 'unit_of_measurement', 'value_template'],
    required: ['state_topic'],
  },
};

const ENTITY_CATEGORIES = ['config', 'diagnostic'];
const STATE_CLASSES = ['measurement', 'measurement_angle', 'total', 'total_increasing'];
const BUTTON_CLASSES = ['identify', 'restart', 'update'];
const DURATION_UNITS = ['d', 'h', 'min', 's', 'ms', 'µs'];
const ID = /^[a-zA-Z0-9_-]+$/;

// Expands abbreviations; a key given both ways is a problem.
function expand(obj: Record<string, unknown>, table: Record<string, string>, where: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const full = table[key] ?? key;
    if (full in out) problems.push(`${where}: '${full}' given twice (as '${key}' too)`);
    out[full] = value;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTopic = (v: unknown) => typeof v === 'string' && v.length > 0 && !/[#+\u0000]/.test(v);

// Every problem found, [] for a payload Home Assistant would take.
export function discoveryProblems(topic: string, payload: unknown): string[] {
  const problems: string[] = [];
  const m = /^[^/]+(?:\/[^/]+)*\/device\/([^/]+)\/config$/.exec(topic);
  if (!m || !ID.test(m[1])) problems.push(`topic ${topic}: not <prefix>/device/<object_id>/config with object_id of [a-zA-Z0-9_-]`);
  if (!isObject(payload)) return [...problems, 'payload: not a JSON object'];
  const top = expand(payload, ABBREVIATIONS, 'payload', problems);
  for (const key of Object.keys(top)) if (!TOP_LEVEL.has(key)) problems.push(`payload: '${key}' is not allowed at the top of a device discovery payload`);
  for (const key of ['device', 'origin', 'components']) if (!(key in top)) problems.push(`payload: '${key}' is required`);
  if ('availability' in top && 'availability_topic' in top) problems.push("payload: 'availability' and 'availability_topic' exclude each other");
  if ('qos' in top && ![0, 1, 2].includes(top.qos as number)) problems.push(`payload: qos ${JSON.stringify(top.qos)} is not 0, 1 or 2`);

  if (isObject(top.device)) {
    const dev = expand(top.device, DEVICE_ABBREVIATIONS, 'device', problems);
    for (const key of Object.keys(dev)) if (!DEVICE_KEYS.has(key)) problems.push(`device: unknown option '${key}'`);
    const ids = ([] as unknown[]).concat(dev.identifiers ?? []);
    const cns = ([] as unknown[]).concat(dev.connections ?? []);
    if (!ids.length && !cns.length) problems.push('device: needs at least one of identifiers or connections');
    if (ids.some((i) => typeof i !== 'string')) problems.push('device: identifiers must be strings');
    for (const key of ['name', 'manufacturer', 'model', 'sw_version', 'hw_version']) if (key in dev && typeof dev[key] !== 'string') problems.push(`device: ${key} must be a string`);
  } else if ('device' in top) problems.push('device: must be an object');

  if (isObject(top.origin)) {
    const o = expand(top.origin, ORIGIN_ABBREVIATIONS, 'origin', problems);
    for (const key of Object.keys(o)) if (!ORIGIN_KEYS.has(key)) problems.push(`origin: unknown option '${key}'`);
    if (typeof o.name !== 'string' || !o.name) problems.push('origin: name is required');
    if ('support_url' in o && !/^https?:\/\//.test(String(o.support_url))) problems.push('origin: support_url must be an http(s) URL');
  } else if ('origin' in top) problems.push('origin: must be an object');

  if (!isObject(top.components)) {
    if ('components' in top) problems.push('components: must be an object of component id → config');
    return problems;
  }
  const uniqueIds = new Set<string>();
  for (const [id, raw] of Object.entries(top.components)) {
    const where = `components.${id}`;
    if (!ID.test(id)) problems.push(`${where}: id must be of [a-zA-Z0-9_-]`);
    if (!isObject(raw)) {
      problems.push(`${where}: must be an object`);
      continue;
    }
    const c = expand(raw, ABBREVIATIONS, where, problems);
    const rules = PLATFORMS[c.platform as string];
    if (!rules) {
      problems.push(`${where}: platform ${JSON.stringify(c.platform)} is missing or not one of ${Object.keys(PLATFORMS).join(', ')}`);
      continue;
    }
    const allowed = new Set([...ENTITY_COMMON, ...rules.keys]);
    for (const key of Object.keys(c)) if (!allowed.has(key)) problems.push(`${where}: '${key}' is not an option of the ${c.platform} platform`);
    // What the component ends up with, shared options included.
    const merged: Record<string, unknown> = { ...c };
    for (const key of SHARED) if (key in top && !(key in merged)) merged[key] = top[key];
    for (const key of rules.required) if (!(key in merged)) problems.push(`${where}: ${c.platform} requires '${key}'`);
    if (typeof c.unique_id !== 'string' || !c.unique_id) problems.push(`${where}: unique_id is required with device discovery`);
    else if (uniqueIds.has(c.unique_id)) problems.push(`${where}: unique_id ${c.unique_id} used twice`);
    else uniqueIds.add(c.unique_id);
    for (const key of ['command_topic', 'state_topic', 'availability_topic']) if (key in merged && !isTopic(merged[key])) problems.push(`${where}: ${key} must be a topic without wildcards`);
    if ('entity_category' in c && !ENTITY_CATEGORIES.includes(c.entity_category as string)) problems.push(`${where}: entity_category must be one of ${ENTITY_CATEGORIES.join(', ')}`);
    if ('qos' in c && ![0, 1, 2].includes(c.qos as number)) problems.push(`${where}: qos must be 0, 1 or 2`);
    if ('icon' in c && !/^[a-z]+:[a-z0-9-]+$/.test(String(c.icon))) problems.push(`${where}: icon must look like mdi:name`);
    platformChecks(c, where, problems);
  }
  return problems;
}

function platformChecks(c: Record<string, unknown>, where: string, problems: string[]): void {
  const isStringList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
  if (c.platform === 'select' && !isStringList(c.options)) problems.push(`${where}: options must be a non-empty list of strings`);
  if (c.platform === 'number') {
    const min = (c.min ?? 1) as number;
    const max = (c.max ?? 100) as number;
    const step = (c.step ?? 1) as number;
    if (typeof min !== 'number' || typeof max !== 'number' || !(min < max)) problems.push(`${where}: min and max must be numbers with min < max`);
    if (typeof step !== 'number' || !(step >= 0.001)) problems.push(`${where}: step must be a number of at least 0.001`);
    if ('mode' in c && !['auto', 'box', 'slider'].includes(c.mode as string)) problems.push(`${where}: mode must be auto, box or slider`);
  }
  if (c.platform === 'button' && 'device_class' in c && !BUTTON_CLASSES.includes(c.device_class as string)) problems.push(`${where}: button device_class must be one of ${BUTTON_CLASSES.join(', ')}`);
  if (c.platform === 'sensor') {
    if ('state_class' in c && !STATE_CLASSES.includes(c.state_class as string)) problems.push(`${where}: state_class must be one of ${STATE_CLASSES.join(', ')}`);
    if (c.device_class === 'enum') {
      if (!isStringList(c.options)) problems.push(`${where}: an enum sensor needs options`);
      if ('unit_of_measurement' in c || 'state_class' in c) problems.push(`${where}: an enum sensor takes no unit_of_measurement or state_class`);
    } else if ('options' in c) problems.push(`${where}: options are only for device_class enum`);
    if (c.device_class === 'duration' && !DURATION_UNITS.includes(c.unit_of_measurement as string)) problems.push(`${where}: a duration's unit must be one of ${DURATION_UNITS.join(', ')}`);
  }
}

export function assertValidDiscovery(topic: string, payload: unknown): void {
  const problems = discoveryProblems(topic, payload);
  if (problems.length) throw new Error(`invalid Home Assistant discovery payload on ${topic}:\n  ${problems.join('\n  ')}`);
}
