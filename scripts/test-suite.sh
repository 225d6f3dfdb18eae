#!/usr/bin/env bash
# The test suite in two passes, to stay within ten minutes on two cores:
# files that check behaviour run two at a time; files whose assertions depend
# on real-time playback, on clocks, or on a process killed at the right
# moment run one at a time, with the machine to themselves.
set -uo pipefail
cd "$(dirname "$0")/.."
ALONE=(
  test/queue-realtime.test.ts
  test/zone-sync.test.ts
  test/zone-clock.test.ts
  test/pool.test.ts
  test/fault-kill9.test.ts
  test/fault-recovery.test.ts
  test/wyoming-server.test.ts
  test/hermes.test.ts
  test/homeassistant-e2e.test.ts
  test/systemd-daemon.test.ts
  test/sd-notify.test.ts
  test/enroll-record.test.ts
  test/enroll-mqtt.test.ts
)
TOGETHER=()
for f in test/*.test.ts; do
  [[ " ${ALONE[*]} " == *" $f "* ]] || TOGETHER+=("$f")
done
rc=0
node --import tsx --test --test-concurrency=2 "${TOGETHER[@]}" || rc=1
node --import tsx --test --test-concurrency=1 "${ALONE[@]}" || rc=1
exit $rc
