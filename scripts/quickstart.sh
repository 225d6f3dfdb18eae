#!/usr/bin/env bash
# From a fresh checkout to a speaking daemon: set up (packages, npm ci, build),
# check, start the daemon on its embedded defaults (in-process broker on
# 127.0.0.1:1883), and say hello.
# Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

HERALD_MQTT_EMBEDDED=true node bin/herald.js doctor || echo "quickstart: doctor found problems above; starting anyway"
npm start &
daemon=$!
trap 'kill $daemon 2>/dev/null; wait $daemon 2>/dev/null' EXIT INT TERM
for _ in $(seq 1 60); do
  node -e "require('net').connect(1883,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null && break
  sleep 0.5
done
HERALD_MQTT_EMBEDDED=true node bin/herald.js send --timeout-seconds 60 "Hello. This is Herald, speaking offline. It is $(date +%H:%M)."
echo "quickstart: the daemon is running; send more with: npx herald send \"text\"  (Ctrl-C stops)"
wait $daemon
