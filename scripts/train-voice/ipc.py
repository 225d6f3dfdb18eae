"""The child side of Herald's typed IPC layer (src/ipc/) for a Python process:
JSON lines on stdin (requests) and stdout (ready, results, events), as
src/ipc/transport.ts's stdioTransport speaks them. stdout carries nothing else:
print() and library chatter go to stderr, which the host keeps for errors."""
import json
import sys
import traceback


def serve(handlers):
    out = sys.stdout
    sys.stdout = sys.stderr

    def post(msg):
        out.write(json.dumps(msg, separators=(",", ":")) + "\n")
        out.flush()

    def emit(name, data):
        post({"t": "evt", "name": name, "data": data})

    post({"t": "ready"})
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            print(f"ipc: unreadable line {line[:80]!r}", file=sys.stderr)
            continue
        if msg.get("t") != "req":
            continue
        handler = handlers.get(msg.get("op"))
        try:
            if handler is None:
                raise ValueError(f"unknown request '{msg.get('op')}'")
            post({"t": "res", "id": msg["id"], "ok": True, "result": handler(msg.get("args") or {}, emit)})
        except Exception as err:  # the host gets the message; the trace goes to stderr
            traceback.print_exc(file=sys.stderr)
            post({"t": "res", "id": msg["id"], "ok": False, "error": str(err) or type(err).__name__})
