// A Wyoming client for tests, written from the `wyoming` Python package's
// event definitions (event.py, audio.py, tts.py, info.py, error.py) and not
// from Herald's codec, so that the two are checked against each other.
import { connect, type Socket } from 'node:net';

export interface ReceivedEvent {
  type: string;
  data: Record<string, any>;
  payload?: Buffer;
  // Order of arrival on this connection.
  seq: number;
}

export interface SynthResult {
  events: ReceivedEvent[];
  start?: ReceivedEvent;
  chunks: ReceivedEvent[];
  pcm: Int16Array;
  error?: ReceivedEvent;
}

// As event_to_bytes writes it: data after the header line, version in the header.
export function frame(type: string, data?: Record<string, unknown>, payload?: Buffer): Buffer {
  const header: Record<string, unknown> = { type, version: '1.7.1' };
  const dataBytes = data && Object.keys(data).length ? Buffer.from(JSON.stringify(data)) : undefined;
  if (dataBytes) header.data_length = dataBytes.length;
  if (payload?.length) header.payload_length = payload.length;
  return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), ...(dataBytes ? [dataBytes] : []), ...(payload?.length ? [payload] : [])]);
}

export class WyomingClient {
  readonly events: ReceivedEvent[] = [];
  readonly closed: Promise<void>;
  private buffer = Buffer.alloc(0);
  private waiters = new Set<() => void>();
  private isClosed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => this.read(chunk));
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.isClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  static connect(port: number, host = '127.0.0.1'): Promise<WyomingClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new WyomingClient(socket)));
      socket.once('error', reject);
    });
  }

  get ended(): boolean {
    return this.isClosed;
  }

  send(type: string, data?: Record<string, unknown>, payload?: Buffer): void {
    this.socket.write(frame(type, data, payload));
  }

  sendRaw(bytes: Buffer | string): void {
    this.socket.write(bytes);
  }

  // async_read_event: header line, then data_length bytes merged into data, then the payload.
  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) break;
      const header = JSON.parse(this.buffer.subarray(0, nl).toString('utf8'));
      const dataLength = header.data_length ?? 0;
      const payloadLength = header.payload_length ?? 0;
      if (this.buffer.length < nl + 1 + dataLength + payloadLength) break;
      const data = { ...(header.data ?? {}), ...(dataLength ? JSON.parse(this.buffer.subarray(nl + 1, nl + 1 + dataLength).toString('utf8')) : {}) };
      const payload = payloadLength ? Buffer.from(this.buffer.subarray(nl + 1 + dataLength, nl + 1 + dataLength + payloadLength)) : undefined;
      this.events.push({ type: header.type, data, payload, seq: this.events.length });
      this.buffer = this.buffer.subarray(nl + 1 + dataLength + payloadLength);
    }
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  // The first event (from index `from`) that matches; rejects if the connection closes first.
  next(pred: (e: ReceivedEvent) => boolean, timeoutMs = 30_000, from = 0): Promise<ReceivedEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.events.slice(from).find(pred);
        if (hit || this.isClosed) {
          this.waiters.delete(check);
          clearTimeout(timer);
          if (hit) resolve(hit);
          else reject(new Error(`connection closed before a matching event; got: ${this.events.map((e) => e.type).join(', ')}`));
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching event within ${timeoutMs} ms; got: ${this.events.map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  // Everything from `from` up to and including the event that ends a response.
  async response(end: string, from = 0, timeoutMs = 60_000): Promise<SynthResult> {
    const last = await this.next((e) => e.type === end || e.type === 'error', timeoutMs, from);
    const events = this.events.slice(from, last.seq + 1);
    const chunks = events.filter((e) => e.type === 'audio-chunk');
    const pcm = Buffer.concat(chunks.map((c) => c.payload ?? Buffer.alloc(0)));
    return {
      events,
      start: events.find((e) => e.type === 'audio-start'),
      chunks,
      pcm: new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength)),
      error: events.find((e) => e.type === 'error'),
    };
  }

  async synthesize(text: string, voice?: Record<string, unknown>): Promise<SynthResult> {
    const from = this.events.length;
    this.send('synthesize', { text, ...(voice ? { voice } : {}) });
    return this.response('audio-stop', from);
  }

  close(): void {
    this.socket.destroy();
  }
}
