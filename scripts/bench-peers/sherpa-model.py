#!/usr/bin/python3
"""Makes sherpa-onnx's view of a Piper voice, leaving the voice untouched.

sherpa-onnx's VITS loader (offline-tts-vits-model.cc) reads its settings from
the model's metadata_props, not from Piper's .onnx.json: sample_rate,
n_speakers and language are required, comment must contain "piper" for the
Piper input layout (input, input_lengths, scales), voice names the espeak-ng
voice, add_blank stays 0 (Piper interleaves the pad id itself). Its phonemizer
reads tokens.txt: one "<symbol> <id>" a line, a lone id for the space.
Writes <out>/model.onnx (a copy with that metadata) and <out>/tokens.txt.
Needs Debian's python3-onnx.
"""
import argparse
import json
import os

import onnx

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--voice", required=True, help="the Piper voice's .onnx (its .onnx.json beside it)")
parser.add_argument("--out", required=True, help="directory to write model.onnx and tokens.txt into")
args = parser.parse_args()

with open(f"{args.voice}.json", encoding="utf-8") as f:
    config = json.load(f)
os.makedirs(args.out, exist_ok=True)

model = onnx.load(args.voice)
meta = {
    "model_type": "vits",
    "comment": "piper",
    "language": config.get("language", {}).get("name_english", config.get("language", {}).get("code", "")),
    "voice": config["espeak"]["voice"],
    "has_espeak": "1",
    "n_speakers": str(config.get("num_speakers", 1)),
    "sample_rate": str(config["audio"]["sample_rate"]),
    "add_blank": "0",
}
del model.metadata_props[:]
for key, value in meta.items():
    model.metadata_props.add(key=key, value=value)
onnx.save(model, os.path.join(args.out, "model.onnx"))

with open(os.path.join(args.out, "tokens.txt"), "w", encoding="utf-8") as f:
    for symbol, ids in config["phoneme_id_map"].items():
        if len(symbol) != 1:
            raise SystemExit(f"sherpa-onnx reads one code point per token; {symbol!r} is not")
        f.write(f"{symbol} {ids[0]}\n")
