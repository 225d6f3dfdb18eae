#!/usr/bin/env bash
# Sets up everything the tests need, then runs them: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# setup.sh has just built dist/; --ignore-scripts skips `pretest`, which would build it again.
npm test --ignore-scripts
