import type { HeraldConfig } from '../config/schema.ts';
import { ESPEAK_VOICE, type VoiceBank } from '../engines/voice-bank.ts';
import type { Logger } from '../log.ts';
import type { SayJob } from '../queue/job.ts';
import { PoolClient } from './client.ts';
import { PoolLink } from './link.ts';
import { PoolTopics } from './protocol.ts';
import { PoolServer } from './server.ts';
import { SharedSynthesis } from './shared-synthesis.ts';
import type { PoolStream } from './stream.ts';

// This device in a synthesis pool (docs/fleet.md): serving the pool named in
// pool.serve with its voices, using the one in pool.use for its messages, or both.
export class Pool {
  private readonly link: PoolLink;
  private readonly server?: { topics: PoolTopics; server: PoolServer };
  private readonly client?: PoolClient;

  constructor(
    private readonly config: HeraldConfig,
    voices: VoiceBank,
    log: Logger,
  ) {
    // Shared subscriptions and response topics are MQTT 5; aedes speaks 3.1.1.
    if (config.mqtt.embedded) throw new Error('pool.serve and pool.use need an MQTT 5 broker (mosquitto 2, EMQX, HiveMQ, VerneMQ); the embedded broker speaks MQTT 3.1.1 only');
    const { baseTopic } = config.mqtt;
    this.link = new PoolLink(config, log.child({ mod: 'pool' }));
    const [served] = config.pool.serve;
    if (served) {
      const topics = new PoolTopics(baseTopic, served);
      const shared = new SharedSynthesis(config.pool.shareSeconds * 1000);
      this.server = { topics, server: new PoolServer({ topics, member: config.deviceId, voices, link: this.link, shared, log }) };
    }
    if (config.pool.use) {
      const { firstChunkDeadlineMs, chunkTimeoutMs, attempts } = config.pool;
      this.client = new PoolClient({ topics: new PoolTopics(baseTopic, config.pool.use), device: config.deviceId, link: this.link, timing: { firstChunkDeadlineMs, chunkTimeoutMs, attempts }, log });
    }
    log.info({ serve: served, use: config.pool.use }, 'synthesis pool on');
  }

  start(url: string): void {
    this.link.connect(url, this.presence('offline'));
  }

  // The pool's stream for a message, when the pool can speak it: espeak-ng
  // costs less here than the round trip.
  stream(job: SayJob): PoolStream | undefined {
    if (!this.client || job.voice === ESPEAK_VOICE) return undefined;
    return this.client.stream(job);
  }

  close(): Promise<void> {
    return this.link.close(this.presence('offline'));
  }

  private presence(state: 'online' | 'offline') {
    return this.server && { topic: this.server.topics.member(this.config.deviceId), payload: this.server.server.presence(state) };
  }
}
