import { isMainThread, parentPort } from 'node:worker_threads';
import type { Args, EventName, Op, Protocol, Result, ToChild, ToHost } from './protocol.ts';

// A result handed over rather than copied (a worker's output buffer).
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: readonly Transferable[],
  ) {}
}

export type Handlers<P extends Protocol> = {
  [K in Op<P>]: (args: Args<P, K>) => Result<P, K> | Transfer<Result<P, K>> | Promise<Result<P, K> | Transfer<Result<P, K>>>;
};

export interface Served<P extends Protocol> {
  emit<K extends EventName<P>>(name: K, data: P['events'][K]): void;
}

// The child side: answers the host's requests with `handlers` and says it is
// ready. Works the same in a forked process and in a worker thread.
export function serve<P extends Protocol>(handlers: Handlers<P>): Served<P> {
  const port = isMainThread ? undefined : parentPort;
  const post = (message: ToHost, transfer: readonly Transferable[] = []) => {
    if (port) port.postMessage(message, transfer as never);
    else if (process.connected) process.send?.(message);
  };
  const onRequest = (message: ToChild) => {
    if (message?.t !== 'req') return;
    const handler = (handlers as Record<string, (args: unknown) => unknown>)[message.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown request '${message.op}'`);
        return handler(message.args);
      })
      .then(
        (out) => {
          if (out instanceof Transfer) post({ t: 'res', id: message.id, ok: true, result: out.value }, out.list);
          else post({ t: 'res', id: message.id, ok: true, result: out });
        },
        (err: unknown) => post({ t: 'res', id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  };
  if (port) {
    port.on('message', onRequest);
  } else {
    if (!process.send) throw new Error('serve() needs an IPC channel: start this file through its host');
    process.on('message', onRequest);
    // A child process does not outlive its host: a daemon killed with -9 must
    // not leave audio playing that its successor will play again.
    process.on('disconnect', () => process.exit(0));
  }
  post({ t: 'ready' });
  return { emit: (name, data) => post({ t: 'evt', name, data }) };
}
