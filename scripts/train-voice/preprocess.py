#!/usr/bin/python3
"""Pair Herald phoneme ids with teacher audio features.

Usage: preprocess.py PHON.jsonl WAV_DIR OUT.pt
For each line i: ids = Herald's ids for the line (sentences joined with a space),
audio = WAV_DIR/{i:06d}.wav times dsp.GAIN, leading/trailing silence trimmed to
0.1 s; features: log |STFT| [F, 513] and normalised log-mel [F, 80] (the latter
only for alignment).
"""
import json
import os
import sys
import time
from multiprocessing import Pool

import numpy as np
import torch

import dsp

MEL = dsp.mel_basis()
LOG_FLOOR = 1e-3


def ids_of(rec, pmap):
    """Sentences of one line joined into one sequence: ^ _ (p _)* $ over all phonemes,
    sentences separated by a space, exactly as the per-sentence ids would be."""
    phon = " ".join(s["phonemes"] for s in rec["sentences"])
    ids = [pmap["^"], pmap["_"]]
    for ch in phon:
        if ch in pmap:
            ids += [pmap[ch], pmap["_"]]
    ids.append(pmap["$"])
    if len(rec["sentences"]) == 1:
        assert ids == rec["sentences"][0]["ids"], (ids, rec["sentences"][0]["ids"])
    return ids


def trim(x, thr=0.01, keep=0.1):
    idx = np.nonzero(np.abs(x) > thr)[0]
    if len(idx) == 0:
        return x
    a = max(0, idx[0] - int(keep * dsp.SR))
    b = min(len(x), idx[-1] + int(keep * dsp.SR))
    return x[a:b]


def work(path):
    x = trim(dsp.read_wav(path) * dsp.GAIN)
    mag = dsp.stft_mag(x)
    logmag = np.log(np.maximum(mag, LOG_FLOOR))
    mel = np.log(np.maximum(mag @ MEL.T, LOG_FLOOR))
    return logmag.astype(np.float16), mel.astype(np.float32)


def main():
    phon, wav_dir, out = sys.argv[1:4]
    pmap = json.load(open(os.path.join(os.path.dirname(out), "phoneme_id_map.json")))
    pmap = {k: v[0] for k, v in pmap.items()}
    recs = [json.loads(l) for l in open(phon)]
    t0 = time.time()
    paths = [os.path.join(wav_dir, f"{i:06d}.wav") for i in range(len(recs))]
    with Pool(2) as pool:
        feats = pool.map(work, paths, chunksize=32)
    items = []
    for i, (rec, (logmag, mel)) in enumerate(zip(recs, feats)):
        ids = ids_of(rec, pmap)
        if len(ids) < 5 or logmag.shape[0] < len(ids) + 2:
            print("skip", i, rec["text"])
            continue
        items.append({"ids": torch.tensor(ids, dtype=torch.int16), "logmag": torch.from_numpy(logmag),
                      "mel": torch.from_numpy(mel)})
    mel_all = torch.cat([it["mel"] for it in items])
    mag_all = torch.cat([it["logmag"].float() for it in items[:1000]])
    stats = {"mel_mean": mel_all.mean(0), "mel_std": mel_all.std(0) + 1e-3,
             "mag_mean": mag_all.mean(0), "mag_std": mag_all.std(0) + 1e-3}
    for it in items:
        it["mel"] = ((it["mel"] - stats["mel_mean"]) / stats["mel_std"]).half()
    frames = sum(it["logmag"].shape[0] for it in items)
    torch.save({"items": items, "stats": stats}, out)
    print(f"preprocess: {len(items)} utterances, {frames} frames ({frames * dsp.HOP / dsp.SR / 3600:.2f} h), "
          f"{time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
