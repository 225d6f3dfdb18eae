// V8 flags for Herald's child processes. --lite-mode (no optimizing compiler,
// feedback allocated lazily) measured 3 s after start, compiled children, 5
// runs, median: espeak-ng child 91 -> 73 MB, ALSA sink child 47 -> 46 MB,
// phonemize and synthesis times within the run-to-run noise; under tsx 228 ->
// 107 MB and 81 -> 61 MB. --max-semi-space-size, --max-old-space-size,
// --v8-pool-size, --single-threaded and --optimize-for-size changed nothing
// beyond 2 MB and are left out.
export const CHILD_V8_FLAGS: readonly string[] = ['--lite-mode'];
