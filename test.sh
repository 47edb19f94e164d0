#!/usr/bin/env bash
# Runs the whole test suite from a clean clone with only the .NET SDK on the machine.
# Installs what the tests need when it is missing, runs `dotnet test`, and ends with one line:
#   tests: N passed, N failed[, N skipped]
# Exit status is non-zero when any test failed, the build failed, or no test ran.
set -uo pipefail
cd "$(dirname "$0")"

results="${OBS_TEST_RESULTS:-TestResults}"
rm -rf "$results"

# Prerequisites beyond the .NET SDK, each installed only when missing so a fresh machine needs
# nothing by hand. NativeAOT links with the platform toolchain (clang or gcc, and zlib).
need_apt() { # need_apt <check-command> <debian-packages...>
  if eval "$1" >/dev/null 2>&1; then return 0; fi
  shift
  echo "test.sh: installing $*" >&2
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "$@" >/dev/null
}
need_apt "command -v clang || command -v gcc" clang
need_apt "test -e /usr/include/zlib.h" zlib1g-dev
# The published obs links SQLite statically (one file, copied alone): Debian's libsqlite3.a.
need_apt "test -e /usr/lib/x86_64-linux-gnu/libsqlite3.a" libsqlite3-dev
# Test runs trace real pytest: Debian's pytest runs on /usr/bin/python3 (a pyenv python3 earlier
# on PATH does not see it, as on many users' machines; Obs finds `pytest` on PATH first).
need_apt "/usr/bin/python3 -c 'import pytest, pytest_cov'" python3-pytest python3-pytest-cov
# ...and since it is installed here, a test that needs it must fail rather than skip without it.
export OBS_REQUIRE_PYTEST=1
# artifacts_upload is tested against a real Azurite (Azure Storage's local emulator), installed
# into the repository (tools/azurite, git-ignored) with npm; required, like pytest.
need_apt "command -v npm" nodejs npm
[ -x tools/azurite/node_modules/.bin/azurite-blob ] || npm install --prefix tools/azurite azurite@3 --no-audit --no-fund --silent
export OBS_AZURITE_BLOB="$PWD/tools/azurite/node_modules/.bin/azurite-blob"
export OBS_REQUIRE_AZURITE=1

# The obs CLI ships as NativeAOT: publishing it proves no trim or AOT warning crept in
# (warnings are errors), and the binary must run a command.
aot_status=0
if dotnet publish cli/Obs.Cli -c Release -r linux-x64 -o artifacts/obs -nologo -v quiet >artifacts.publish.log 2>&1 \
   && artifacts/obs/obs --exporter none run -- true 2>/dev/null; then
  echo "test.sh: NativeAOT obs published with no warnings and runs"
  # ...and the tests that run the published binary itself must not skip.
  export OBS_REQUIRE_PUBLISHED_OBS=1
  rm -f artifacts.publish.log
else
  aot_status=1
  echo "test.sh: NativeAOT publish of cli/Obs.Cli failed:" >&2
  grep -E "warning|error" artifacts.publish.log | sort -u | head -20 >&2
fi

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

if [ "$status" -ne 0 ] || [ "$aot_status" -ne 0 ] || [ "${failed:-0}" -gt 0 ] || [ "${total:-0}" -eq 0 ]; then
  exit 1
fi
