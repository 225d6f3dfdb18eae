"""Word error rate helpers and a pocketsphinx wrapper."""
import os
import re
import subprocess
import tempfile


def norm_words(s):
    s = s.lower().replace("-", " ")
    s = re.sub(r"[^a-z' ]", " ", s)
    return [w for w in s.split() if w.strip("'")]


def edit_distance(a, b):
    d = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(b) + 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] != b[j - 1]))
            prev, d[j] = d[j], cur
    return d[len(b)]


def recognise(wav_path):
    """pocketsphinx_continuous on a 16 kHz mono 16-bit copy of the file (sox)."""
    with tempfile.TemporaryDirectory() as td:
        p16 = os.path.join(td, "a16k.wav")
        subprocess.run(["sox", "-V1", wav_path, "-r", "16000", "-c", "1", "-b", "16", p16], check=True)
        r = subprocess.run(["pocketsphinx_continuous", "-infile", p16, "-logfn", "/dev/null"],
                           capture_output=True, text=True)
        return " ".join(l.strip() for l in r.stdout.splitlines() if l.strip())
