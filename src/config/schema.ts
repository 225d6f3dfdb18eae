import { hostname } from 'node:os';
import { z } from 'zod';

// Device ids and zones become MQTT topic levels: keep them to characters that
// can never be wildcards or separators.
const topicLevel = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-" and "." only (1–64), since it becomes an MQTT topic level');

// ALSA device names are passed to a native library and to child processes:
// accept the forms ALSA documents (default, hw:0,0, plughw:CARD=x,DEV=0, a PCM name).
export const alsaDeviceName = z.string().regex(/^[A-Za-z0-9_:=,.-]{1,128}$/, 'not an ALSA device name (e.g. default, plughw:CARD=Device,DEV=0)');

export const PROVIDERS = ['tensorrt', 'cuda', 'cpu'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

const mqtt = z.strictObject({
  url: z.string().regex(/^(mqtts?|wss?|tcp|ssl):\/\/.+/, 'must be a URL such as mqtt://host:1883 or mqtts://host:8883').default('mqtt://127.0.0.1:1883'),
  username: z.string().optional(),
  password: z.string().optional(),
  passwordFile: z.string().optional(),
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
  rejectUnauthorized: z.boolean().default(true),
  baseTopic: z.string().regex(/^[A-Za-z0-9_\/-]{1,64}$/, 'letters, digits, "_", "-" and "/" only').default('herald'),
  embedded: z.boolean().default(false),
  embeddedPort: z.number().int().min(1).max(65535).default(1883),
  protocolVersion: z.union([z.literal(4), z.literal(5)]).default(5),
  keepaliveSeconds: z.number().int().min(5).max(3600).default(30),
});

const audio = z.strictObject({
  device: alsaDeviceName.default('default'),
  // Where enrollment by recording (herald enroll NAME, MQTT request enroll)
  // takes its microphone from: a capture PCM, often another card than the
  // speaker's. ALSA's `default` is the system's default capture device.
  captureDevice: alsaDeviceName.default('default'),
  sampleRate: z.number().int().min(8000).max(192000).default(22050),
  retrySeconds: z.number().min(0.1).max(300).default(5),
  // Audio waiting this long with the device taking none counts as a hung
  // audio path: the systemd watchdog stops being fed.
  stallSeconds: z.number().min(0.5).max(600).default(10),
  // From ALSA's buffer to the air, which the sink cannot see (speaker gives
  // no snd_pcm_delay): codec, amplifier, a plugin holding audio back.
  // Calibrated per device for zone sync (docs/zones.md).
  latencyMs: z.number().min(0).max(5000).default(0),
});

const voices = z.strictObject({
  dir: z.string().default('models'),
  // The voice Herald ships (models/); another installed voice can be named here.
  default: z.string().default('en_US-herald_slt-low'),
  sentenceSilenceSeconds: z.number().min(0).max(5).optional(),
  // Refuse voices that have no checksum in <dir>/manifest.json (a mismatch is always refused).
  requireChecksums: z.boolean().default(false),
});

// Provider options reach onnxruntime only through a binding built with
// scripts/jetson (the stock one passes deviceId alone); see docs/jetson.md.
// The defaults here are the only ones: the planner takes the parsed values as they are.
const tensorrt = z.strictObject({
  enabled: z.boolean().default(true),
  deviceId: z.number().int().min(0).default(0),
  // trt_fp16_enable: FP16 kernels allowed (not forced).
  fp16: z.boolean().default(true),
  // Engines go to <dir>/engines/<key>, timing caches to <dir>/timing/<key>.
  engineCacheDir: z.string().regex(/^\//, 'must be an absolute path').default('/var/cache/herald/trt'),
  timingCache: z.boolean().default(true),
  maxWorkspaceBytes: z.number().int().positive().optional(),
  // Piper graphs use NonZero (boolean-mask indexing in the duration predictor),
  // whose shape-less output has failed TensorRT session creation; leaving it to
  // CUDA costs one partition boundary. [] tries the whole graph on TensorRT.
  opTypesToExclude: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'not an op type')).default(['NonZero']),
  layerNormFp32Fallback: z.boolean().default(true),
  builderOptimizationLevel: z.number().int().min(0).max(5).optional(),
});

const cuda = z.strictObject({
  enabled: z.boolean().default(true),
  deviceId: z.number().int().min(0).default(0),
  // onnxruntime's default EXHAUSTIVE benchmarks every convolution for every new
  // input shape, and every sentence length is a new shape for Piper.
  cudnnConvAlgoSearch: z.enum(['EXHAUSTIVE', 'HEURISTIC', 'DEFAULT']).default('HEURISTIC'),
  gpuMemLimitBytes: z.number().int().positive().optional(),
  useTf32: z.boolean().optional(),
});

const engine = z.strictObject({
  providers: z
    .array(z.enum(PROVIDERS))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'lists a provider twice')
    .default(['tensorrt', 'cuda', 'cpu']),
  intraOpThreads: z.number().int().min(0).max(64).default(0),
  tensorrt: tensorrt.prefault({}),
  cuda: cuda.prefault({}),
  // Longest id sequence sent to a voice in one run; longer sentences are cut.
  // It also bounds the TensorRT shape profiles.
  maxPhonemes: z.number().int().min(16).max(4096).default(400),
  // JSON written by `npx tsx scripts/jetson/check-binding.ts --write FILE`.
  bindingReport: z.string().default('/var/lib/herald/binding-capability.json'),
});

