#!/usr/bin/env bash
# The API tests and the browser journeys side by side (after the type-check and the unit tests): the journeys
# mostly wait on a browser and one server, the API tests on databases, so together they take little more than
# the longer of the two on two cores. The API output is kept in a file and printed whole once both have ended;
# the journeys' closing summary (which ones failed, and why) is printed again after it, so that the end of the
# output always says what failed in either tier.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
npm run test:api > .tmp/test-api.log 2>&1 &
api=$!
npm run test:e2e 2>&1 | tee .tmp/test-e2e.log
e2e=${PIPESTATUS[0]}
wait "$api"
api_status=$?
cat .tmp/test-api.log
if [ "$e2e" -ne 0 ]; then
  echo "--- browser journeys: the end of their output (.tmp/test-e2e.log) ---"
  tail -n 80 .tmp/test-e2e.log
fi
echo "API tests: exit $api_status; browser journeys: exit $e2e"
[ "$api_status" -eq 0 ] && [ "$e2e" -eq 0 ]
