import { existsSync, statSync } from 'node:fs';
import { IpcExitError, IpcHost } from '../ipc/host.ts';
import { stdioTransport } from '../ipc/transport.ts';
import { adaptResultSchema, type AdaptArgs, type AdaptProgress, type AdaptProtocol, type AdaptResult } from './adapt-protocol.ts';
import { EnrollError } from './enroll-error.ts';
import { lowPriority } from './low-priority.ts';
import { ADAPT_SCRIPT, BASE_MODEL_HINT, pythonPath } from './repo-files.ts';

// Importing PyTorch and loading the base model on a busy 2-core board.
const START_TIMEOUT_MS = 180_000;
// Past the --minutes budget: writing the ONNX file and the last validation.
const FINISH_GRACE_MS = 10 * 60_000;
// After SIGTERM, how long the process may take before SIGKILL.
const KILL_GRACE_MS = 2000;

export class AdaptCancelled extends Error {}

export interface AdaptOptions {
  onProgress?: (progress: AdaptProgress) => void;
  // Aborting kills the process; the call then rejects with AdaptCancelled.
  signal?: AbortSignal;
  python?: string;
  script?: string;
}

// One adaptation run in scripts/train-voice/adapt.py, at low priority: the base model's
// checkpoint plus the takes in, args.outOnnx out. Whatever happens, the
// process is gone when this returns or throws; removing a half-written
// outOnnx is the caller's (it owns the staging directory).
export async function adaptVoice(args: AdaptArgs, options: AdaptOptions = {}): Promise<AdaptResult> {
  if (!existsSync(args.base)) throw new EnrollError(`no base model at ${args.base}: train it with ${BASE_MODEL_HINT}`, 1);
  const script = options.script ?? ADAPT_SCRIPT;
  if (!existsSync(script)) throw new EnrollError(`no adaptation script at ${script}`, 1);
  if (options.signal?.aborted) throw new AdaptCancelled('cancelled');
  const python = options.python ?? pythonPath();
  const { command, args: argv } = lowPriority(python, [script]);
  const host = new IpcHost<AdaptProtocol>({
    name: 'adaptation process',
    spawn: () => stdioTransport(command, argv, { env: { ...process.env, PYTHONUNBUFFERED: '1' } }),
    startTimeoutMs: START_TIMEOUT_MS,
    timeoutMs: args.minutes * 60_000 + FINISH_GRACE_MS,
  });
  if (options.onProgress) host.onEvent('progress', options.onProgress);
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    const stopping = host.stop(KILL_GRACE_MS);
    host.kill('SIGTERM');
    return stopping;
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const raw = await host.call('adapt', args);
    const parsed = adaptResultSchema.safeParse(raw);
    if (!parsed.success) throw new EnrollError(`the adaptation process answered with an unexpected result: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`, 1);
    if (!existsSync(args.outOnnx) || statSync(args.outOnnx).size === 0) throw new EnrollError('the adaptation process reported success but wrote no model', 1);
    return parsed.data;
  } catch (err) {
    if (cancelled) throw new AdaptCancelled('cancelled');
    if (err instanceof EnrollError) throw err;
    if (err instanceof IpcExitError) throw new EnrollError(`adaptation failed: ${err.message}`, 1);
    throw new EnrollError(`adaptation failed: ${(err as Error).message}`, 1);
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    await host.stop(KILL_GRACE_MS);
  }
}
