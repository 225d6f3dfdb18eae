#!/usr/bin/python3
"""Export a checkpoint to a Piper-format voice.

Usage: export.py CKPT.pt PHONEME_ID_MAP.json OUT.onnx [--gl-iters N] [--steps-note S]

Graph: inputs  input int64 [1, N], input_lengths int64 [1], scales float32 [3]
       output  output float32 [1, 1, T*256]  (22050 Hz, clipped to [-1, 1])
The acoustic model is traced with torch.onnx (opset 17); the vocoder -- fast
Griffin-Lim (momentum 0.99) from a phase-advance initial phase, N iterations,
STFT/ISTFT with the ONNX DFT op -- is appended with onnx.helper.
"""
import argparse
import datetime
import json
import os
import subprocess

import numpy as np
import onnx
import torch
from onnx import TensorProto as TP
from onnx import helper as h
from onnx import numpy_helper as nh

import dsp
from model import Voice, NOISE_PER_SCALE, DUR_NOISE_PER_W

OPSET = 17


class Wrapper(torch.nn.Module):
    """Piper's single-speaker inputs; a clone's speaker vector is a constant of the graph."""

    def __init__(self, m, g=None):
        super().__init__()
        self.m = m
        self.g = None if g is None else torch.nn.Parameter(g.detach().view(1, -1), requires_grad=False)

    def forward(self, input, input_lengths, scales):
        return self.m.infer(input, input_lengths, scales, self.g)


class SpeakerWrapper(torch.nn.Module):
    """Piper's multi-speaker inputs: sid picks a row of the base's speaker table."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input, input_lengths, scales, sid):
        return self.m.infer(input, input_lengths, scales, self.m.spk(sid))


def export_onnx(m, out, gl_iters, g=None, mag_power=1.0):
    """Traces the acoustic model (opset 17) and appends the Griffin-Lim vocoder. With
    m.n_speakers and no g: a multi-speaker graph with Piper's `sid` input."""
    m.eval()
    ids = torch.tensor([[1, 0, 20, 0, 59, 0, 3, 0, 24, 0, 27, 0, 10, 0, 2]], dtype=torch.long)
    args = (ids, torch.tensor([ids.shape[1]]), torch.tensor([0.667, 1.0, 0.8]))
    names = ["input", "input_lengths", "scales"]
    if m.n_speakers and g is None:
        w, args, names = SpeakerWrapper(m), args + (torch.tensor([0]),), names + ["sid"]
    else:
        w = Wrapper(m, g)
    tmp = out + ".acoustic.onnx"
    torch.onnx.export(w, args, tmp, input_names=names, output_names=["logmag"],
                      dynamic_axes={"input": {1: "phonemes"}, "logmag": {2: "frames"}},
                      opset_version=OPSET, do_constant_folding=True)
    om = onnx.load(tmp)
    os.remove(tmp)
    om = add_griffin_lim(om, "logmag", gl_iters, mag_power=mag_power)
    om.producer_name = "herald-train-voice"
    onnx.checker.check_model(om)
    onnx.save(om, out)
    return om


