// The parts of node-record-lpcm16 that src/enroll/capture-take.ts uses (the package ships no types).
declare module 'node-record-lpcm16' {
  import type { ChildProcess } from 'node:child_process';
  import type { Readable } from 'node:stream';

  interface RecordOptions {
    sampleRate?: number;
    channels?: number;
    // 'arecord' runs ALSA's arecord; 'sox' and 'rec' need SoX.
    recorder?: 'arecord' | 'sox' | 'rec';
    device?: string | null;
    audioType?: 'wav' | 'raw';
  }

  interface Recording {
    process: ChildProcess;
    stream(): Readable;
    stop(): void;
  }

  const recorder: { record(options?: RecordOptions): Recording };
  export default recorder;
}
