#!/usr/bin/python3
"""Data for the multi-speaker base: every speaker in speakers.BASE, each in its languages.

  prep_base.py sources WORK [--festival N] [--recordings N] [--held-out]
      WORK/units/<speaker>.<lang>/: lines.txt (one utterance a line), wavs/NNNNNN.wav
      (festival's output, or a link to the recording), unit.json. festival reads N
      sentences per voice and language (texts.py); recordings give at most N utterances.
      Resumable: wavs that exist are kept. --held-out makes the held-out speakers instead,
      in WORK/held-out/units.
  (then run-base.sh phonemizes each lines.txt with Herald: units/*/phon.jsonl)
  prep_base.py features WORK OUT.pt
      pairs ids and audio like preprocess.py, levelled (dsp.level), trimmed, with each
      utterance's speaker index and usable band.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time
from multiprocessing import Pool

import numpy as np
import torch

import dsp
import speakers as S
import texts
from preprocess import ids_of

# festival's voices read 8-bit text in their own code page; given UTF-8 they exit 0
# and speak the bytes as garbage, so the encoding is stated per language
FESTIVAL_ENCODING = {"cs": "iso-8859-2", "it": "iso-8859-1", "fi": "iso-8859-1", "ca": "iso-8859-1",
                     "en-us": "ascii", "ru": "utf-8", "hi": "utf-8", "mr": "utf-8", "te": "utf-8"}


def units_of(speaker):
    langs = speaker["lang"] if isinstance(speaker["lang"], list) else [speaker["lang"]]
    voices = speaker.get("voice")
    voices = voices if isinstance(voices, list) else [voices] * len(langs)
    return [dict(speaker, lang=l, voice=v, unit=f"{speaker['name']}.{l}") for l, v in zip(langs, voices)]


def english(n, work):
    """English sentences from the bundled voice's corpus generator (WordNet, announcements)."""
    out = os.path.join(work, "corpus-en")
    if not os.path.exists(os.path.join(out, "train.txt")):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gen_corpus.py"), out, str(n)], check=True)
    return [l.strip() for l in open(os.path.join(out, "train.txt")) if l.strip()][:n]


def festival_unit(u, n, work, d):
    lines = english(n, work) if u["lang"] == "en-us" else texts.sentences(u["lang"], n)
    enc = FESTIVAL_ENCODING[u["lang"]]
    keep = []
    for line in lines:
        line = line.replace('"', " ").replace("\\", " ").strip()
        try:
            line.encode(enc)
        except UnicodeEncodeError:
            continue
        keep.append(line)
    wavs = os.path.join(d, "wavs")
    os.makedirs(wavs, exist_ok=True)
    missing = [(i, s) for i, s in enumerate(keep) if not os.path.exists(os.path.join(wavs, f"{i:06d}.wav"))]
    if missing:
        scm = os.path.join(d, "synth.scm")
        with open(scm, "w", encoding=enc) as f:
            f.write(f"(voice_{u['voice']})\n")
            for i, s in missing:
                tmp = os.path.join(wavs, f"{i:06d}.tmp.wav")
                f.write(f'(utt.save.wave (SynthText "{s}") "{tmp}" \'riff)\n')
                f.write(f'(system "mv {tmp} {os.path.join(wavs, f"{i:06d}.wav")}")\n')
        subprocess.run(["festival", "-b", scm], check=False, stdout=subprocess.DEVNULL)
    return keep


def recordings_unit(u, n, d):
    src = u["source"]
    pairs = []
    if src == "festvox-ru":
        root = "/usr/share/festival/voices/russian/msu_ru_nsh_clunits"
        for m in re.finditer(r'\(\s*(\S+)\s+"(.*?)"\s*\)', open(f"{root}/etc/txt.done.data", encoding="utf-8").read()):
            pairs.append((f"{root}/wav/{m.group(1)}.wav", m.group(2).replace("+", "")))
    elif src.startswith("asterisk:"):
        lang = src.split(":")[1]
        root = os.path.realpath(f"{S.ASTERISK}/{lang}")
        with gzip.open(S.ASTERISK_TXT.format(lang=lang), "rt", encoding="utf-8-sig") as f:
            for line in f:
                if line.startswith(";") or ":" not in line:
                    continue
                key, text = line.split(":", 1)
                text = text.strip().strip("“”\"«» ").lstrip(". ")
                if not text or text[0] in "[(" or "beep" in text.lower():
                    continue
                wav = f"{root}/{key.strip()}.wav"
                if os.path.exists(wav) and len(text.split()) >= 2:
                    pairs.append((wav, text))
    pairs.sort()
    pairs = pairs[:n]
    wavs = os.path.join(d, "wavs")
    os.makedirs(wavs, exist_ok=True)
    for i, (wav, _) in enumerate(pairs):
        link = os.path.join(wavs, f"{i:06d}.wav")
        if not os.path.lexists(link):
            os.symlink(wav, link)
    return [t for _, t in pairs]


