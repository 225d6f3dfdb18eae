#!/usr/bin/python3
"""How close does enrollment get to a speaker the base never heard? (issue 10, item 8)

Usage: scripts/train-voice/evaluate-clone [--speakers kal,allison] [--seconds 60] [--steps N]
                                         [--minutes M] [--tests 10] [--work DIR] [--json]

For each held-out speaker (speakers.HELD_OUT: `kal`, festival's kallpc16k, and Allison,
the real person of the Asterisk English prompts, 8 kHz):
1. takes: the first of its utterances, in order, until `--seconds` of audio; written as an
   LJSpeech directory and enrolled through the real CLI (`herald enroll NAME --from DIR --json`),
   timed from the outside;
2. unseen sentences (kal: Harvard sentences, never in any training text; Allison: her other
   prompts) in the target's own rendering, and the same texts spoken by the clone, by the
   base with the mean speaker (what a voice is before enrollment), by every speaker of the
   base, and by the target itself at another rate (the floor: the same voice, different timing);
3. a cepstral distance after DTW (mel cepstrum c1..c13, 25 ms frames, in the target's band:
   16 kHz for kal, 8 kHz for Allison; levelled and trimmed first), mean over the sentences;
4. pocketsphinx WER of the clone and of the target (kal only: pocketsphinx gives nothing usable
   on 8 kHz audio), the enrollment wall time, the voice's size.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

import numpy as np
from scipy.fft import dct
from scipy.signal import resample_poly

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import dsp  # noqa: E402
import wer  # noqa: E402

PY = "/usr/bin/python3"


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


# ---- cepstral distance -------------------------------------------------------------------
def mel_fb(sr, n_fft, n_mels):
    hz2mel = lambda f: 2595.0 * np.log10(1.0 + f / 700.0)
    mel2hz = lambda m: 700.0 * (10 ** (m / 2595.0) - 1.0)
    freqs = np.linspace(0, sr / 2, n_fft // 2 + 1)
    pts = mel2hz(np.linspace(hz2mel(60.0), hz2mel(0.95 * sr / 2), n_mels + 2))
    fb = np.zeros((n_mels, len(freqs)))
    for m in range(n_mels):
        lo, c, hi = pts[m], pts[m + 1], pts[m + 2]
        fb[m] = np.maximum(0, np.minimum((freqs - lo) / (c - lo), (hi - freqs) / (hi - c)))
    return fb


def cepstra(path, sr):
    x, _ = dsp.read_wav_any(path)
    x = resample_poly(x, sr, dsp.SR) if sr != dsp.SR else x
    x = dsp.trim(x)
    n, hop = int(0.025 * sr), int(0.010 * sr)
    n_fft = 1 << (n - 1).bit_length()
    if len(x) < n:
        x = np.pad(x, (0, n - len(x)))
    idx = np.arange(n)[None, :] + hop * np.arange(1 + (len(x) - n) // hop)[:, None]
    spec = np.abs(np.fft.rfft(x[idx] * np.hanning(n), n_fft)) ** 2
    # log amplitude (half the log power), as mel-cepstral distortion is defined on
    logmel = 0.5 * np.log(spec @ mel_fb(sr, n_fft, 40 if sr >= 16000 else 30).T + 1e-8)
    c = dct(logmel, type=2, norm="ortho", axis=1)[:, 1:14]
    energy = logmel.max(1)
    return c[energy > energy.max() - 12]     # speech frames only: silence has no timbre


def dtw_distance(target, other):
    """Mean mel-cepstral distance (dB) over the target's frames, each matched to one frame of
    `other` along a monotonic path that moves 0, 1 or 2 frames per target frame (so either
    may be up to twice as fast), from first frame to last."""
    cost = np.sqrt(2 * ((target[:, None, :] - other[None, :, :]) ** 2).sum(2)) * (10 / np.log(10))
    acc = np.full(cost.shape[1], np.inf)
    acc[0] = cost[0, 0]
    for row in cost[1:]:
        prev1 = np.concatenate(([np.inf], acc[:-1]))
        prev2 = np.concatenate(([np.inf, np.inf], acc[:-2]))
        acc = row + np.minimum(acc, np.minimum(prev1, prev2))
    return float(acc[-1] / len(cost))


def distance(paths, targets, sr):
    return float(np.mean([dtw_distance(cepstra(t, sr), cepstra(p, sr)) for p, t in zip(paths, targets)]))


# ---- renderings ----------------------------------------------------------------------------
def festival(voice, texts, out_dir, stretch=None):
    os.makedirs(out_dir, exist_ok=True)
    scm = os.path.join(out_dir, "synth.scm")
    with open(scm, "w") as f:
        f.write(f"(voice_{voice})\n")
        if stretch:
            f.write(f"(Parameter.set 'Duration_Stretch {stretch})\n")
        for i, t in enumerate(texts):
            t = t.replace('"', " ").replace("\\", " ")
            f.write(f'(utt.save.wave (SynthText "{t}") "{out_dir}/{i:04d}.wav" \'riff)\n')
    run(["festival", "-b", scm], stdout=subprocess.DEVNULL)
    return [f"{out_dir}/{i:04d}.wav" for i in range(len(texts))]


def onnx_voice(model, texts, out_dir, sid=None):
    os.makedirs(out_dir, exist_ok=True)
    cmd = ["npx", "--no-install", "tsx", os.path.join(HERE, "synth-onnx.ts"), model, out_dir] + ([str(sid)] if sid is not None else [])
    run(cmd, input="\n".join(texts) + "\n", capture_output=True, text=True)
    return [f"{out_dir}/{i:04d}.wav" for i in range(len(texts))]


def tempo(paths, factor, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    out = []
    for i, p in enumerate(paths):
        o = f"{out_dir}/{i:04d}.wav"
        run(["sox", "-V1", p, o, "tempo", str(factor)])
        out.append(o)
    return out


def mean_speaker_voice(base_pt, out_onnx):
    """The base before enrollment: adapt.py with no steps exports the mean speaker."""
    req = {"t": "req", "id": 1, "op": "adapt", "args": {"base": base_pt, "takes": [], "heldOut": 0,
                                                          "outOnnx": out_onnx, "steps": 0, "minutes": 1, "threads": 2}}
    p = subprocess.run([PY, os.path.join(HERE, "adapt.py")], input=json.dumps(req) + "\n", capture_output=True, text=True)
    res = [json.loads(l) for l in p.stdout.splitlines() if '"t":"res"' in l]
    assert res and res[0]["ok"], p.stderr[-500:]
    shutil.copy(os.path.join(ROOT, "models", "en_US-herald_slt-low.onnx.json"), out_onnx + ".json")


def duration(path):
    x, _ = dsp.read_wav_any(path)
    return len(x) / dsp.SR


# ---- one speaker ----------------------------------------------------------------------------
def evaluate(spk, a, base_onnx, base_speakers, mean_onnx):
    unit = os.path.join(a.work, "held-out", "units", f"{spk['name']}.en-us")
    lines = [l.rstrip("\n") for l in open(os.path.join(unit, "lines.txt"), encoding="utf-8")]
    wavs = [os.path.join(unit, "wavs", f"{i:06d}.wav") for i in range(len(lines))]
    takes, total = [], 0.0
    for i, w in enumerate(wavs):
        if total >= a.seconds:
            break
        takes.append(i)
        total += duration(w)
    sr = 16000 if spk["rate"] >= 16000 else 8000
    ev = os.path.join(a.work, "clone", spk["name"])
    shutil.rmtree(ev, ignore_errors=True)
    lj = os.path.join(ev, "lj")
    os.makedirs(os.path.join(lj, "wavs"))
    with open(os.path.join(lj, "metadata.csv"), "w", encoding="utf-8") as f:
        for i in takes:
            shutil.copy(wavs[i], os.path.join(lj, "wavs", f"take{i:04d}.wav"))
            f.write(f"take{i:04d}|{lines[i]}\n")

    if spk["kind"] == "festival":
        held = [l.strip() for l in open(os.path.join(a.work, "corpus-en", "heldout.txt")) if l.strip()][: a.tests]
        target = festival(spk["voice"], held, os.path.join(ev, "target"))
        floor = festival(spk["voice"], held, os.path.join(ev, "target-slow"), stretch=1.2)
    else:
        rest = [i for i in range(len(lines)) if i not in takes and len(lines[i].split()) >= 5]
        pick = rest[:: max(1, len(rest) // a.tests)][: a.tests]
        held = [lines[i] for i in pick]
        target = [wavs[i] for i in pick]
        floor = tempo(target, 1.15, os.path.join(ev, "target-fast"))

    # enroll through the real CLI, in a scratch voices dir and state dir
    voices = os.path.join(ev, "voices")
    shutil.copytree(os.path.join(ROOT, "models"), voices, ignore=shutil.ignore_patterns("base"))
    cfg = os.path.join(ev, "herald.yaml")
    open(cfg, "w").write(f"voices:\n  dir: {voices}\nstateDir: {os.path.join(ev, 'state')}\n")
    name = f"{spk['name']}-clone"
    cmd = ["node", "bin/herald.js", "enroll", name, "--from", lj, "--json", "--config", cfg]
    if a.steps:
        cmd += ["--steps", str(a.steps)]
    if a.minutes:
        cmd += ["--minutes", str(a.minutes)]
    t0 = time.time()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.time() - t0
    if p.returncode != 0:
        raise SystemExit(f"herald enroll failed ({p.returncode}): {p.stderr[-800:]}")
    summary = json.loads(p.stdout.strip().splitlines()[-1])
    clone_onnx = os.path.join(voices, f"{name}.onnx")

    rendered = {"clone": onnx_voice(clone_onnx, held, os.path.join(ev, "clone")),
                "base (mean speaker)": onnx_voice(mean_onnx, held, os.path.join(ev, "mean"))}
    for sid, other in enumerate(base_speakers):
        rendered[f"base:{other}"] = onnx_voice(base_onnx, held, os.path.join(ev, f"base-{other}"), sid)
    dist = {k: round(distance(v, target, sr), 3) for k, v in rendered.items()}
    dist["target at another rate (floor)"] = round(distance(floor, target, sr), 3)
    others = {k: v for k, v in dist.items() if k.startswith("base")}
    closest_other = min(others, key=others.get)
    out = {"speaker": spk["name"], "band_hz": sr // 2, "takes": len(takes), "take_seconds": round(total, 1),
           "tests": len(held), "enroll_wall_s": round(wall, 1), "enroll": summary,
           "voice_mb": round(os.path.getsize(clone_onnx) / 1e6, 2), "distance_db": dist,
           "clone_closest": dist["clone"] < others[closest_other], "closest_other": closest_other}
    if sr >= 16000:
        ref = [wer.norm_words(t) for t in held]
        def rate(paths):
            errs = sum(wer.edit_distance(r, wer.norm_words(wer.recognise(p))) for r, p in zip(ref, paths))
            return round(errs / sum(len(r) for r in ref), 3)
        out["wer"] = {"target": rate(target), "clone": rate(rendered["clone"]), "base (mean speaker)": rate(rendered["base (mean speaker)"])}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--speakers", default="kal,allison")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--steps", type=int, default=0)
    ap.add_argument("--minutes", type=float, default=0)
    ap.add_argument("--tests", type=int, default=10)
    ap.add_argument("--work", default=os.path.join(ROOT, ".cache", "train-base"))
    ap.add_argument("--base", default=os.path.join(ROOT, "models", "base", "herald-base.pt"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    import speakers as S
    import torch
    base_onnx = os.path.join(a.work, "herald-base.onnx")
    if not os.path.exists(base_onnx):
        run([PY, os.path.join(HERE, "ship_base.py"), a.base, os.path.join(a.work, "reship.pt"), "--onnx", base_onnx])
    base_speakers = torch.load(a.base, map_location="cpu")["speakers"]
    run([PY, os.path.join(HERE, "prep_base.py"), "sources", a.work, "--held-out", "--festival", "60", "--recordings", "600"])
    mean_onnx = os.path.join(a.work, "clone", "mean-speaker.onnx")
    os.makedirs(os.path.dirname(mean_onnx), exist_ok=True)
    mean_speaker_voice(a.base, mean_onnx)
    chosen = [s for s in S.HELD_OUT if s["name"] in a.speakers.split(",")]
    results = [evaluate(s, a, base_onnx, base_speakers, mean_onnx) for s in chosen]
    if a.json:
        print(json.dumps(results, indent=1))
        return
    for r in results:
        print(f"\n== {r['speaker']} ({r['band_hz']} Hz band): {r['takes']} takes, {r['take_seconds']} s; "
              f"enrolled in {r['enroll_wall_s']} s; voice {r['voice_mb']} MB")
        for k, v in sorted(r["distance_db"].items(), key=lambda kv: kv[1]):
            print(f"  {v:7.3f} dB  {k}")
        print(f"  clone closer than every other voice: {r['clone_closest']} (closest other: {r['closest_other']})")
        if "wer" in r:
            print(f"  WER: {r['wer']}")


if __name__ == "__main__":
    main()
