import type { Logger } from '../log.ts';
import { siblingEntry } from '../ipc/entry.ts';
import { IpcHost, type IpcExitError } from '../ipc/host.ts';
import { processTransport } from '../ipc/transport.ts';
import { CHILD_V8_FLAGS } from '../ipc/v8-flags.ts';
import type { EspeakAudio, EspeakProtocol } from './espeak-protocol.ts';
import { PiperPhonemizeHost } from './piper-phonemize-host.ts';

export type { EspeakAudio };

const CHILD = siblingEntry(import.meta.url, 'espeak-child');

// One long-lived espeak-ng process shared by the phonemizer and the fallback
// engine. It is started on first use and again after it dies; requests that
// were in flight when it died are rejected, never left hanging. Beside it,
// `piper`: Piper's espeak-ng fork, in a process of its own that only Piper
// voices start (discover.ts says which voice gets which).
export class EspeakHost {
  private readonly host: IpcHost<EspeakProtocol>;
  readonly piper: PiperPhonemizeHost;

  constructor(private readonly log?: Logger) {
    this.piper = new PiperPhonemizeHost(log);
    this.host = new IpcHost<EspeakProtocol>({
      name: 'espeak-ng process',
      spawn: () => processTransport(CHILD, { v8Flags: CHILD_V8_FLAGS }),
      // A long message synthesized by the fallback takes seconds, never a minute.
      timeoutMs: 60_000,
      restart: { minMs: 200, maxMs: 10_000 },
    });
    this.host.on('exit', (err: IpcExitError) => {
      if (!err.expected) this.log?.warn({ err: err.message }, 'espeak-ng process exited');
    });
  }

  get pid(): number | undefined {
    return this.host.pid;
  }

  start(): Promise<void> {
    return this.host.start();
  }

  // espeak-ng's IPA for each text (without clause punctuation), in one round
  // trip: phonemes separated by '_', words by ' ', clauses by ' | '.
  rawPhonemesMany(voice: string, texts: string[]): Promise<string[]> {
    if (!texts.length) return Promise.resolve([]);
    return this.host.call('phonemesMany', { voice, texts });
  }

  synthesize(voice: string, text: string, rate = 1): Promise<EspeakAudio> {
    return this.host.call('synth', { voice, text, rate });
  }

  voices(): Promise<string[]> {
    return this.host.call('voices', {});
  }

  stop(): void {
    void this.host.stop();
    this.piper.stop();
  }
}
