// Wyoming's framing, as the `wyoming` Python package (1.7) reads and writes
// it: a JSON header line ending in "\n" with `type`, optional `data`,
// `data_length` and `payload_length`; then `data_length` bytes of JSON merged
// into `data`, then `payload_length` bytes of payload.

export interface WyomingEvent {
  type: string;
  data: Record<string, unknown>;
  payload?: Buffer;
}

// The protocol version this side speaks, sent in every header as the Python package does.
export const WYOMING_VERSION = '1.7.1';

export interface FrameLimits {
  // Applies to the header line, the extra data and the payload, each.
  maxBytes: number;
}

// The stream cannot be read further: the connection must end.
export class FrameError extends Error {}

interface Header {
  type: string;
  data: Record<string, unknown>;
  dataLength: number;
  payloadLength: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new FrameError(`${what} is not JSON: ${(err as Error).message}`);
  }
}

function length(value: unknown, name: string, max: number): number {
  if (value === undefined || value === null) return 0;
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new FrameError(`${name} must be a non-negative integer`);
  if ((value as number) > max) throw new FrameError(`${name} ${value} exceeds the limit of ${max} bytes`);
  return value as number;
}

function parseHeader(line: Buffer, limits: FrameLimits): Header {
  const header = parseJson(line, 'event header');
  if (!isObject(header) || typeof header.type !== 'string' || !header.type) throw new FrameError('event header must be a JSON object with a string "type"');
  if (header.data !== undefined && header.data !== null && !isObject(header.data)) throw new FrameError('"data" must be a JSON object');
  return {
    type: header.type,
    data: isObject(header.data) ? header.data : {},
    dataLength: length(header.data_length, 'data_length', limits.maxBytes),
    payloadLength: length(header.payload_length, 'payload_length', limits.maxBytes),
  };
}

// Bytes in as they arrive, whole events out. Throws FrameError on anything
// that is not a frame, before buffering more than the limits allow.
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);
  private header?: Header;

  constructor(private readonly limits: FrameLimits) {}

  push(chunk: Buffer): WyomingEvent[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const events: WyomingEvent[] = [];
    for (;;) {
      if (!this.header) {
        const newline = this.buffered.indexOf(0x0a);
        const lineLength = newline < 0 ? this.buffered.length : newline;
        if (lineLength > this.limits.maxBytes) throw new FrameError(`event header line longer than ${this.limits.maxBytes} bytes`);
        if (newline < 0) break;
        this.header = parseHeader(this.buffered.subarray(0, newline), this.limits);
        this.buffered = this.buffered.subarray(newline + 1);
      }
      const { type, data, dataLength, payloadLength } = this.header;
      if (this.buffered.length < dataLength + payloadLength) break;
      let merged = data;
      if (dataLength) {
        const extra = parseJson(this.buffered.subarray(0, dataLength), 'event data');
        if (!isObject(extra)) throw new FrameError('event data must be a JSON object');
        merged = { ...data, ...extra };
      }
      const payload = payloadLength ? Buffer.from(this.buffered.subarray(dataLength, dataLength + payloadLength)) : undefined;
      events.push({ type, data: merged, payload });
      this.buffered = this.buffered.subarray(dataLength + payloadLength);
      this.header = undefined;
    }
    return events;
  }
}

// The data goes after the header line, not inside it, as the Python writer does.
export function encodeEvent(event: WyomingEvent): Buffer {
  const header: Record<string, unknown> = { type: event.type, version: WYOMING_VERSION };
  const data = Object.keys(event.data).length ? Buffer.from(JSON.stringify(event.data), 'utf8') : undefined;
  if (data) header.data_length = data.length;
  if (event.payload?.length) header.payload_length = event.payload.length;
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8')];
  if (data) parts.push(data);
  if (event.payload?.length) parts.push(event.payload);
  return Buffer.concat(parts);
}
