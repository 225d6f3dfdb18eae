// A stand-in for systemd's notification socket: a real AF_UNIX/SOCK_DGRAM socket
// bound by a small python3 process (Node cannot bind datagram unix sockets), so
// tests can point NOTIFY_SOCKET at it and see exactly what a daemon sends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NotifyMessage {
  /** The datagram as received. */
  raw: string;
  /** KEY=VALUE assignments of the datagram (last one wins). */
  fields: Record<string, string>;
  /** Sender PID/UID/GID from SCM_CREDENTIALS (what systemd attributes the message by). */
  pid: number | null;
  uid: number | null;
  gid: number | null;
  /** Listener's CLOCK_MONOTONIC at receipt, in microseconds (compare with MONOTONIC_USEC). */
  monotonicUsec: number;
  /** Date.now() in this process when the message was parsed. */
  receivedAt: number;
}

export interface NotifyListener {
  /** Value for NOTIFY_SOCKET: a path, or '@name' for an abstract socket. */
  path: string;
  /** Every datagram received so far, in order. */
  messages: NotifyMessage[];
  /** First message (already received or future) matching `pred`; rejects after timeoutMs. */
  waitFor(pred: (m: NotifyMessage) => boolean, timeoutMs: number): Promise<NotifyMessage>;
  close(): Promise<void>;
}

export interface NotifyListenerOptions {
  /** Bind an abstract socket ('@...') instead of a filesystem path. */
  abstract?: boolean;
  /** python3 executable (default: /usr/bin/python3 if present, else python3 from PATH). */
  python?: string;
}

// Binds, enables SO_PASSCRED, prints "BOUND", then one JSON line per datagram.
// Any passed file descriptors (systemd-notify's BARRIER=1 pipe) are closed right
// away, which is what releases the sender's barrier wait.
const LISTENER_SOURCE = String.raw`
import json, os, socket, struct, sys, time
addr = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(('\0' + addr[1:]) if addr.startswith('@') else addr)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
print('BOUND', flush=True)
ucred = struct.calcsize('3i')
anc = socket.CMSG_SPACE(ucred) + socket.CMSG_SPACE(64 * 4)
while True:
    data, ancdata, flags, _ = s.recvmsg(65536, anc)
    pid = uid = gid = None
    nfds = 0
    for level, kind, payload in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid, uid, gid = struct.unpack('3i', payload[:ucred])
        elif level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            n = len(payload) // 4
            for fd in struct.unpack('%di' % n, payload[:n * 4]):
                nfds += 1
                os.close(fd)
    print(json.dumps({'raw': data.decode('utf-8', 'replace'), 'pid': pid, 'uid': uid, 'gid': gid,
                      'fds': nfds, 'mono': time.monotonic_ns() // 1000}), flush=True)
`;

export function pythonExecutable(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export function parseNotifyFields(raw: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of raw.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) fields[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return fields;
}

export async function startNotifyListener(opts: NotifyListenerOptions = {}): Promise<NotifyListener> {
  const dir = mkdtempSync(join(tmpdir(), 'herald-notify-'));
  const path = opts.abstract
    ? `@herald-notify-test-${process.pid}-${Math.random().toString(36).slice(2)}`
    : join(dir, 'notify.sock');
  const child: ChildProcessWithoutNullStreams = spawn(opts.python ?? pythonExecutable(), ['-u', '-c', LISTENER_SOURCE, path], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const messages: NotifyMessage[] = [];
  const waiters = new Set<{ pred: (m: NotifyMessage) => boolean; resolve: (m: NotifyMessage) => void }>();
  let stderr = '';
  let buf = '';
  let exited = false;

  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr += d;
  });

  const bound = new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`notify listener exited (${String(code)}): ${stderr.trim()}`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'BOUND') {
          child.off('exit', onExit);
          resolve();
          continue;
        }
        let parsed: { raw: string; pid: number | null; uid: number | null; gid: number | null; mono: number };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          continue;
        }
        const msg: NotifyMessage = {
          raw: parsed.raw,
          fields: parseNotifyFields(parsed.raw),
          pid: parsed.pid,
          uid: parsed.uid,
          gid: parsed.gid,
          monotonicUsec: parsed.mono,
          receivedAt: Date.now(),
        };
        messages.push(msg);
        for (const w of [...waiters]) {
          if (w.pred(msg)) {
            waiters.delete(w);
            w.resolve(msg);
          }
        }
      }
    });
  });
  child.on('exit', () => {
    exited = true;
  });

  const close = async (): Promise<void> => {
    if (!exited) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await bound;
  } catch (err) {
    await close();
    throw err;
  }

  return {
    path,
    messages,
    waitFor(pred, timeoutMs) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise<NotifyMessage>((resolve, reject) => {
        const waiter = {
          pred,
          resolve: (m: NotifyMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no matching notify message within ${timeoutMs} ms; got: ${JSON.stringify(messages.map((m) => m.raw))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close,
  };
}
