import type { VoiceBank } from '../engines/voice-bank.ts';
import type { RequestHandler } from './requests.ts';

export interface RequestParts {
  voices: VoiceBank;
  status: () => object;
  metrics: () => Promise<object>;
  // Loads the voices again and re-publishes the status.
  reload: () => Promise<void>;
  // Removes a voice enrolled on this device (files, checksums, takes).
  deleteVoice: (name: string) => void;
  // Enrollment by recording: {action: start|record|finish|status|cancel, name}.
  enroll: (data: Record<string, unknown>) => Promise<object>;
}

// herald/<id>/request/<name>: what each name answers.
export function requestHandlers(p: RequestParts): Record<string, RequestHandler> {
  return {
    voices: () => ({ default: p.voices.defaultVoice, voices: voiceList(p.voices) }),
    status: () => p.status(),
    metrics: () => p.metrics(),
    reload: async () => {
      await p.reload();
      return { voices: p.voices.names(), problems: p.voices.problems };
    },
    // Then a reload, as for `reload`: the status stops listing the voice.
    'voice-delete': async (data) => {
      if (typeof data.name !== 'string') throw new Error("voice-delete needs {name: '<voice>'}");
      p.deleteVoice(data.name);
      await p.reload();
      return { deleted: data.name, voices: p.voices.names() };
    },
    enroll: (data) => p.enroll(data),
  };
}

function voiceList(voices: VoiceBank) {
  const neural = voices.names().map((name) => {
    const info = voices.info(name)!;
    const engine = voices.loaded(name);
    return {
      name,
      family: info.family,
      language: info.language,
      sampleRate: info.sampleRate,
      speakers: info.numSpeakers,
      phonemizer: info.phonemizer,
      loaded: !!engine,
      provider: engine?.provider,
      fp16: engine?.precision.fp16,
      precisionReason: engine?.precision.reason,
      notes: voices.notes.get(name),
      verified: voices.verified.has(name),
      problem: voices.problems.find((p) => p.name === name)?.reason,
    };
  });
  return [...neural, { name: 'espeak', family: 'espeak-ng', loaded: true, provider: 'wasm' }];
}