def add_griffin_lim(model, logmag_name, n_iter, momentum=0.99, mag_power=1.0):
    g = model.graph
    nodes, inits = [], []
    cnt = [0]

    def nm(p):
        cnt[0] += 1
        return f"gl_{p}_{cnt[0]}"

    def const(arr, name=None, dtype=None):
        name = name or nm("c")
        a = np.asarray(arr, dtype=dtype)
        inits.append(nh.from_array(a, name))
        return name

    def node(op, ins, n_out=1, **attrs):
        outs = [nm(op.lower()) for _ in range(n_out)]
        nodes.append(h.make_node(op, ins, outs, **attrs))
        return outs[0] if n_out == 1 else outs

    K, N, H = dsp.N_BINS, dsp.N_FFT, dsp.HOP
    win = const(dsp.hann(), "gl_window")
    win_syn = const(dsp.hann() / 1.5, "gl_window_syn")
    rev_idx = const(np.arange(N // 2 - 1, 0, -1), "gl_rev_idx", np.int64)
    conj = const(np.array([1.0, -1.0], dtype=np.float32), "gl_conj")
    ax0 = const([0], "gl_ax0", np.int64)
    ax1 = const([1], "gl_ax1", np.int64)
    axm1 = const([-1], "gl_axm1", np.int64)
    sh_TN4H = const([-1, 4, H], "gl_sh_t4h", np.int64)
    sh_rows = const([-1, H], "gl_sh_rows", np.int64)
    sh_flat = const([-1], "gl_sh_flat", np.int64)
    sh_TN = const([-1, N], "gl_sh_tn", np.int64)
    sh_out = const([1, 1, -1], "gl_sh_out", np.int64)
    zero1 = const([0], "gl_zero1", np.int64)
    one1 = const([1], "gl_one1", np.int64)
    phase0 = const(np.random.RandomState(0).uniform(-np.pi, np.pi, K).astype(np.float32), "gl_phase0")
    kk = const(np.arange(K), "gl_k", np.int64)
    eps = const(np.float32(1e-8), "gl_eps")
    mom = const(np.float32(momentum), "gl_mom")
    half_pi = const(np.float32(np.pi / 2), "gl_half_pi")
    four = const(np.int64(4), "gl_four")

    # magnitude [T, K, 1]
    lm = node("Squeeze", [logmag_name, ax0])                 # [K, T]
    lm = node("Transpose", [lm], perm=[1, 0])                # [T, K]
    if mag_power != 1.0:
        # sharpen: |X|^p, rescaled per frame to keep the frame's energy
        e0 = node("ReduceSum", [node("Exp", [node("Add", [lm, lm])]), ax1], keepdims=1)
        lm = node("Mul", [lm, const(np.float32(mag_power))])
        e1 = node("ReduceSum", [node("Exp", [node("Add", [lm, lm])]), ax1], keepdims=1)
        lm = node("Add", [lm, node("Mul", [node("Sub", [node("Log", [e0]), node("Log", [e1])]), const(np.float32(0.5))])])
    mag = node("Exp", [lm])
    mag3 = node("Unsqueeze", [mag, axm1])                    # [T, K, 1]

    # initial phase: phase0[k] + pi/2 * ((k * t) mod 4)
    shp = node("Shape", [lm])
    T = node("Gather", [shp, zero1], axis=0)                 # [1]
    Ts = node("Squeeze", [T, ax0])
    t_idx = node("Range", [const(np.int64(0)), Ts, const(np.int64(1))])
    kt = node("Mul", [node("Unsqueeze", [t_idx, ax1]), node("Unsqueeze", [kk, ax0])])   # [T, K]
    ph = node("Add", [node("Mul", [node("Cast", [node("Mod", [kt, four])], to=TP.FLOAT), half_pi]), phase0])
    re = node("Mul", [mag, node("Cos", [ph])])
    im = node("Mul", [mag, node("Sin", [ph])])
    X = node("Concat", [node("Unsqueeze", [re, axm1]), node("Unsqueeze", [im, axm1])], axis=-1)  # [T, K, 2]

    def istft(X):
        mirror = node("Mul", [node("Gather", [X, rev_idx], axis=1), conj])   # bins N/2-1 .. 1, conjugated
        full = node("Concat", [X, mirror], axis=1)                          # [T, N, 2]
        fr = node("DFT", [full], axis=1, inverse=1)
        fr = node("Slice", [fr, zero1, one1, const([2], dtype=np.int64)])   # real part [T, N, 1]
        fr = node("Reshape", [fr, sh_TN])
        fr = node("Mul", [fr, win_syn])
        q = node("Reshape", [fr, sh_TN4H])                                  # [T, 4, H]
        acc = None
        for j in range(4):
            part = node("Squeeze", [node("Slice", [q, const([j], dtype=np.int64), const([j + 1], dtype=np.int64), ax1]), ax1])
            padded = node("Pad", [part, const([j, 0, 3 - j, 0], dtype=np.int64)])
            acc = padded if acc is None else node("Add", [acc, padded])
        return node("Reshape", [acc, sh_flat])                             # [(T+3) H]

    def stft(y):
        rows = node("Reshape", [y, sh_rows])                               # [T+3, H]
        parts = []
        for j in range(4):
            end = const([-(3 - j)] if j < 3 else [np.iinfo(np.int64).max], dtype=np.int64)
            parts.append(node("Slice", [rows, const([j], dtype=np.int64), end, ax0]))
        fr = node("Mul", [node("Concat", parts, axis=1), win])             # [T, N]
        fr = node("Unsqueeze", [fr, axm1])
        return node("DFT", [fr], axis=1, onesided=1)                       # [T, K, 2]

    prev = None
    for i in range(n_iter):
        C = stft(istft(X))
        if prev is None:
            Tm = C
        else:
            Tm = node("Add", [C, node("Mul", [node("Sub", [C, prev]), mom])])
        prev = C
        norm = node("Add", [node("Sqrt", [node("ReduceSum", [node("Mul", [Tm, Tm]), axm1], keepdims=1)]), eps])
        X = node("Mul", [node("Div", [Tm, norm]), mag3])
    y = istft(X)
    y = node("Slice", [y, const([dsp.PAD_L], dtype=np.int64), const([-(dsp.N_FFT - dsp.HOP - dsp.PAD_L)], dtype=np.int64), ax0])
    y = node("Clip", [y, const(np.float32(-1.0)), const(np.float32(1.0))])
    nodes.append(h.make_node("Reshape", [y, sh_out], ["output"]))
    g.node.extend(nodes)
    g.initializer.extend(inits)
    while len(g.output):
        g.output.pop()
    g.output.append(h.make_tensor_value_info("output", TP.FLOAT, [1, 1, "samples"]))
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ckpt")
    ap.add_argument("id_map")
    ap.add_argument("out")
    ap.add_argument("--gl-iters", type=int, default=6)
    ap.add_argument("--noise-scale", type=float, default=0.667)
    ap.add_argument("--noise-w", type=float, default=0.8)
    ap.add_argument("--mag-power", type=float, default=1.0)
    a = ap.parse_args()
    torch.manual_seed(0)
    s = torch.load(a.ckpt)
    m = Voice()
    m.load_state_dict(s["model"])
    om = export_onnx(m, a.out, a.gl_iters, mag_power=a.mag_power)

    id_map = json.load(open(a.id_map))
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        rev = subprocess.run(["git", "-C", here, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except Exception:
        rev = ""
    cfg = {
        "audio": {"sample_rate": dsp.SR, "quality": "low"},
        "espeak": {"voice": "en-us"},
        "language": {"code": "en_US", "family": "en", "region": "US", "name_native": "English",
                     "name_english": "English", "country_english": "United States"},
        "inference": {"noise_scale": a.noise_scale, "length_scale": 1, "noise_w": a.noise_w},
        "phoneme_type": "espeak",
        "phoneme_map": {},
        "phoneme_id_map": id_map,
        "num_symbols": max(v[0] for v in id_map.values()) + 1,
        "num_speakers": 1,
        "speaker_id_map": {},
        "dataset": "herald_slt",
        # Herald feeds a voice with this block Herald's phonemes, the ones it was
        # trained on (src/voices/discover.ts); any other Piper voice gets Piper's.
        "herald": {
            "teacher": "festival 2.5 + festvox-us-slt-hts (voice_cmu_us_slt_arctic_hts), US English female, HTS",
            "teacher_licence": "festvox-us-slt-hts (Debian 0.2010.10.25-4): voice data Copyright 2003 Carnegie Mellon "
                               "University, licence EST-2003 (use, copy, modify and licence without fee; keep the notice, "
                               "mark modifications, keep the authors' names); festvox scheme files EST-2000; "
                               "feat.list BSD-3-clause (Nagoya/Tokyo Institutes of Technology). This voice is a modified, "
                               "derived work: a new network trained on audio that voice synthesised. See models/README.md.",
            "recipe": "scripts/train-voice (gen_corpus.py, synth_teacher.py, preprocess.py, train.py, export.py, evaluate)",
            "architecture": "conv+BiLSTM encoder, conv+BiLSTM duration predictor on MAS durations, conv decoder -> 513-bin log |STFT|, "
                            f"fast Griffin-Lim ({a.gl_iters} iterations, ONNX DFT) in the graph",
            "noise_scale_meaning": f"std of Gaussian noise on the decoder input = noise_scale * {NOISE_PER_SCALE}",
            "noise_w_meaning": f"std of Gaussian noise on predicted log-durations = noise_w * {DUR_NOISE_PER_W}",
            "length_scale_meaning": "predicted durations are multiplied by length_scale (then rounded, >= 1 frame)",
            "training_steps": int(s["step"]),
            "training_date": datetime.date.today().isoformat(),
            "seed": 1234,
            "git_revision": rev,
        },
    }
    with open(a.out + ".json", "w") as f:
        json.dump(cfg, f, ensure_ascii=False, indent=2)
    print(f"exported {a.out} ({os.path.getsize(a.out) / 1e6:.2f} MB), {len(om.graph.node)} nodes")


if __name__ == "__main__":
    main()
