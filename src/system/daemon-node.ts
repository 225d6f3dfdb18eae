// How the daemon's node process is started in production: the systemd unit
// and `npm start` carry these, `herald bench` and the soak start it the same
// way, and test/daemon-node.test.ts checks that they agree. Each thread of
// onnxruntime, libuv and the onnx worker would get a malloc arena of its own,
// and V8's young generation grows to 16 MB by default; capped, the idle daemon
// holds 15 to 19 MB less (docs/performance.md).
export const DAEMON_NODE_ARGS = ['--max-semi-space-size=2'] as const;
export const DAEMON_ENV = { MALLOC_ARENA_MAX: '2' } as const;
