#!/usr/bin/env bash
# The API tests and the browser journeys side by side (after the type-check and the unit tests): the journeys
# mostly wait on a browser and one server, the API tests on databases, so together they take little more than
# the longer of the two on two cores. The API output is kept in a file and printed whole once both have ended.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
npm run test:api > .tmp/test-api.log 2>&1 &
api=$!
npm run test:e2e
e2e=$?
wait "$api"
api_status=$?
cat .tmp/test-api.log
echo "API tests: exit $api_status; browser journeys: exit $e2e"
[ "$api_status" -eq 0 ] && [ "$e2e" -eq 0 ]
