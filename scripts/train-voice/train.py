#!/usr/bin/python3
"""Train the student. Usage: train.py DATA.pt OUT_DIR [--steps N] [--minutes M]

Stops after --steps optimizer steps or --minutes of wall clock, whichever comes
first; the learning-rate schedule follows the step budget. Writes OUT_DIR/ckpt.pt
every 200 steps and at the end.
"""
import argparse
import math
import os
import random
import time

# Debian's python3-torch may load the pthread build of OpenBLAS, whose own threads then
# compete with torch's on the same cores: measured here, 1.7 s against 1.0 s a training
# step (2 cores). One BLAS thread is as fast as the OpenMP build; set before torch loads it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch
import torch.nn.functional as F

import dsp
from model import Voice, mas, n_params, TRAIN_NOISE

SEED = 1234


def log_mel(norm_logmag, stats, fb):
    """Normalised log |STFT| [B, 513, T] -> log mel power [B, 80, T]."""
    logmag = norm_logmag * stats["mag_std"].view(1, -1, 1) + stats["mag_mean"].view(1, -1, 1)
    return torch.log(torch.einsum("mk,bkt->bmt", fb, torch.exp(logmag)) + 1e-3)


def batches(items, max_frames, rng):
    order = sorted(range(len(items)), key=lambda i: items[i]["logmag"].shape[0])
    out, cur, cur_max = [], [], 0
    for i in order:
        L = items[i]["logmag"].shape[0]
        if cur and max(cur_max, L) * (len(cur) + 1) > max_frames:
            out.append(cur)
            cur, cur_max = [], 0
        cur.append(i)
        cur_max = max(cur_max, L)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


# highest STFT bin each mel band reaches
MEL_TOP_BIN = torch.tensor([int(r.nonzero()[0].max()) for r in dsp.mel_basis()])


def band_masks(band):
    """[B] count of usable STFT bins per utterance -> masks [B, 513, 1] and [B, 80, 1]. A
    recording sampled at 8 kHz has nothing above 4 kHz: the decoder is not taught that
    silence there is the speaker's timbre (the loss ignores those bins), and the mel loss
    keeps only the bands that lie wholly below the limit."""
    mag_m = (torch.arange(dsp.N_BINS).view(1, -1) < band.view(-1, 1)).float().unsqueeze(2)
    mel_m = (MEL_TOP_BIN.view(1, -1) < band.view(-1, 1)).float().unsqueeze(2)
    return mag_m, mel_m


def collate(items, idx, stats):
    B = len(idx)
    N = max(items[i]["ids"].shape[0] for i in idx)
    T = max(items[i]["logmag"].shape[0] for i in idx)
    ids = torch.zeros(B, N, dtype=torch.long)
    mag = torch.zeros(B, 513, T)
    mel = torch.zeros(B, 80, T)
    xl = torch.zeros(B, dtype=torch.long)
    yl = torch.zeros(B, dtype=torch.long)
    spk = torch.zeros(B, dtype=torch.long)
    band = torch.full((B,), 513, dtype=torch.long)
    for b, i in enumerate(idx):
        it = items[i]
        n, t = it["ids"].shape[0], it["logmag"].shape[0]
        ids[b, :n] = it["ids"].long()
        mag[b, :, :t] = ((it["logmag"].float() - stats["mag_mean"]) / stats["mag_std"]).T
        mel[b, :, :t] = it["mel"].float().T
        xl[b], yl[b] = n, t
        spk[b] = int(it.get("spk", 0))
        band[b] = int(it.get("band", 513))
    return ids, xl, mag, mel, yl, spk, band


def losses(model, batch, stats, mel_fb, g=None, noise=TRAIN_NOISE):
    """The four losses of one batch, durations from MAS on the current prior:
    magnitude (L1, normalised log |STFT|), mel (L1 on the log mel of both), prior, duration.
    g: [B, SPK_DIM] speaker vectors, or None for a single-speaker voice."""
    ids, xl, mag, mel, yl, _, band = batch
    mag_m, mel_m = band_masks(band)
    N, T = ids.shape[1], mag.shape[2]
    x_mask = (torch.arange(N).view(1, -1) < xl.view(-1, 1)).float().unsqueeze(1)
    y_mask = (torch.arange(T).view(1, -1) < yl.view(-1, 1)).float().unsqueeze(1)
    h = model.encode(ids, x_mask, xl, g)
    mu = model.prior(h) * x_mask                              # [B, 80, N]
    with torch.no_grad():
        logp = -0.5 * (torch.bmm(mu.transpose(1, 2) ** 2, torch.ones_like(mel))
                       - 2 * torch.bmm(mu.transpose(1, 2), mel))           # [B, N, T]
        path = mas(logp, xl, yl)
    d = path.sum(2)                                           # [B, N]
    mu_al = torch.bmm(mu, path)                               # [B, 80, T]
    l_prior = 0.5 * (((mel - mu_al) ** 2) * y_mask).sum() / (y_mask.sum() * 80)
    logw = model.durations(h, x_mask)
    l_dur = (((logw - torch.log(d.clamp(min=1))) ** 2) * x_mask.squeeze(1)).sum() / x_mask.sum()
    # per-token log errors alone leave the sentence short (exp of a mean log is below
    # the mean); the sentence's total length is what a listener hears as the pace
    total_pred = (torch.exp(logw) * x_mask.squeeze(1)).sum(1)
    l_dur = l_dur + ((torch.log(total_pred) - torch.log(yl.float())) ** 2).mean()
    h_up, pos = model.frame_inputs(h, path, d)
    if noise:
        h_up = h_up + torch.randn_like(h_up) * noise
    pred = model.decode(h_up, pos, y_mask, g)
    l_mag = ((pred - mag).abs() * y_mask * mag_m).sum() / (y_mask * mag_m).sum()
    # the same error seen through 80 mel bands: weights the spectral envelope
    # (what a listener and a recogniser hear) over fine detail in the top bins
    l_mel = ((log_mel(pred, stats, mel_fb) - log_mel(mag, stats, mel_fb)).abs() * y_mask * mel_m).sum() / (y_mask * mel_m).sum()
    return l_mag, l_mel, l_prior, l_dur


