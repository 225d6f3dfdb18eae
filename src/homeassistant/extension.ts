import type { HeraldConfig } from '../config/schema.ts';
import type { EventBus } from '../events.ts';
import type { Logger } from '../log.ts';
import type { MqttExtension } from '../mqtt/adapter.ts';
import { HA_COMMANDS, type HaCommand, type HaState, type Topics } from '../mqtt/topics.ts';
import { RATE_RANGE, VOLUME_RANGE, type SpeechDefaults } from '../queue/job.ts';
import { discoveryPayload } from './discovery.ts';
import { readHaRecord, runtimeDefaults, writeHaRecord, type HaRecord } from './settings.ts';

// What the extension needs of the installed voices.
export interface VoiceDefaults {
  readonly defaultVoice: string;
  has(name: string): boolean;
  known(): string[];
  prefer(name: string): void;
}

export interface HomeAssistantParts {
  config: HeraldConfig;
  topics: Topics;
  voices: VoiceDefaults;
  events: EventBus;
  log: Logger;
  // Retained or not, QoS 1; false when the broker did not get it.
  publish(topic: string, payload: string, retain: boolean): Promise<boolean>;
  activity(): { speaking: boolean; queueDepth: number };
  // A notify's message, spoken as a plain-text `say` (on disk when this returns).
  say(payload: Buffer, topic: string): void;
  // The default voice changed (the status shows it).
  defaultsChanged(): void;
}

const STATES: readonly HaState[] = ['activity', 'queue', 'ttfa', 'voice', 'volume', 'rate'];

// Herald as a Home Assistant device: publishes the discovery config and the
// values its entities show, takes their commands, and keeps what they set
// in stateDir. With discovery switched off it only takes back what an
// earlier start published.
export class HomeAssistant implements MqttExtension {
  // Subscribed only while discovery is enabled.
  readonly handlers: Record<string, (payload: Buffer, topic: string) => void> = {};
  private record: HaRecord;
  private readonly enabled: boolean;
  // The last value each state topic got, so that a burst of events publishes each change once.
  private readonly shown = new Map<string, string>();
  private ttfaMs?: number;
  private stateTimer?: NodeJS.Timeout;

  constructor(private readonly p: HomeAssistantParts) {
    this.enabled = p.config.homeassistant.enabled;
    const { record, problem } = readHaRecord(p.config.stateDir);
    if (problem) p.log.warn({ problem }, 'Home Assistant settings unreadable; starting from the defaults');
    this.record = record;
    if (!this.enabled) return;
    this.handlers[p.topics.haBirth(p.config.homeassistant.discoveryPrefix)] = (payload) => this.birth(payload);
    for (const command of HA_COMMANDS) this.handlers[p.topics.haCommand(command)] = (payload, topic) => this.command(command, payload, topic);
    if (record.voice) p.voices.prefer(record.voice);
    p.events.on('event', (e) => {
      if (e.event === 'started' && e.ttfaMs !== undefined) this.ttfaMs = e.ttfaMs;
      this.scheduleStates();
    });
  }

  // Volume and rate for messages that set none (the voice is VoiceBank's default).
  get defaults(): SpeechDefaults {
    const { volume, rate } = runtimeDefaults(this.p.config, this.record);
    return { volume, rate };
  }

  // After each (re)connect: a broker that restarted without persistence has
  // lost the retained config, so it is sent again.
  connected(): void {
    void (this.enabled ? this.announce() : this.withdraw());
  }

  // Home Assistant restarted (or its MQTT integration reloaded) and reads discovery afresh.
  private birth(payload: Buffer): void {
    if (payload.toString('utf8').trim() === 'online') void this.announce();
  }

  private command(command: HaCommand, payload: Buffer, topic: string): void {
    if (command === 'notify') return this.p.say(payload, topic);
    const text = payload.toString('utf8').trim();
    if (command === 'voice') return this.setVoice(text);
    this.setNumber(command, text);
  }

  // The installed voices changed (reload, enrollment): the select's options with them.
  voicesChanged(): void {
    if (this.enabled) void this.announce();
  }

  close(): void {
    clearTimeout(this.stateTimer);
  }

