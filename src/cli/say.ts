import { parseArgs } from 'node:util';
import { AlsaSink } from '../audio/alsa-sink.ts';
import type { AudioSink } from '../audio/sink.ts';
import { WavFileSink } from '../audio/wav-sink.ts';
import { loadConfig } from '../config/load.ts';
import { alsaDeviceName } from '../config/schema.ts';
import { VoiceBank } from '../engines/voice-bank.ts';
import { readHaRecord, runtimeDefaults } from '../homeassistant/settings.ts';
import { parseSayPayload } from '../mqtt/say-payload.ts';
import { admit } from '../queue/admit.ts';
import { speak } from '../speak.ts';
import { EspeakHost } from '../text/espeak-host.ts';

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      voice: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      device: { type: 'string' },
      rate: { type: 'string' },
      volume: { type: 'string' },
      speaker: { type: 'string' },
    },
  });
  const text = positionals.join(' ');
  if (!text) {
    process.stderr.write('usage: herald say "text" [--voice V] [--lang L] [--out file.wav] [--device D] [--rate 0.5..2] [--volume 0..1]\n');
    return 2;
  }
  const { config } = loadConfig(values.config);
  // The same checks a `say` message gets.
  const parsed = parseSayPayload(
    Buffer.from(
      JSON.stringify({
        text,
        voice: values.voice,
        lang: values.lang,
        rate: values.rate === undefined ? undefined : Number(values.rate),
        volume: values.volume === undefined ? undefined : Number(values.volume),
        speaker: values.speaker === undefined ? undefined : Number(values.speaker),
      }),
    ),
    Number.MAX_SAFE_INTEGER,
  );
  if (!parsed.ok) {
    process.stderr.write(`herald say: ${parsed.reason}\n`);
    return 2;
  }
  const device = values.device ?? config.audio.device;
  const deviceCheck = alsaDeviceName.safeParse(device);
  if (!deviceCheck.success) {
    process.stderr.write(`herald say: --device: ${deviceCheck.error.issues[0].message}\n`);
    return 2;
  }
  // The defaults the daemon applies (Home Assistant's choices, when enabled).
  const defaults = runtimeDefaults(config, readHaRecord(config.stateDir).record);
  const espeak = new EspeakHost();
  const voices = new VoiceBank(config, espeak);
  if (defaults.voice) voices.prefer(defaults.voice);
  try {
    await Promise.all([espeak.start(), voices.load(parsed.request.voice ?? defaults.voice ?? config.voices.default ?? '')]);
    // The admission a `say` message gets from the daemon.
    const admission = admit(parsed.request, voices, { maxChars: config.limits.maxChars, defaultTtlSeconds: config.queue.defaultTtlSeconds, defaults }, 'cli');
    if (!admission.ok) {
      process.stderr.write(`herald say: ${admission.reason}\n`);
      return 2;
    }
    const { job } = admission;
    const speech = voices.speechFor(job.voice, job.lang);
    if (speech.fallbackReason) process.stderr.write(`herald say: ${speech.fallbackReason}; speaking with ${speech.engine.voice}\n`);
    if (job.note) process.stderr.write(`herald say: ${job.note}\n`);
    speech.onFallback = (reason) => process.stderr.write(`herald say: ${reason}; espeak-ng continues\n`);
    let sink: AudioSink;
    if (values.out) {
      sink = new WavFileSink(values.out, speech.engine.sampleRate);
    } else {
      const alsa = new AlsaSink({ device, sampleRate: config.audio.sampleRate, retrySeconds: 3600 });
      alsa.start();
      // Up to 5 s for the device to open. A failure ends the wait at once, and
      // no timer is left behind to keep the process alive after speaking.
      const deadline = Date.now() + 5000;
      while (!alsa.ok && !alsa.lastError && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!alsa.ok) {
        process.stderr.write(`herald say: cannot open ALSA device '${device}': ${alsa.lastError ?? 'timed out'}\n`);
        await alsa.close();
        return 1;
      }
      sink = alsa;
    }
    let firstAudioMs = 0;
    const result = await speak(job, speech, sink, new AbortController().signal, (at) => {
      firstAudioMs = at - job.receivedAt;
    });
    await sink.close();
    const summary = {
      voice: result.engine.voice,
      engine: result.engine.engine,
      provider: result.engine.provider,
      sentences: job.sentences.length,
      ttfaMs: Math.round(firstAudioMs),
      synthMs: Math.round(result.synthMs),
      audioMs: Math.round(result.audioMs),
      rtf: Number((result.synthMs / result.audioMs).toFixed(4)),
      out: values.out ?? device,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    await voices.close();
    espeak.stop();
  }
}
