#!/bin/bash
# Debian packages the recipe needs (no PyPI). Node side: the repository's own
# node_modules (tsx, onnxruntime-node, @echogarden/espeak-ng-emscripten).
set -e
apt-get install -y festival festvox-us-slt-hts sox pocketsphinx pocketsphinx-en-us wordnet-base \
  python3-torch python3-onnx python3-numpy libopenblas0-openmp
