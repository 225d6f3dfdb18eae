import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { Daemon } from '../daemon.ts';
import { createLogger } from '../log.ts';
import { createLoopLagProbe } from '../system/loop-lag.ts';
import { createNotifier } from '../system/sd-notify.ts';

const MAX_LOOP_LAG_MS = 5_000;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, embedded: { type: 'boolean' } } });
  const { config, source } = loadConfig(values.config);
  // `npm start`: a box with no broker still works out of the box.
  if (values.embedded) config.mqtt.embedded = true;
  const log = createLogger(config.log.level);
  log.info({ source }, 'config loaded');
  // Before any child process starts: the notifier takes NOTIFY_SOCKET out of
  // the environment so that only the daemon speaks to systemd.
  const notify = createNotifier(log.child({ mod: 'sd-notify' }));
  const daemon = new Daemon(config, log);

  // An unexpected error is logged; the service manager restarts us if it was fatal.
  process.on('unhandledRejection', (err) => log.error({ err: (err as Error)?.stack ?? String(err) }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => {
    log.fatal({ err: err.stack }, 'uncaught exception; exiting');
    process.exit(70);
  });

  let watchdog: { stop(): void } | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    watchdog?.stop();
    stopping ??= notify
      .stopping('shutting down')
      .then(() => daemon.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  // start() returns once every voice is loaded and warmed up: only then READY=1.
  await daemon.start();
  await notify.ready(`speaking with ${daemon.voices.defaultVoice} on ${daemon.voices.defaultProvider}`);
  // WATCHDOG=1 only while the main loop answers and audio that waits is moving.
  const loop = createLoopLagProbe(MAX_LOOP_LAG_MS);
  watchdog = notify.startWatchdog(() => loop.check() && daemon.sink.healthy(config.audio.stallSeconds * 1000));
  await new Promise(() => {});
  return 0;
}