def blas_in_use():
    """Debian's torch calls whichever libblas.so.3 the alternatives system points at. The
    reference (netlib) BLAS makes the linear layers and the LSTM about 4x slower than
    OpenBLAS (measured here: 0.48 s against about 1.5 s per step), so say which one loaded."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    try:
        libs = {l.split()[-1] for l in open("/proc/self/maps") if "blas" in l and ".so" in l}
    except OSError:
        return "unknown"
    return ", ".join(sorted(libs)) or "none found"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--max-frames", type=int, default=5000)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    blas = blas_in_use()
    print(f"BLAS: {blas}", flush=True)
    if "openblas" not in blas:
        print("warning: torch is not on OpenBLAS; training will be about 4x slower and get fewer steps "
              "(install libopenblas0-openmp: scripts/train-voice/install-deps.sh)", flush=True)
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    os.makedirs(a.out, exist_ok=True)
    data = torch.load(a.data)
    items, stats = data["items"], data["stats"]
    # the last 40 utterances are a validation set (never trained on)
    speakers = data.get("speakers", [])
    # validation: the last 40 utterances, or the last 3 of every speaker for a base
    if speakers:
        last = {}
        for i, it in enumerate(items):
            last.setdefault(int(it["spk"]), []).append(i)
        held = {i for v in last.values() for i in v[-3:]}
        val, items = [items[i] for i in sorted(held)], [it for i, it in enumerate(items) if i not in held]
    else:
        val, items = items[-40:], items[:-40]
    mel_fb = torch.from_numpy(dsp.mel_basis())
    model = Voice(n_speakers=len(speakers))
    model.mag_mean.copy_(stats["mag_mean"])
    model.mag_std.copy_(stats["mag_std"])
    print(f"params {n_params(model) / 1e6:.2f} M, {len(items)} train utterances", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, betas=(0.9, 0.98), weight_decay=1e-6)
    step = 0
    ck = os.path.join(a.out, "ckpt.pt")
    if a.resume and os.path.exists(ck):
        s = torch.load(ck)
        model.load_state_dict(s["model"])
        opt.load_state_dict(s["opt"])
        step = s["step"]
    warm = 200

    t0 = time.time()

    def progress(s):
        # whichever budget runs out first sets the schedule, so the learning rate has
        # decayed by the end even when the wall-clock cap stops training early
        return min(1.0, max(s / a.steps, (time.time() - t0) / (a.minutes * 60)))

    def lr_at(s):
        if s < warm:
            return a.lr * (s + 1) / warm
        p = min(1.0, max(0.0, (progress(s) * a.steps - warm) / max(1, a.steps - warm)))
        return a.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * p)))

    acc = {}
    done = False
    while not done:
        for idx in batches(items, a.max_frames, rng):
            batch = collate(items, idx, stats)
            model.train()
            g = model.spk(batch[5]) if speakers else None
            l_mag, l_melspec, l_prior, l_dur = losses(model, batch, stats, mel_fb, g)
            loss = l_mag + l_melspec + l_prior + l_dur
            for group in opt.param_groups:
                group["lr"] = lr_at(step)
            opt.zero_grad()
            loss.backward()
            gn = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            for k, v in (("mag", l_mag), ("mel", l_melspec), ("prior", l_prior), ("dur", l_dur)):
                acc[k] = acc.get(k, 0.0) + float(v)
            acc["n"] = acc.get("n", 0) + 1
            if step % 25 == 0:
                el = time.time() - t0
                print(f"step {step} {el / 60:.1f}min lr {lr_at(step):.2e} " +
                      " ".join(f"{k} {acc[k] / acc['n']:.3f}" for k in ("mag", "mel", "prior", "dur")) +
                      f" gn {float(gn):.2f}", flush=True)
                acc = {}
            if step % 200 == 0:
                torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "speakers": speakers, "stats": stats}, ck)
            if step >= a.steps or time.time() - t0 > a.minutes * 60:
                done = True
                break
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "speakers": speakers, "stats": stats}, ck)
    # validation: teacher-forced-duration-free loss with predicted durations is not
    # comparable frame by frame, so report the MAS-aligned decoder loss
    model.eval()
    with torch.no_grad():
        vi = list(range(len(val)))
        batch = collate(val, vi, stats)
        g = model.spk(batch[5]) if speakers else None
        l_mag, _, _, l_dur = losses(model, batch, stats, mel_fb, g, noise=0.0)
        ids, xl, yl = batch[0], batch[1], batch[4]
        x_mask = (torch.arange(ids.shape[1]).view(1, -1) < xl.view(-1, 1)).float().unsqueeze(1)
        logw = model.durations(model.encode(ids, x_mask, xl, g), x_mask)
        ratio = (torch.exp(logw).round().clamp(min=1) * x_mask.squeeze(1)).sum(1) / yl
    print(f"done: {step} steps in {(time.time() - t0) / 60:.1f} min; val mag {float(l_mag):.3f} "
          f"dur {float(l_dur):.3f} predicted/true length {float(ratio.mean()):.3f}", flush=True)


if __name__ == "__main__":
    main()
