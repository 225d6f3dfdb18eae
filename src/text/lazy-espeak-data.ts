// espeak-ng's data package, for the two WebAssembly builds Herald runs in
// child processes (espeak-child.ts, piper-phonemize-child.ts). Most of a
// package is the dictionaries of a hundred-odd languages; a device speaks one
// or two. The module gets a zero-filled buffer of the package's size (pages
// never written take no memory), its files are created as views into it, and
// each view is read from the file on disk when it is needed: everything but
// the dictionaries at start, a language's dictionary before its voice is
// first used (measured for Herald's build: 91 → 67 MB RSS).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

// The Emscripten file system calls this needs (MEMFS: a file's bytes are a
// view into the package buffer).
export interface EmscriptenFs {
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  lookupPath(path: string): { node: { contents?: Uint8Array } };
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
}

export class LazyEspeakData {
  // What the module's getPreloadedPackage returns. Every instance made over
  // it shares it, so what is filled stays filled for later instances.
  readonly buffer: ArrayBuffer;
  private readonly filled = new Set<string>();
  private readonly voicesReady = new Set<string>();

  constructor(
    private readonly packagePath: string,
    // Where the package's espeak-ng-data directory is mounted in the module.
    private readonly dataDir: string,
  ) {
    this.buffer = new ArrayBuffer(statSync(packagePath).size);
  }

  // Everything but the dictionaries, and English's (espeak-ng switches to it
  // for English words in any language).
  fillStart(fs: EmscriptenFs): void {
    this.fillTree(fs, this.dataDir);
    this.fillDictionaryOf(fs, 'en');
  }

  // The dictionary a voice reads: its lang file's `dictionary`, else its
  // language's (en-us → en_dict). Unsure, fill them all rather than mispronounce.
  fillDictionaryOf(fs: EmscriptenFs, voice: string): void {
    if (this.voicesReady.has(voice)) return;
    const base = voice.split('-')[0];
    const langDir = `${this.dataDir}/lang`;
    const langFile = findLangFile(fs, langDir, voice) ?? findLangFile(fs, langDir, base);
    const named = langFile && /^\s*dictionary\s+(\S+)/m.exec(new TextDecoder().decode(fs.readFile(langFile)))?.[1];
    if (![named, voice, base].some((d) => d && this.fill(fs, `${this.dataDir}/${d}_dict`))) {
      for (const name of fs.readdir(this.dataDir)) if (name.endsWith('_dict')) this.fill(fs, `${this.dataDir}/${name}`);
    }
    this.voicesReady.add(voice);
  }

  private fillTree(fs: EmscriptenFs, dir: string): void {
    for (const name of fs.readdir(dir)) {
      if (name === '.' || name === '..' || name.endsWith('_dict')) continue;
      const path = `${dir}/${name}`;
      if (fs.isDir(fs.stat(path).mode)) this.fillTree(fs, path);
      else this.fill(fs, path);
    }
  }

  private fill(fs: EmscriptenFs, path: string): boolean {
    if (this.filled.has(path)) return true;
    let contents: Uint8Array | undefined;
    try {
      contents = fs.lookupPath(path).node.contents;
    } catch {
      return false;
    }
    if (!contents) return false;
    const fd = openSync(this.packagePath, 'r');
    try {
      readSync(fd, contents, 0, contents.length, contents.byteOffset);
    } finally {
      closeSync(fd);
    }
    this.filled.add(path);
    return true;
  }
}

function findLangFile(fs: EmscriptenFs, dir: string, voice: string): string | undefined {
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    if (fs.isDir(fs.stat(path).mode)) {
      const found = findLangFile(fs, path, voice);
      if (found) return found;
    } else if (name.toLowerCase() === voice.toLowerCase()) return path;
  }
  return undefined;
}
