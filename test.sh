#!/usr/bin/env bash
# Runs the whole test suite from a clean clone with only the .NET SDK on the machine.
# Installs what the tests need when it is missing, runs `dotnet test`, and ends with one line:
#   tests: N passed, N failed[, N skipped]
# Exit status is non-zero when any test failed, the build failed, or no test ran.
set -uo pipefail
cd "$(dirname "$0")"

results="${OBS_TEST_RESULTS:-TestResults}"
rm -rf "$results"

# Test prerequisites beyond the .NET SDK: none yet. Later suites (pytest, Azurite) install
# theirs here, each only when missing, so a fresh machine needs nothing by hand.

dotnet test Obs.Functions.sln \
  --configuration "${CONFIGURATION:-Debug}" \
  --logger "trx" \
  --results-directory "$results" \
  "$@"
status=$?

# Sum the counters of every TRX file (one per test project).
read -r passed failed skipped total < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"], c["total"] }')

line="tests: ${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"

if [ "$status" -ne 0 ] || [ "${failed:-0}" -gt 0 ] || [ "${total:-0}" -eq 0 ]; then
  exit 1
fi
