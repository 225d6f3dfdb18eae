import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { Daemon } from '../daemon.ts';
import { createLogger } from '../log.ts';

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, embedded: { type: 'boolean' } } });
  const { config, source } = loadConfig(values.config);
  // `npm start`: a box with no broker still works out of the box.
  if (values.embedded) config.mqtt.embedded = true;
  const log = createLogger(config.log.level);
  log.info({ source }, 'config loaded');
  const daemon = new Daemon(config, log);

  // An unexpected error is logged; the service manager restarts us if it was fatal.
  process.on('unhandledRejection', (err) => log.error({ err: (err as Error)?.stack ?? String(err) }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => {
    log.fatal({ err: err.stack }, 'uncaught exception; exiting');
    process.exit(70);
  });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    stopping ??= daemon.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await daemon.start();
  await new Promise(() => {});
  return 0;
}
