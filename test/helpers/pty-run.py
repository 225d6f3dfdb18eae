#!/usr/bin/python3
"""Runs a command on a pseudo-terminal, as a person at a terminal would: for
when a program behaves differently on a TTY (questions, a level meter).

Usage: pty-run.py JSON, with JSON = {"argv": [...], "env": {...}, "timeout": s,
"script": [[text, reply], ...]}: each reply is typed once the output since the
previous reply contains its text ("\\u0003" is Ctrl-C, which the terminal turns
into SIGINT). Prints {"output": ..., "code": exit code} as JSON.
"""
import json
import os
import pty
import select
import sys
import time


def main() -> None:
    spec = json.loads(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(spec["argv"][0], spec["argv"], {**os.environ, **spec.get("env", {})})
    script = list(spec.get("script", []))
    out = b""
    since = 0
    deadline = time.monotonic() + float(spec.get("timeout", 60))
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
        if script and script[0][0].encode() in out[since:]:
            os.write(fd, script.pop(0)[1].encode())
            since = len(out)
    else:
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"output": out.decode("utf-8", "replace"), "code": os.waitstatus_to_exitcode(status)}))


if __name__ == "__main__":
    main()
