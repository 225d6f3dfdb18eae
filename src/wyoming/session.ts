import type { Socket } from 'node:net';
import type { VoiceBank } from '../engines/voice-bank.ts';
import type { Logger } from '../log.ts';
import { admit, type AdmitLimits } from '../queue/admit.ts';
import { AudioOut } from './audio-out.ts';
import { encodeEvent, FrameError, FrameReader, type WyomingEvent } from './codec.ts';
import { errorEvent, synthesizeStopped, textOf, voiceRequest, WyomingRequestError } from './events.ts';
import { infoEvent } from './info.ts';
import { Synthesis } from './synthesis.ts';
import { TextStream } from './text-stream.ts';
import { voiceSettings, type VoiceSettings } from './voice.ts';

export interface SessionParts {
  voices: VoiceBank;
  // The same limits as an MQTT say: its admission's, and its payload size for each part of a frame.
  // Read for each request: Home Assistant may change the defaults at run time.
  limits(): AdmitLimits;
  maxPayloadBytes: number;
  log: Logger;
}

// A streamed request, from synthesize-start to synthesize-stop.
interface Stream {
  text: TextStream;
  out: AudioOut;
  synthesis: Synthesis;
}

// Events waiting to be handled before the connection stops being read.
const MAX_WAITING_EVENTS = 32;
// How long a refused client has to read the error and close.
const CLOSE_GRACE_MS = 5000;

// One client connection: events are handled one after another, in order.
// Anything that goes wrong ends this connection only; the daemon and other
// clients never see it.
export class WyomingSession {
  private readonly reader: FrameReader;
  private readonly controller = new AbortController();
  private chain = Promise.resolve();
  private waiting = 0;
  private stream?: Stream;
  private ended = false;

  constructor(
    private readonly socket: Socket,
    private readonly parts: SessionParts,
    private readonly log: Logger,
  ) {
    this.reader = new FrameReader({ maxBytes: parts.maxPayloadBytes });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A reset or a vanished client: whatever is being synthesized for it stops.
    socket.on('error', (err) => log.debug({ err: err.message }, 'wyoming connection error'));
    socket.on('close', () => {
      this.ended = true;
      this.controller.abort(new Error('client disconnected'));
      log.debug('wyoming client disconnected');
    });
  }

  // Resolves when every event received so far has been handled.
  get idle(): Promise<void> {
    return this.chain;
  }

  close(): void {
    this.controller.abort(new Error('server closing'));
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.ended) return;
    let events: WyomingEvent[];
    try {
      events = this.reader.push(chunk);
    } catch (err) {
      const message = err instanceof FrameError ? err.message : `unreadable frame: ${(err as Error).message}`;
      this.log.warn({ err: message }, 'wyoming: unreadable frame; connection closed');
      this.fail(message, 'bad-frame');
      return;
    }
    for (const event of events) {
      this.waiting++;
      if (this.waiting >= MAX_WAITING_EVENTS) this.socket.pause();
      this.chain = this.chain.then(() => this.handleSafely(event));
    }
  }

  private async handleSafely(event: WyomingEvent): Promise<void> {
    try {
      if (!this.ended) await this.handle(event);
    } catch (err) {
      if (this.controller.signal.aborted) return;
      if (err instanceof WyomingRequestError) {
        this.log.info({ event: event.type, err: err.message }, 'wyoming request refused');
        this.fail(err.message, err.code);
      } else {
        this.log.error({ event: event.type, err: (err as Error).message }, 'wyoming synthesis failed');
        this.fail(`synthesis failed: ${(err as Error).message}`, 'synthesis-failed');
      }
    } finally {
      if (--this.waiting < MAX_WAITING_EVENTS / 2) this.socket.resume();
    }
  }

  // One `error` event, then the connection ends, as the Python server's does
  // after an exception: a client waiting for audio is not left hanging.
  private fail(text: string, code: string): void {
    if (this.ended) return;
    this.ended = true;
    this.controller.abort(new Error(text));
    this.socket.end(encodeEvent(errorEvent(text, code)));
    // A client that never closes its side does not keep the socket.
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
  }

  private send = (event: WyomingEvent): Promise<void> => {
    const { signal } = this.controller;
    signal.throwIfAborted();
    if (this.socket.write(encodeEvent(event))) return Promise.resolve();
    // The client reads slower than we synthesize: wait for it, or for it to go.
    return new Promise((resolve, reject) => {
      const done = () => {
        this.socket.off('drain', done);
        signal.removeEventListener('abort', done);
        if (signal.aborted) reject(signal.reason);
        else resolve();
      };
      this.socket.on('drain', done);
      signal.addEventListener('abort', done);
    });
  };

  private async handle(event: WyomingEvent): Promise<void> {
    const { voices, log } = this.parts;
    switch (event.type) {
      case 'describe':
        return this.send(infoEvent(voices));
      case 'synthesize':
        // Inside a stream it only repeats the streamed text for clients that
        // cannot stream (Home Assistant sends it): wyoming-piper ignores it too.
        if (this.stream) return;
        return this.synthesize(textOf(event.data, 'synthesize'), voiceSettings(voices, voiceRequest(event.data)));
      case 'synthesize-start': {
        const settings = voiceSettings(voices, voiceRequest(event.data));
        const out = new AudioOut(this.send);
        this.stream = { text: new TextStream(settings.lang, this.parts.limits().maxChars), out, synthesis: new Synthesis(voices, settings, out, this.controller.signal, this.log) };
        return;
      }
      case 'synthesize-chunk':
        return this.streamChunk(textOf(event.data, 'synthesize-chunk'));
      case 'synthesize-stop':
        return this.streamStop();
      default:
        // Not a TTS event: ignored, as the reference servers do.
        log.debug({ event: event.type }, 'wyoming event ignored');
    }
  }

  private async synthesize(text: string, settings: VoiceSettings): Promise<void> {
    const { voices } = this.parts;
    const limits = this.parts.limits();
    // The admission of an MQTT say: same limits, same normalizing and splitting.
    // The voice is known by now, so only the text can be refused.
    const admission = admit({ id: 'wyoming', text, voice: settings.voice, lang: settings.lang, speaker: settings.speaker, rate: settings.rate, priority: 'normal', volume: 1, interrupt: false }, voices, limits, 'wyoming');
    if (!admission.ok) throw new WyomingRequestError(admission.reason, admission.reason.startsWith('text too long') ? 'text-too-long' : 'no-text');
    const out = new AudioOut(this.send);
    this.log.debug({ voice: settings.voice, sentences: admission.job.sentences.length }, 'wyoming synthesize');
    await new Synthesis(voices, settings, out, this.controller.signal, this.log).speak(admission.job.sentences);
    await out.stop();
  }

  private async streamChunk(text: string): Promise<void> {
    if (!this.stream) throw new WyomingRequestError('synthesize-chunk outside a synthesize-start … synthesize-stop stream', 'no-stream');
    await this.stream.synthesis.speak(this.stream.text.add(text));
  }

  private async streamStop(): Promise<void> {
    const stream = this.stream;
    if (!stream) throw new WyomingRequestError('synthesize-stop without synthesize-start', 'no-stream');
    await stream.synthesis.speak(stream.text.finish());
    this.stream = undefined;
    if (!stream.synthesis.spoken) throw new WyomingRequestError('no speakable text (only symbols, emoji or whitespace)', 'no-text');
    await stream.out.stop();
    await this.send(synthesizeStopped());
  }
}
