#!/usr/bin/python3
"""The base checkpoint as enrollment needs it: weights in float16 (half the size; adapt.py
computes in float32), speaker names, feature statistics; no optimiser state.
With --onnx, also the base as a multi-speaker Piper voice (Piper's `sid` input).

Usage: ship_base.py CKPT.pt OUT.pt [--onnx OUT.onnx --id-map phoneme_id_map.json]
"""
import argparse
import json
import os

import torch

import dsp
from export import export_onnx
from model import Voice


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ckpt")
    ap.add_argument("out")
    ap.add_argument("--onnx")
    ap.add_argument("--id-map")
    ap.add_argument("--gl-iters", type=int, default=4)
    a = ap.parse_args()
    s = torch.load(a.ckpt, map_location="cpu")
    model = {k: v.half() if v.is_floating_point() else v for k, v in s["model"].items()}
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    torch.save({"model": model, "speakers": s["speakers"], "stats": s["stats"], "step": s["step"]}, tmp)
    os.replace(tmp, a.out)
    print(f"shipped {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB), {len(s['speakers'])} speakers, step {s['step']}")
    if a.onnx:
        m = Voice(n_speakers=len(s["speakers"]))
        m.load_state_dict(s["model"])
        export_onnx(m, a.onnx, a.gl_iters)
        cfg = json.load(open(os.path.join(os.path.dirname(__file__), "../../models/en_US-herald_slt-low.onnx.json")))
        cfg.update({"num_speakers": len(s["speakers"]), "speaker_id_map": {n: i for i, n in enumerate(s["speakers"])},
                    "dataset": "herald_base"})
        if a.id_map:
            cfg["phoneme_id_map"] = json.load(open(a.id_map))
        # The mark of a voice trained on Herald's phonemes (src/voices/discover.ts).
        cfg["herald"] = {"recipe": "scripts/train-voice/run-base.sh", "training_steps": int(s["step"]),
                         "speakers": s["speakers"], "sample_rate": dsp.SR}
        json.dump(cfg, open(a.onnx + ".json", "w"), ensure_ascii=False, indent=2)
        print(f"exported {a.onnx} ({os.path.getsize(a.onnx) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