  private setVoice(name: string): void {
    if (!this.p.voices.has(name)) {
      this.p.log.warn({ voice: name, installed: this.p.voices.known() }, `Home Assistant asked for unknown voice '${name}'; default voice unchanged`);
      return this.republish('voice');
    }
    this.p.voices.prefer(name);
    this.save({ ...this.record, voice: name });
    this.p.log.info({ voice: name }, 'default voice set by Home Assistant');
    this.p.defaultsChanged();
    void this.publishStates();
  }

  private setNumber(name: 'volume' | 'rate', text: string): void {
    const range = name === 'volume' ? VOLUME_RANGE : RATE_RANGE;
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < range.min || value > range.max) {
      this.p.log.warn({ [name]: text, min: range.min, max: range.max }, `Home Assistant sent ${name} '${text}', not a number from ${range.min} to ${range.max}; ${name} unchanged`);
      return this.republish(name);
    }
    this.save({ ...this.record, [name]: value });
    this.p.log.info({ [name]: value }, `default ${name} set by Home Assistant`);
    void this.publishStates();
  }

  // The entity shows what Herald kept, not the value it was refused.
  private republish(state: HaState): void {
    this.shown.delete(this.p.topics.haState(state));
    void this.publishStates();
  }

  // The config, then every value it points at. The record lists a topic
  // before it is published, so a crash in between still leaves it to clear;
  // topics of an earlier prefix are cleared and dropped from it.
  private async announce(): Promise<void> {
    const { topics } = this.p;
    const config = topics.haDiscovery(this.p.config.homeassistant.discoveryPrefix);
    const current = [config, ...STATES.map((s) => topics.haState(s))];
    const stale = this.record.published.filter((t) => !current.includes(t));
    const published = [...current, ...stale];
    if (published.join('\n') !== this.record.published.join('\n')) this.save({ ...this.record, published });
    const sent = await this.p.publish(config, JSON.stringify(discoveryPayload(topics, this.p.voices.known())), true);
    if (sent) this.p.log.info({ topic: config }, 'Home Assistant discovery published');
    this.shown.clear();
    await this.publishStates();
    if (stale.length) await this.clear(stale);
  }

  private async withdraw(): Promise<void> {
    if (!this.record.published.length) return;
    await this.clear(this.record.published);
    this.p.log.info({ left: this.record.published }, 'Home Assistant discovery switched off: its entities were removed');
  }

  // An empty retained message deletes a retained topic (and, on a discovery
  // topic, Home Assistant's entities); a topic the broker did not get stays recorded.
  private async clear(topics: string[]): Promise<void> {
    const sent = await Promise.all(topics.map((t) => this.p.publish(t, '', true)));
    const cleared = new Set(topics.filter((_, i) => sent[i]));
    this.save({ ...this.record, published: this.record.published.filter((t) => !cleared.has(t)) });
  }

  private scheduleStates(): void {
    // After the event's own step is over (the player clears what plays right after `finished`).
    this.stateTimer ??= setTimeout(() => {
      this.stateTimer = undefined;
      void this.publishStates();
    }, 50);
  }

  private async publishStates(): Promise<void> {
    const { speaking, queueDepth } = this.p.activity();
    const values: Record<HaState, string | undefined> = {
      activity: speaking ? 'speaking' : 'idle',
      queue: String(queueDepth),
      ttfa: this.ttfaMs === undefined ? undefined : String(Math.round(this.ttfaMs)),
      voice: this.p.voices.defaultVoice,
      volume: String(this.record.volume),
      rate: String(this.record.rate),
    };
    await Promise.all(
      STATES.map(async (state) => {
        const topic = this.p.topics.haState(state);
        const value = values[state];
        if (value === undefined || this.shown.get(topic) === value) return;
        this.shown.set(topic, value);
        if (!(await this.p.publish(topic, value, true))) this.shown.delete(topic);
      }),
    );
  }

  // Kept in memory when the disk refuses: the setting holds until a restart.
  private save(record: HaRecord): void {
    this.record = record;
    try {
      writeHaRecord(this.p.config.stateDir, record);
    } catch (err) {
      this.p.log.error({ err: (err as Error).message }, 'cannot save Home Assistant settings');
    }
  }
}
