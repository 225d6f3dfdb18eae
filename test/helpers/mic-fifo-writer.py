#!/usr/bin/python3
"""The far end of an ALSA `file` PCM whose `infile` is a FIFO: a stand-in microphone.

Usage: mic-fifo-writer.py PATH

PATH is a symlink to the FIFO of the next take (PATH.1, PATH.2, ...). Reads
one path per line on stdin: the raw 16-bit samples of the next take. For
each take n: opens PATH.n for writing (waiting for a reader: arecord opening
the capture PCM), points PATH at PATH.n+1 at once, makes the pipe big enough
to hold the whole take and writes it in one write, so a reader never sees
part of it (ALSA's file plugin fills a short read with the slave's silence),
then writes silence, as a quiet room would, until the reader goes away
(arecord killed at the end of the take). With no path queued, a reader waits
in open(): a microphone that stays silent is the test's to arrange.

Why a FIFO per take: a FIFO's buffer lives as long as anyone holds it open.
With one FIFO, a recorder that opened it before this writer had seen the
last one leave would join the same pipe and hear the last take's silence.
A reader that comes later than the take it was meant for now opens the next
FIFO, whose take has not been written yet.

On stdout, one line per step, flushed:
  READY            PATH exists
  OPEN <n>         take n: a reader is there
  GONE <n>         take n: the reader went away
"""
import fcntl
import os
import signal
import sys

F_SETPIPE_SZ = 1031
PIPE_MAX = 1 << 20


def point(link: str, n: int) -> None:
    target = f"{link}.{n}"
    if not os.path.exists(target):
        os.mkfifo(target, 0o600)
    tmp = f"{link}.link"
    if os.path.lexists(tmp):
        os.unlink(tmp)
    os.symlink(os.path.basename(target), tmp)
    os.replace(tmp, link)


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    link = sys.argv[1]
    point(link, 1)
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
        n += 1
        fd = os.open(f"{link}.{n}", os.O_WRONLY)
        point(link, n + 1)
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
        os.unlink(f"{link}.{n}")
        print(f"GONE {n}", flush=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