def make_unit(job):
    u, a = job
    d = os.path.join(a.work, "held-out" if a.held_out else "", "units", u["unit"])
    os.makedirs(d, exist_ok=True)
    if u["kind"] == "festival":
        lines = festival_unit(u, a.festival, a.work, d)
    else:
        lines = recordings_unit(u, a.recordings, d)
    with open(os.path.join(d, "lines.txt"), "w", encoding="utf-8") as f:
        f.write("".join(l + "\n" for l in lines))
    made = len([x for x in os.listdir(os.path.join(d, "wavs")) if x.endswith(".wav") and ".tmp" not in x])
    json.dump({"speaker": u["name"], "lang": u["lang"], "rate": u["rate"], "kind": u["kind"]},
              open(os.path.join(d, "unit.json"), "w"))
    return f"{u['unit']}: {made}/{len(lines)} utterances"


def sources(a):
    t0 = time.time()
    if any(u["lang"] == "en-us" for s in S.BASE + S.HELD_OUT for u in units_of(s)):
        english(a.festival, a.work)   # once, before the workers race to make it
    jobs = [(u, a) for spk in (S.HELD_OUT if a.held_out else S.BASE) for u in units_of(spk)]
    # festival is single-threaded: one voice per core
    with Pool(2) as pool:
        for line in pool.imap_unordered(make_unit, jobs):
            print(f"[{time.time() - t0:6.0f}s] {line}", flush=True)


def work_item(path):
    x, _ = dsp.read_wav_any(path)
    x = dsp.level(dsp.trim(x))
    return dsp.features(x)


def features(a):
    t0 = time.time()
    units = sorted(os.listdir(os.path.join(a.work, "units")))
    names = sorted({json.load(open(os.path.join(a.work, "units", u, "unit.json")))["speaker"] for u in units})
    pmap = {k: v[0] for k, v in json.load(open(os.path.join(a.work, "phoneme_id_map.json"))).items()}
    jobs, meta = [], []
    for u in units:
        d = os.path.join(a.work, "units", u)
        info = json.load(open(os.path.join(d, "unit.json")))
        recs = [json.loads(l) for l in open(os.path.join(d, "phon.jsonl"), encoding="utf-8")]
        for i, rec in enumerate(recs):
            wav = os.path.join(d, "wavs", f"{i:06d}.wav")
            if os.path.exists(wav):
                jobs.append(wav)
                meta.append((rec, names.index(info["speaker"]), dsp.band_bins(info["rate"])))
    with Pool(2) as pool:
        feats = pool.map(work_item, jobs, chunksize=16)
    items = []
    for (rec, spk, band), (logmag, mel) in zip(meta, feats):
        ids = ids_of(rec, pmap)
        # too few frames for its ids: festival skipped the words, or the text and audio differ
        if len(ids) < 5 or logmag.shape[0] < len(ids) + 2:
            continue
        items.append({"ids": torch.tensor(ids, dtype=torch.int16), "logmag": torch.from_numpy(logmag),
                      "mel": torch.from_numpy(mel), "spk": spk, "band": band})
    full = [it for it in items if it["band"] >= dsp.band_bins(dsp.SR)]
    mel_all = torch.cat([it["mel"] for it in items])
    mag_all = torch.cat([it["logmag"].float() for it in full[::max(1, len(full) // 1000)]])
    stats = {"mel_mean": mel_all.mean(0), "mel_std": mel_all.std(0) + 1e-3,
             "mag_mean": mag_all.mean(0), "mag_std": mag_all.std(0) + 1e-3}
    for it in items:
        it["mel"] = ((it["mel"] - stats["mel_mean"]) / stats["mel_std"]).half()
    # speakers interleaved, so the validation split (last 3 of each) and batches see all of them
    frames = sum(it["logmag"].shape[0] for it in items)
    torch.save({"items": items, "stats": stats, "speakers": names}, a.out)
    per = {n: sum(1 for it in items if it["spk"] == i) for i, n in enumerate(names)}
    print(f"features: {len(items)} utterances, {frames * dsp.HOP / dsp.SR / 3600:.2f} h, {len(names)} speakers "
          f"{per}, {time.time() - t0:.0f}s", flush=True)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sources")
    s.add_argument("work")
    s.add_argument("--festival", type=int, default=150)
    s.add_argument("--recordings", type=int, default=250)
    s.add_argument("--held-out", action="store_true")
    f = sub.add_parser("features")
    f.add_argument("work")
    f.add_argument("out")
    a = ap.parse_args()
    sources(a) if a.cmd == "sources" else features(a)


if __name__ == "__main__":
    main()
