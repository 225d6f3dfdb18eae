import type { Logger } from '../log.ts';
import { siblingEntry } from '../ipc/entry.ts';
import { IpcHost, type IpcExitError } from '../ipc/host.ts';
import { processTransport } from '../ipc/transport.ts';
import type { PiperPhonemizeProtocol } from './piper-phonemize-protocol.ts';

const CHILD = siblingEntry(import.meta.url, 'piper-phonemize-child');

// The process running Piper's phonemizer, started by the first Piper voice
// loaded or the first request, and again after it dies. Without the
// children's --lite-mode (v8-flags.ts): that mode turns WebAssembly off, and
// this build, unlike Herald's espeak-ng, has no JavaScript fallback.
export class PiperPhonemizeHost {
  private readonly host: IpcHost<PiperPhonemizeProtocol>;

  constructor(private readonly log?: Logger) {
    this.host = new IpcHost<PiperPhonemizeProtocol>({
      name: "Piper's phonemizer process",
      spawn: () => processTransport(CHILD),
      timeoutMs: 60_000,
      restart: { minMs: 200, maxMs: 10_000 },
    });
    this.host.on('exit', (err: IpcExitError) => {
      if (!err.expected) this.log?.warn({ err: err.message }, "Piper's phonemizer process exited");
    });
  }

  get pid(): number | undefined {
    return this.host.pid;
  }

  start(): Promise<void> {
    return this.host.start();
  }

  // For each text, its sentences' phonemes as Piper's phonemizer makes them.
  phonemesMany(voice: string, texts: string[]): Promise<string[][]> {
    if (!texts.length) return Promise.resolve([]);
    return this.host.call('phonemesMany', { voice, texts });
  }

  stop(): void {
    void this.host.stop();
  }
}
