// The WASM build ships no type declarations; Herald uses it only in espeak-child.ts.
declare module '@echogarden/espeak-ng-emscripten' {
  const factory: () => Promise<any>;
  export default factory;
}
