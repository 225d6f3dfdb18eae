import { createServer, type AddressInfo, type Server } from 'node:net';
import type { VoiceBank } from '../engines/voice-bank.ts';
import type { Logger } from '../log.ts';
import type { AdmitLimits } from '../queue/admit.ts';
import { WyomingSession } from './session.ts';

export interface WyomingOptions {
  // tcp://HOST:PORT (config wyoming.uri)
  uri: string;
  voices: VoiceBank;
  limits(): AdmitLimits;
  maxPayloadBytes: number;
  log: Logger;
}

export function parseTcpUri(uri: string): { host: string; port: number } {
  const url = URL.canParse(uri) ? new URL(uri) : undefined;
  if (url?.protocol !== 'tcp:' || !url.hostname || !url.port) throw new Error(`wyoming.uri must be tcp://HOST:PORT, not '${uri}'`);
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port) };
}

// Herald as a Wyoming TTS service: every connection a WyomingSession.
export class WyomingServer {
  private server?: Server;
  private readonly sessions = new Set<WyomingSession>();
  private connections = 0;

  constructor(private readonly options: WyomingOptions) {}

  async listen(): Promise<AddressInfo> {
    const { host, port } = parseTcpUri(this.options.uri);
    const { log } = this.options;
    const server = createServer((socket) => {
      const conn = ++this.connections;
      // Audio chunks go out as they are made, not held back to fill packets.
      socket.setNoDelay(true);
      const session = new WyomingSession(socket, this.options, log.child({ wyoming: conn }));
      this.sessions.add(session);
      socket.on('close', () => this.sessions.delete(session));
      log.debug({ wyoming: conn, from: socket.remoteAddress }, 'wyoming client connected');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (err) => log.error({ err: err.message }, 'wyoming server error'));
    this.server = server;
    const address = server.address() as AddressInfo;
    log.info({ host: address.address, port: address.port }, 'wyoming server listening');
    return address;
  }

  get address(): AddressInfo | undefined {
    return (this.server?.address() as AddressInfo | null) ?? undefined;
  }

  // Stops listening and ends every connection; what they synthesize stops after its current run.
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const session of this.sessions) session.close();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([...this.sessions].map((s) => s.idle));
  }
}
