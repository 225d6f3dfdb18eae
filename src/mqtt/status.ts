import type { AlsaSink } from '../audio/alsa-sink.ts';
import type { VoiceBank } from '../engines/voice-bank.ts';
import type { Journal } from '../queue/journal.ts';
import { VERSION } from '../version.ts';

export interface StatusParts {
  deviceId: string;
  voices: VoiceBank;
  sink: AlsaSink;
  journal: Journal;
  queueDepth: number;
  since: string;
}

// The retained `status`: what works and what does not, at a glance.
export function statusPayload(p: StatusParts, state: 'online' | 'offline') {
  const precision = p.voices.defaultPrecision;
  return {
    state,
    version: VERSION,
    deviceId: p.deviceId,
    voices: p.voices.known(),
    defaultVoice: p.voices.defaultVoice,
    provider: p.voices.defaultProvider,
    fp16: precision.fp16,
    precisionReason: precision.reason,
    voiceProblems: p.voices.problems,
    queueDepth: p.queueDepth,
    audioDevice: p.sink.device,
    audioOk: p.sink.ok,
    audioError: p.sink.lastError,
    durable: p.journal.durable,
    durabilityError: p.journal.error,
    since: p.since,
  };
}