const queue = z.strictObject({
  maxLength: z.number().int().min(1).max(100000).default(200),
  defaultTtlSeconds: z.number().min(1).max(7 * 24 * 3600).default(600),
});

const limits = z.strictObject({
  maxChars: z.number().int().min(1).max(1_000_000).default(2000),
  maxPayloadBytes: z.number().int().min(64).max(16 * 1024 * 1024).default(64 * 1024),
});

const metrics = z.strictObject({
  intervalSeconds: z.number().min(1).max(86400).default(30),
});

// Rhasspy Hermes TTS (hermes/tts/say, rhasspy/tts/getVoices): see src/hermes/.
const hermes = z.strictObject({
  enabled: z.boolean().default(false),
  // Unset: the device id. A site id travels in payloads, never in a topic.
  siteId: z.string().min(1).max(128).optional(),
});

// Home Assistant's MQTT discovery (README "Home Assistant"). Off by default:
// nothing is published under the prefix of a broker whose users never asked.
const homeassistant = z.strictObject({
  enabled: z.boolean().default(false),
  discoveryPrefix: z.string().regex(/^[A-Za-z0-9_\/-]{1,64}$/, 'letters, digits, "_", "-" and "/" only').default('homeassistant'),
});

// Herald as a Wyoming TTS service (Home Assistant's Wyoming Protocol
// integration). Off unless asked for; on, it listens on loopback unless the
// operator names another address (tcp://0.0.0.0:10200 for every interface).
const wyoming = z.strictObject({
  enabled: z.boolean().default(false),
  uri: z
    .string()
    .refine((uri) => {
      const url = URL.canParse(uri) ? new URL(uri) : undefined;
      return url?.protocol === 'tcp:' && !!url.hostname && url.port !== '' && url.pathname === '' && !url.search;
    }, 'must be tcp://HOST:PORT, e.g. tcp://127.0.0.1:10200')
    .default('tcp://127.0.0.1:10200'),
});

// A synthesis pool over the broker (docs/fleet.md, src/pool/). A pool name
// becomes a topic level and the shared subscription's share name.
const pool = z.strictObject({
  // The pool this device synthesizes for. One: a connection has one last
  // will, and the pool's members are told apart by it.
  serve: z.array(topicLevel).max(1, 'a device serves one pool').default([]),
  // The pool this device sends its messages to; its own voices speak when the pool does not answer.
  use: topicLevel.optional(),
  // No first sentence from the pool within this: another member, then the local voice.
  firstChunkDeadlineMs: z.number().int().min(50).max(60_000).default(1500),
  // No next sentence within this after the last one: the member is taken for gone.
  chunkTimeoutMs: z.number().int().min(100).max(120_000).default(5000),
  // Requests (each to another member when one is known) before the local voice.
  attempts: z.number().int().min(1).max(5).default(2),
  // A member answers a sentence it made this recently from what it made (zones).
  shareSeconds: z.number().min(0).max(3600).default(60),
});

// Zone messages start on every device of the zone at once (docs/zones.md).
const zoneSync = z.strictObject({
  enabled: z.boolean().default(true),
  // From a zone message to its start: long enough for the slowest device of
  // the zone to synthesize the first sentence and open its device.
  leadMs: z.number().int().min(50).max(60_000).default(1500),
  // A clock further than this from the zone leader's is reported (status,
  // events): the offset is still corrected, but the OS's time sync is broken.
  maxOffsetMs: z.number().min(0).max(600_000).default(20),
  pingSeconds: z.number().min(0.1).max(60).default(1),
});

const log = z.strictObject({
  level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const configSchema = z.strictObject({
  deviceId: topicLevel.default(() => hostname().replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64) || 'herald'),
  mqtt: mqtt.prefault({}),
  audio: audio.prefault({}),
  voices: voices.prefault({}),
  engine: engine.prefault({}),
  stateDir: z.string().default('state'),
  zones: z.array(topicLevel).default([]),
  zoneSync: zoneSync.prefault({}),
  queue: queue.prefault({}),
  limits: limits.prefault({}),
  metrics: metrics.prefault({}),
  hermes: hermes.prefault({}),
  homeassistant: homeassistant.prefault({}),
  wyoming: wyoming.prefault({}),
  pool: pool.prefault({}),
  log: log.prefault({}),
}).superRefine((c, ctx) => {
  if ((c.pool.serve.length || c.pool.use) && (c.mqtt.embedded || c.mqtt.protocolVersion !== 5)) {
    ctx.addIssue({ code: 'custom', path: ['pool'], message: 'a synthesis pool needs MQTT 5 (shared subscriptions, response topics): mqtt.protocolVersion 5 and an external broker (the embedded one speaks 3.1.1 only)' });
  }
});

export type HeraldConfig = z.infer<typeof configSchema>;
export type EngineConfig = HeraldConfig['engine'];
export type TensorRtConfig = EngineConfig['tensorrt'];
export type CudaConfig = EngineConfig['cuda'];
