import { parseArgs } from 'node:util';
import { AlsaSink } from '../audio/alsa-sink.ts';
import type { AudioSink } from '../audio/sink.ts';
import { WavFileSink } from '../audio/wav-sink.ts';
import { loadConfig } from '../config/load.ts';
import { alsaDeviceName } from '../config/schema.ts';
import { VoiceBank } from '../engines/voice-bank.ts';
import { parseSayPayload } from '../mqtt/say-payload.ts';
import type { SayJob } from '../queue/job.ts';
import { speak } from '../speak.ts';
import { EspeakHost } from '../text/espeak-host.ts';
import { hasSpeakableText, normalizeText } from '../text/normalize.ts';

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
  const espeak = new EspeakHost();
  const voices = new VoiceBank(config, espeak);
  try {
    await voices.load(parsed.request.voice ?? config.voices.default ?? '');
    if (parsed.request.voice && !voices.has(parsed.request.voice)) {
      process.stderr.write(`herald say: unknown voice '${parsed.request.voice}' (installed: ${[...voices.names(), 'espeak'].join(', ')})\n`);
      return 2;
    }
    const { engine, fallbackReason } = voices.resolve(parsed.request.voice, parsed.request.lang);
    if (!hasSpeakableText(normalizeText(text, parsed.request.lang ?? engine.language))) {
      process.stderr.write('herald say: no speakable text\n');
      return 2;
    }
    if (fallbackReason) process.stderr.write(`herald say: ${fallbackReason}; speaking with ${engine.voice}\n`);
    let sink: AudioSink;
    if (values.out) {
      sink = new WavFileSink(values.out, engine.sampleRate);
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
    const now = Date.now();
    const job: SayJob = { ...parsed.request, receivedAt: now, expiresAt: Infinity, resumeFrom: 0, source: 'cli' };
    let firstAudioMs = 0;
    const result = await speak(job, engine, voices.espeak, sink, new AbortController().signal, {
      onFirstAudio: (at) => {
        firstAudioMs = at - now;
      },
      onFallback: (reason) => process.stderr.write(`herald say: ${reason}; espeak-ng continues\n`),
    });
    await sink.close();
    const summary = {
      voice: result.engine.voice,
      engine: result.engine.engine,
      provider: result.engine.provider,
      sentences: result.sentences,
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
