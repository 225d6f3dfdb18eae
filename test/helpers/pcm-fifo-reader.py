#!/usr/bin/python3
"""The far end of an ALSA `file` PCM that points at a FIFO: a stand-in sound card.

Usage: pcm-fifo-reader.py FIFO CAPTURE BYTES_PER_SECOND [PIPE_SIZE]

Creates FIFO if needed, then forever: opens it for reading (waiting for a
writer), shrinks the pipe to PIPE_SIZE (default 4096) so the writer can run
at most that far ahead, reads it at BYTES_PER_SECOND (0: as fast as it comes)
and appends every byte to CAPTURE. After EOF (the sink process closed or was
killed) it opens the FIFO again for the next writer.

On stdout, one line per step, flushed:
  READY                     FIFO exists; the reader is about to open it
  OPEN <n> <offset>         writer n connected; its bytes start at <offset> in CAPTURE
  EOF <n> <bytes>           writer n went away after <bytes> bytes
  BURST <offset> <wall_ns>  paced only: audio resumed after the pipe ran dry
                            (or after this reader itself stalled);
                            the byte at <offset> in CAPTURE was played at
                            <wall_ns> (CLOCK_REALTIME), and each later byte
                            of the burst rate-exactly after it

Paced, it plays like a sound card: on its own clock, each byte due a fixed
time after the burst's first, whatever the scheduler did to one read.
"""
import fcntl
import os
import select
import sys
import time

F_SETPIPE_SZ = 1031
MAX_CATCH_UP = 0.2


def main() -> None:
    fifo, capture, rate = sys.argv[1], sys.argv[2], float(sys.argv[3])
    pipe_size = int(sys.argv[4]) if len(sys.argv) > 4 else 4096
    if not os.path.exists(fifo):
        os.mkfifo(fifo, 0o600)
    out = open(capture, "ab", buffering=0)
    # ~10 ms per read when paced, so the writer sees a steady drain.
    chunk = max(2, int(rate / 100) & ~1) if rate > 0 else 65536
    print("READY", flush=True)
    n = 0
    while True:
        fd = os.open(fifo, os.O_RDONLY)
        try:
            fcntl.fcntl(fd, F_SETPIPE_SZ, pipe_size)
        except OSError as err:
            print(f"WARN F_SETPIPE_SZ {err}", flush=True)
        n += 1
        print(f"OPEN {n} {out.tell()}", flush=True)
        total = 0
        due = 0.0
        while True:
            # Nothing waiting: the writer stalled (or this is its first
            # write), and it does not earn a burst afterwards. Nor does the
            # end of a stall of this reader (SIGSTOP: a hung device) longer
            # than a card would ride out; shorter delays are caught up.
            dry = rate > 0 and not select.select([fd], [], [], 0)[0]
            data = os.read(fd, chunk)
            if not data:
                break
            if rate > 0 and (dry or due == 0.0 or time.monotonic() - due > MAX_CATCH_UP):
                due = time.monotonic()
                print(f"BURST {out.tell()} {time.time_ns()}", flush=True)
            out.write(data)
            total += len(data)
            if rate > 0:
                due += len(data) / rate
                delay = due - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
        os.close(fd)
        print(f"EOF {n} {total}", flush=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
