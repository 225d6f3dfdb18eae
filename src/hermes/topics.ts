// The Hermes topics Herald reads and writes. Hermes names the site in the
// payload (siteId), not in these topics: every TTS service on the broker
// reads every say and keeps its own.
export const HERMES_TOPICS = {
  say: 'hermes/tts/say',
  sayFinished: 'hermes/tts/sayFinished',
  // Rhasspy's additions to Hermes.
  error: 'hermes/error/tts',
  getVoices: 'rhasspy/tts/getVoices',
  voices: 'rhasspy/tts/voices',
} as const;
