#!/bin/bash
# The whole recipe: corpus -> teacher audio -> Herald phonemes -> features ->
# training -> ONNX export into models/. Resumable (teacher wavs are reused).
# Run in the background:  nohup scripts/train-voice/run.sh > .cache/train-voice/run.log 2>&1 &
# Environment: WORK (default .cache/train-voice), STEPS (10000), MINUTES (85, wall-clock cap
# on training), N_TRAIN (6000 sentences), GL_ITERS (Griffin-Lim iterations in the graph).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-$ROOT/.cache/train-voice}
STEPS=${STEPS:-10000}
MINUTES=${MINUTES:-85}
N_TRAIN=${N_TRAIN:-6000}
GL_ITERS=${GL_ITERS:-4}
VOICE=en_US-herald_slt-low
PY=/usr/bin/python3          # Debian's python3 (torch 1.13, onnx); not the pyenv one on PATH
mkdir -p "$WORK"
T0=$(date +%s)
stage() { echo "[$(date +%T)] +$(( $(date +%s) - T0 ))s $*"; }

stage "1/6 corpus"
$PY "$HERE/gen_corpus.py" "$WORK/corpus" "$N_TRAIN"

stage "2/6 teacher audio (festival, 2 processes)"
$PY "$HERE/synth_teacher.py" "$WORK/corpus/train.txt" "$WORK/wavs" 2

stage "3/6 Herald phonemes (tsx src/cli.ts phonemize --lang en-us)"
cd "$ROOT"
if grep -q "phonemize" src/cli.ts 2>/dev/null; then
  npx --no-install tsx src/cli.ts phonemize --lang en-us < "$WORK/corpus/train.txt" > "$WORK/corpus/train.phon.jsonl"
else
  npx --no-install tsx "$HERE/phonemize-fallback.ts" --lang en-us < "$WORK/corpus/train.txt" > "$WORK/corpus/train.phon.jsonl"
fi
npx --no-install tsx "$HERE/dump-id-map.ts" > "$WORK/phoneme_id_map.json"
cd "$HERE"

stage "4/6 features"
$PY preprocess.py "$WORK/corpus/train.phon.jsonl" "$WORK/wavs" "$WORK/data.pt"

stage "5/6 training ($STEPS steps, at most $MINUTES min)"
$PY train.py "$WORK/data.pt" "$WORK/run" --steps "$STEPS" --minutes "$MINUTES"

stage "6/6 export"
$PY export.py "$WORK/run/ckpt.pt" "$WORK/phoneme_id_map.json" "$ROOT/models/$VOICE.onnx" --gl-iters "$GL_ITERS"
# the daemon checks every voice against models/manifest.json and will not load one that differs
cd "$ROOT"
HERALD_VOICES_DIR="$ROOT/models" node bin/herald.js voices --write-manifest
stage "done; evaluate with: scripts/train-voice/evaluate"
