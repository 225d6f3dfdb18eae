#!/usr/bin/python3
"""Enrollment: the multi-speaker base learns a new speaker from about a minute of takes.

Started by `herald enroll` and the daemon (src/enroll/adapter.ts) and spoken to over
Herald's IPC layer (ipc.py): one request, `adapt` (src/enroll/adapt-protocol.ts), with
`progress` events while it works. Nothing here reads or writes outside the paths it is
given, and nothing of the recordings is printed.

What is learned (measured on held-out takes, see scripts/train-voice/README.md):
first the speaker vector alone, starting from the mean of the base's speakers; then
the vector together with the decoder, at a small learning rate, which is where a
voice's timbre lives. Encoder, prior and duration predictor stay the base's, so the
voice keeps the base's pronunciation of every language it was taught.
"""
import math
import os
import time

# Debian's python3-torch may load the pthread build of OpenBLAS, whose own threads then
# compete with torch's on the same cores: measured here, 1.7 s against 1.0 s a training
# step (2 cores). One BLAS thread is as fast as the OpenMP build; set before torch loads it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import torch

import dsp
from export import export_onnx
from ipc import serve
from model import Voice
from train import collate, losses

VECTOR_ONLY = 0.3      # share of the steps that learn only the speaker vector
LR_VECTOR = 2e-2
LR_DECODER = 3e-4
MAX_FRAMES = 3000      # frames per batch (about 35 s of audio)
GL_ITERS = 4


def load_base(path):
    if not os.path.exists(path):
        raise FileNotFoundError(f"no base model at {path}")
    s = torch.load(path, map_location="cpu")
    m = Voice(n_speakers=len(s["speakers"]))
    m.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in s["model"].items()})
    stats = {k: v.float() for k, v in s["stats"].items()}
    return m, stats


def take_item(take, stats):
    x, sr = dsp.read_wav_any(take["wav"])
    x = dsp.level(dsp.trim(x))
    logmag, mel = dsp.features(x)
    mel = (torch.from_numpy(mel) - stats["mel_mean"]) / stats["mel_std"]
    band_hz = take.get("bandHz") or sr / 2
    ids = [int(i) for i in take["ids"]]
    if len(ids) < 3 or logmag.shape[0] < len(ids) + 2:
        raise ValueError(f"take {os.path.basename(take['wav'])}: {logmag.shape[0]} frames for {len(ids)} ids")
    return {"ids": torch.tensor(ids, dtype=torch.int16), "logmag": torch.from_numpy(logmag), "mel": mel.half(),
            "band": dsp.band_bins(2 * band_hz)}


def batches_of(items):
    out, cur, frames = [], [], 0
    for i, it in enumerate(items):
        n = it["logmag"].shape[0]
        if cur and frames + n > MAX_FRAMES:
            out.append(cur)
            cur, frames = [], 0
        cur.append(i)
        frames += n
    if cur:
        out.append(cur)
    return out


def spectral_loss(m, items, stats, mel_fb, g):
    """Magnitude + mel loss of `items` with speaker vector g, durations from MAS."""
    if not items:
        return None
    total, n = 0.0, 0
    with torch.no_grad():
        for idx in batches_of(items):
            batch = collate(items, idx, stats)
            l_mag, l_mel, _, _ = losses(m, batch, stats, mel_fb, g.expand(len(idx), -1), noise=0.0)
            total += float(l_mag + l_mel) * len(idx)
            n += len(idx)
    return total / n


def adapt(args, emit):
    t0 = time.time()
    torch.set_num_threads(max(1, int(args.get("threads") or 2)))
    torch.manual_seed(1234)
    steps = max(0, int(args["steps"]))   # 0: the base voice as it is, with the mean speaker
    budget_s = float(args["minutes"]) * 60
    m, stats = load_base(args["base"])
    m.eval()   # no dropout: a minute of speech is too little to regularise that way
    for p in m.parameters():
        p.requires_grad_(False)
    takes = args["takes"]
    items = []
    for i, take in enumerate(takes):
        items.append(take_item(take, stats))
        emit("progress", {"phase": "features", "step": i + 1, "steps": len(takes)})
    held = max(0, min(int(args.get("heldOut") or 0), len(items) - 1))
    train, val = items[: len(items) - held], items[len(items) - held:]
    mel_fb = torch.from_numpy(dsp.mel_basis())

    g = torch.nn.Parameter(m.spk.weight.mean(0, keepdim=True).clone())
    base_val = spectral_loss(m, val, stats, mel_fb, g)
    decoder = [p for name, p in m.named_parameters()
               if name.split(".")[0] in ("dec_in", "down", "dec", "up", "post", "out", "spk_dec")]
    opt = torch.optim.Adam([{"params": [g], "lr": LR_VECTOR}], betas=(0.9, 0.98))
    groups = batches_of(train)
    rng = np.random.RandomState(1234)
    recent = []
    step = 0
    decoder_on = False
    while step < steps and time.time() - t0 < budget_s:
        if not decoder_on and step >= VECTOR_ONLY * steps:
            decoder_on = True
            for p in decoder:
                p.requires_grad_(True)
            opt.add_param_group({"params": decoder, "lr": LR_DECODER})
        idx = groups[rng.randint(len(groups))]
        batch = collate(train, idx, stats)
        l_mag, l_mel, l_prior, l_dur = losses(m, batch, stats, mel_fb, g.expand(len(idx), -1))
        loss = l_mag + l_mel + l_prior + l_dur
        # cosine decay over whichever budget runs out first
        done = max(step / steps, (time.time() - t0) / budget_s)
        for group in opt.param_groups:
            group.setdefault("base_lr", group["lr"])
            group["lr"] = group["base_lr"] * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, done))))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([g] + decoder, 1.0)
        opt.step()
        step += 1
        recent = (recent + [float(l_mag + l_mel)])[-10:]
        if step % 5 == 0 or step == steps:
            el = time.time() - t0
            eta = min(el / step * (steps - step), max(0.0, budget_s - el))
            emit("progress", {"phase": "adapt", "step": step, "steps": steps,
                              "loss": round(float(np.mean(recent)), 4), "etaSeconds": round(eta, 1)})
    val_loss = spectral_loss(m, val, stats, mel_fb, g)
    emit("progress", {"phase": "export", "step": step, "steps": steps})
    out = args["outOnnx"]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    export_onnx(m, out, GL_ITERS, g=g.detach())
    return {"steps": step, "seconds": round(time.time() - t0, 1), "trainLoss": round(float(np.mean(recent)), 4) if recent else None,
            "baseValLoss": base_val and round(base_val, 4), "valLoss": val_loss and round(val_loss, 4), "onnxBytes": os.path.getsize(out)}


if __name__ == "__main__":
    serve({"adapt": adapt})
