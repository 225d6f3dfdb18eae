#!/usr/bin/python3
"""The far end of an ALSA `file` PCM whose `infile` is a FIFO: a stand-in microphone.

Usage: mic-fifo-writer.py FIFO

Creates FIFO if needed. Reads one path per line on stdin: the raw 16-bit
samples of the next take. For each: opens FIFO for writing (waiting for a
reader: arecord opening the capture PCM), makes the pipe big enough to hold
the whole take and writes it in one write, so a reader never sees part of it
(ALSA's file plugin fills a short read with the slave's silence), then writes
silence, as a quiet room would, until the reader goes away (arecord killed
at the end of the take). With no path queued, a reader waits in open(): a
microphone that stays silent is the test's to arrange.

On stdout, one line per step, flushed:
  READY            FIFO exists
  OPEN <n>         take n: a reader is there
  GONE <n>         take n: the reader went away
"""
import fcntl
import os
import signal
import sys

F_SETPIPE_SZ = 1031
PIPE_MAX = 1 << 20


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    fifo = sys.argv[1]
    if not os.path.exists(fifo):
        os.mkfifo(fifo, 0o600)
    print("READY", flush=True)
    quiet = bytes(4096)
    n = 0
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        data = open(path, "rb").read()
        if len(data) > PIPE_MAX:
            print(f"WARN take {path} is over {PIPE_MAX} bytes", flush=True)
        fd = os.open(fifo, os.O_WRONLY)
        n += 1
        print(f"OPEN {n}", flush=True)
        try:
            fcntl.fcntl(fd, F_SETPIPE_SZ, max(PIPE_MAX, 4096))
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            while True:
                os.write(fd, quiet)
        except BrokenPipeError:
            pass
        os.close(fd)
        print(f"GONE {n}", flush=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
