import pino, { type Logger } from 'pino';

export type { Logger };

// JSON lines on stderr: journald keeps them, and stdout stays free for CLI output.
export function createLogger(level = process.env.HERALD_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'herald' } }, pino.destination(2));
}
