#!/usr/bin/env bash
# Sets up everything the tests need, then runs them: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
npm test
