"""Sentences in each base language for festival's voices to read, from Debian packages.

Running text where Debian has it (asterisk prompts, fortunes, documentation); where it
has only word lists (Hindi, Telugu), sentences of random words: they teach the voice's
sounds and timbre, not its phrasing. Every choice is seeded, so a run is repeatable.
"""
import glob
import gzip
import html
import random
import re

SEED = 1234
MIN_WORDS, MAX_WORDS = 4, 16


def _clean(lines):
    out = []
    for line in lines:
        line = html.unescape(re.sub(r"<[^>]+>", " ", line))
        line = re.sub(r"\s+", " ", line).strip(" -*\"'“”„«»")
        words = line.split()
        if not (MIN_WORDS <= len(words) <= MAX_WORDS):
            continue
        if re.search(r"[0-9@/\\_=<>{}\[\]()|#$%^&~`]", line):
            continue
        out.append(line)
    return out


def _sentences(text):
    return re.split(r"(?<=[.!?।])\s+", re.sub(r"\s+", " ", text))


def _asterisk(lang):
    path = f"/usr/share/doc/asterisk-core-sounds-{lang}/core-sounds-{lang}.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8-sig") as f:
        return [l.split(":", 1)[1] for l in f if ":" in l and not l.startswith(";")]


def _fortunes(lang):
    text = ""
    for p in sorted(glob.glob(f"/usr/share/games/fortunes/{lang}/*")):
        if p.endswith(".dat") or "/off/" in p:
            continue
        try:
            text += open(p, encoding="utf-8").read().replace("%", " ") + " "
        except (UnicodeDecodeError, IsADirectoryError):
            continue
    return _sentences(text)


def _html_dir(pattern):
    text = ""
    for p in sorted(glob.glob(pattern)):
        text += open(p, encoding="utf-8", errors="ignore").read() + " "
    return _sentences(re.sub(r"<[^>]+>", " ", text))


def _gz_text(path):
    with gzip.open(path, "rt", encoding="utf-8", errors="ignore") as f:
        return _sentences(f.read())


def _words(path, script):
    words = []
    for line in open(path, encoding="utf-8", errors="ignore"):
        w = line.split("/")[0].strip()
        if w and re.fullmatch(script, w):
            words.append(w)
    return words


def _word_sentences(words, n, rng):
    out = []
    for _ in range(n):
        k = rng.randint(MIN_WORDS, 9)
        out.append(" ".join(rng.choice(words) for _ in range(k)) + ".")
    return out


def sentences(lang, n):
    """n sentences of `lang` (Herald's language code), the same ones on every run."""
    rng = random.Random(f"{SEED}-{lang}")
    if lang == "it":
        pool = _clean(_asterisk("it"))
    elif lang == "cs":
        pool = _clean(_fortunes("cs"))
    elif lang == "fi":
        pool = _clean(_html_dir("/usr/share/doc/aptitude/html/fi/*.html"))
    elif lang == "ca":
        pool = _clean(_gz_text("/usr/share/doc/maint-guide-ca/maint-guide.ca.txt.gz"))
    elif lang in ("hi", "mr", "te"):
        sample = open(f"/usr/share/doc/festival-{lang}/examples/sample.txt", encoding="utf-8").read()
        pool = _clean(_sentences(sample.replace("\n", " ")))
        dic = {"hi": "/usr/share/hunspell/hi_IN.dic", "te": "/usr/share/hunspell/te_IN.dic"}.get(lang)
        script = r"[\u0900-\u097F]+" if lang != "te" else r"[\u0C00-\u0C7F]+"
        if dic:
            pool += _word_sentences(_words(dic, script), n, rng)
    else:
        raise ValueError(f"no text source for {lang}")
    pool = sorted(set(pool))
    rng.shuffle(pool)
    return pool[:n]


if __name__ == "__main__":
    import sys
    for line in sentences(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5):
        print(line)
