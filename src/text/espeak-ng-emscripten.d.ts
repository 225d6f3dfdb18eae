// The parts of the espeak-ng WebAssembly build that espeak-child.ts uses (the package ships no types).
declare module '@echogarden/espeak-ng-emscripten' {
  interface ESpeakNGWorker {
    set_voice(name: string): number;
    set_rate(rate: number): void;
    get_samplerate(): number;
    convert_to_phonemes(text: string, ipa: boolean): { ptr: number };
    synthesize(text: string, onAudio: (audio: Int16Array) => boolean): void;
  }
  interface ESpeakNGModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
    HEAPU8: Uint8Array;
    FS: {
      readdir(path: string): string[];
      readFile(path: string): Uint8Array;
      // MEMFS: a file's bytes, a view into the data package.
      lookupPath(path: string): { node: { contents?: Uint8Array } };
      stat(path: string): { mode: number };
      isDir(mode: number): boolean;
    };
  }
  const createModule: (module?: { getPreloadedPackage?: (name: string, size: number) => ArrayBuffer }) => Promise<ESpeakNGModule>;
  export default createModule;
}
