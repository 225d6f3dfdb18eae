import { createServer, type Server } from 'node:net';
import type { HeraldConfig } from '../config/schema.ts';
import type { Logger } from '../log.ts';

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
}

// An in-process broker for a box that has none. Bound to 127.0.0.1 only:
// Herald opens no port to the network unless a feature asks for one.
export async function startEmbeddedBroker(port: number, host = '127.0.0.1'): Promise<EmbeddedBroker> {
  // Loaded only here: a device on a real broker never pays for aedes.
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}

// Where Herald connects: the configured broker, or with `mqtt.embedded` its
// own. A broker already on the embedded port (often a mosquitto service) is
// used as it is.
export async function brokerToUse(mqtt: HeraldConfig['mqtt'], log: Logger): Promise<{ url: string; embedded?: EmbeddedBroker }> {
  if (!mqtt.embedded) return { url: mqtt.url };
  try {
    const embedded = await startEmbeddedBroker(mqtt.embeddedPort);
    log.info({ port: embedded.port }, 'embedded MQTT broker listening on 127.0.0.1');
    return { url: `mqtt://127.0.0.1:${embedded.port}`, embedded };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    log.warn({ port: mqtt.embeddedPort }, 'embedded broker port in use; connecting to the broker already listening there');
    return { url: `mqtt://127.0.0.1:${mqtt.embeddedPort}` };
  }
}
