#!/usr/bin/env bash
# The test suite in two passes, to stay within ten minutes on two cores:
# most files run two at a time; those whose assertions depend on when audio
# is heard (cuts mid-sentence, zone start skew, clock offsets) or on a process
# killed at the right moment run one at a time, with the machine to themselves.
set -uo pipefail
cd "$(dirname "$0")/.."
ALONE=(
  test/queue-realtime.test.ts
  test/zone-sync.test.ts
  test/zone-clock.test.ts
  test/pool.test.ts
  test/fault-kill9.test.ts
)
TOGETHER=()
for f in test/*.test.ts; do
  [[ " ${ALONE[*]} " == *" $f "* ]] || TOGETHER+=("$f")
done
rc=0
node --import tsx --test --test-concurrency=2 "${TOGETHER[@]}" || rc=1
node --import tsx --test --test-concurrency=1 "${ALONE[@]}" || rc=1
exit $rc
