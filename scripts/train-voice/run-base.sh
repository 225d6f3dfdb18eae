#!/bin/bash
# The multi-speaker base that `herald enroll` adapts to a new speaker: every speaker in
# speakers.py reading its own language -> Herald phonemes -> features -> training ->
# models/base/herald-base.pt (float16 checkpoint, what enrollment starts from) and a
# multi-speaker Piper voice in $WORK for listening and evaluation. Resumable.
# Run in the background:  nohup scripts/train-voice/run-base.sh > .cache/train-base/run.log 2>&1 &
# Environment: WORK (.cache/train-base), FESTIVAL (sentences per festival voice and
# language, 150), RECORDINGS (utterances per recorded speaker, 250), STEPS (12000),
# MINUTES (wall-clock cap on training, 80), THREADS (2).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-$ROOT/.cache/train-base}
FESTIVAL=${FESTIVAL:-150}
RECORDINGS=${RECORDINGS:-250}
STEPS=${STEPS:-12000}
MINUTES=${MINUTES:-80}
THREADS=${THREADS:-2}
PY=/usr/bin/python3
mkdir -p "$WORK"
T0=$(date +%s)
stage() { echo "[$(date +%T)] +$(( $(date +%s) - T0 ))s $*"; }

stage "1/5 sources (festival reads, recordings linked)"
$PY "$HERE/prep_base.py" sources "$WORK" --festival "$FESTIVAL" --recordings "$RECORDINGS"

stage "2/5 Herald phonemes, each unit in its own language"
cd "$ROOT"
for d in "$WORK"/units/*/; do
  lang=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["lang"])' "$d/unit.json")
  if [ ! -s "$d/phon.jsonl" ] || [ "$d/lines.txt" -nt "$d/phon.jsonl" ]; then
    npx --no-install tsx src/cli.ts phonemize --lang "$lang" < "$d/lines.txt" > "$d/phon.jsonl"
  fi
done
npx --no-install tsx "$HERE/dump-id-map.ts" > "$WORK/phoneme_id_map.json"
cd "$HERE"

stage "3/5 features"
$PY prep_base.py features "$WORK" "$WORK/data.pt"

stage "4/5 training ($STEPS steps, at most $MINUTES min)"
$PY train.py "$WORK/data.pt" "$WORK/run" --steps "$STEPS" --minutes "$MINUTES" --threads "$THREADS"

stage "5/5 ship the checkpoint, export the multi-speaker voice"
$PY ship_base.py "$WORK/run/ckpt.pt" "$ROOT/models/base/herald-base.pt" --onnx "$WORK/herald-base.onnx" --id-map "$WORK/phoneme_id_map.json"
stage "done"
