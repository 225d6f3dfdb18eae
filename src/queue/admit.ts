import { sentencesFor } from '../text/split.ts';
import type { Phonemizer } from '../voices/types.ts';
import type { SayJob, SayRequest, SpeechDefaults } from './job.ts';

// What admission needs to know of the installed voices.
export interface VoiceChoice {
  has(name: string): boolean;
  known(): string[];
  // The voice a message gets, the language it is read in, and whose
  // phonemizer the voice wants its text cut for.
  choose(voice: string | undefined, lang: string | undefined): { voice: string; lang: string; numSpeakers: number; phonemizer: Phonemizer; espeakVoice?: string; note?: string };
}

export interface AdmitLimits {
  maxChars: number;
  defaultTtlSeconds: number;
  // The device's defaults now (Home Assistant may change them at run time);
  // the default voice is the one `choose` falls back to.
  defaults: SpeechDefaults;
}

export type Admission = { ok: true; job: SayJob } | { ok: false; id: string; reason: string };

// The one admission of a `say`, for the daemon and `herald say` alike: checks
// what can be checked before queueing, then settles voice, language, volume,
// rate and sentences so that nothing downstream decides them again.
export function admit(request: SayRequest, voices: VoiceChoice, limits: AdmitLimits, receivedOn: string, now = Date.now()): Admission {
  const reject = (reason: string): Admission => ({ ok: false, id: request.id, reason });
  if (request.text.length > limits.maxChars) return reject(`text too long: ${request.text.length} characters, limit ${limits.maxChars}`);
  if (request.voice && !voices.has(request.voice)) return reject(`unknown voice '${request.voice}' (installed: ${voices.known().join(', ')})`);
  const chosen = voices.choose(request.voice, request.lang);
  // Piper's phonemizer reads the text in the voice's own espeak-ng language.
  const sentences = sentencesFor(request.text, chosen.phonemizer === 'piper' ? (chosen.espeakVoice ?? chosen.lang) : chosen.lang, chosen.phonemizer);
  // Sentences without a letter or digit are dropped by the split.
  if (!sentences.length) return reject('no speakable text (only symbols, emoji or whitespace)');
  const expiresAt = now + (request.ttlSeconds ?? limits.defaultTtlSeconds) * 1000;
  // A zone start that far ahead would hold the queue for nothing (docs/zones.md).
  if (request.playAt !== undefined && request.playAt > expiresAt) return reject('playAt is after the message expires (ttlSeconds)');
  const notes = chosen.note ? [chosen.note] : [];
  let speaker = request.speaker;
  // A speaker this voice lacks (a zone message meant for devices with other
  // voices) is no reason to stay silent: speaker 0 speaks, and the events say so.
  if (speaker !== undefined && speaker >= chosen.numSpeakers) {
    notes.push(`speaker ${speaker} not in voice ${chosen.voice} (${chosen.numSpeakers} speaker(s)); speaker 0 speaks`);
    speaker = undefined;
  }
  return {
    ok: true,
    job: {
      ...request,
      speaker,
      volume: request.volume ?? limits.defaults.volume,
      rate: request.rate ?? limits.defaults.rate,
      voice: chosen.voice,
      lang: chosen.lang,
      sentences,
      receivedAt: now,
      expiresAt,
      resumeFrom: 0,
      receivedOn,
      note: notes.length ? notes.join('; ') : undefined,
    },
  };
}
