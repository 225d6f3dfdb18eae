// The byte stream from the daemon to its ALSA sink process: PCM and marks in
// one ordered stream, so a mark is acknowledged only after the audio before it.
export const FRAME_PCM = 1;
export const FRAME_MARK = 2;
export const HEADER_BYTES = 5;

export function encodeFrame(type: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(type, 0);
  header.writeUInt32LE(payload.byteLength, 1);
  return Buffer.concat([header, payload]);
}

export function encodeMark(id: number): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeUInt32LE(id, 0);
  return encodeFrame(FRAME_MARK, payload);
}

export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Array<{ type: number; payload: Buffer }> {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: Array<{ type: number; payload: Buffer }> = [];
    while (this.buffer.length >= HEADER_BYTES) {
      const len = this.buffer.readUInt32LE(1);
      if (this.buffer.length < HEADER_BYTES + len) break;
      frames.push({ type: this.buffer.readUInt8(0), payload: this.buffer.subarray(HEADER_BYTES, HEADER_BYTES + len) });
      this.buffer = this.buffer.subarray(HEADER_BYTES + len);
    }
    return frames;
  }
}
