// The byte stream from the daemon to its ALSA sink process: PCM and marks in
// one ordered stream, so a mark is acknowledged only after the audio before it.
// Plain JavaScript because the sink process runs without tsx (see alsa-sink-child.mjs).
export const FRAME_PCM = 1;
export const FRAME_MARK = 2;
export const HEADER_BYTES = 5;

/** @param {number} type @param {Uint8Array} payload @returns {Buffer} */
export function encodeFrame(type, payload) {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(type, 0);
  header.writeUInt32LE(payload.byteLength, 1);
  return Buffer.concat([header, payload]);
}

/** @param {number} id @returns {Buffer} */
export function encodeMark(id) {
  const payload = Buffer.alloc(4);
  payload.writeUInt32LE(id, 0);
  return encodeFrame(FRAME_MARK, payload);
}

export class FrameReader {
  buffer = Buffer.alloc(0);

  /** @param {Buffer} chunk @returns {Array<{ type: number, payload: Buffer }>} */
  push(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames = [];
    while (this.buffer.length >= HEADER_BYTES) {
      const len = this.buffer.readUInt32LE(1);
      if (this.buffer.length < HEADER_BYTES + len) break;
      frames.push({ type: this.buffer.readUInt8(0), payload: this.buffer.subarray(HEADER_BYTES, HEADER_BYTES + len) });
      this.buffer = this.buffer.subarray(HEADER_BYTES + len);
    }
    return frames;
  }
}
