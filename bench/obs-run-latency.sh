#!/usr/bin/env bash
# What `obs run -- true` costs, side by side with its floor (issue 12 item 2; docs/PERFORMANCE.md).
#
# usage: bench/obs-run-latency.sh [obs binary (default artifacts/obs/obs)] [runs (default 40)]
#
# Publishes bench/Obs.Bench.Floor (NativeAOT, obs's start-up settings) when it is missing, starts the
# loopback OTLP receiver in a process of its own (Obs.Bench.Telemetry receive), then hyperfine runs, in one
# session: `true`; the floor (runtime alone, SDK + one span, SDK + OTLP/gRPC export, the SDK's OTLP exporter
# fed without a tracer provider as obs run does); obs run with no
# exporter, exporting over OTLP/gRPC to the receiver, and with a dead collector (a closed port).
# Then perf stat's task-clock and page faults for obs run. Needs hyperfine and perf (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
obs=${1:-artifacts/obs/obs}
runs=${2:-40}
floor=artifacts/obs-floor/Obs.Bench.Floor
[ -x "$obs" ] || { echo "no obs binary at $obs (dotnet publish cli/Obs.Cli -c Release -r linux-x64 -o artifacts/obs)" >&2; exit 2; }
if [ ! -x "$floor" ] || [ bench/Obs.Bench.Floor/DirectExport.cs -nt "$floor" ]; then
  dotnet publish bench/Obs.Bench.Floor -c Release -r linux-x64 -o artifacts/obs-floor -nologo -v quiet >/dev/null
fi
dotnet build -c Release bench/Obs.Bench.Telemetry -nologo -v quiet >/dev/null
receiver=bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry
obs=$(realpath "$obs"); floor=$(realpath "$floor")

coproc RECEIVER { exec "$receiver" receive; }
trap 'kill "$RECEIVER_PID" 2>/dev/null || true' EXIT
read -r _ grpc <&"${RECEIVER[0]}"
read -r _ _ <&"${RECEIVER[0]}"
work=$(mktemp -d)
cd "$work"  # no config/tracing.yaml, no .git: the embedded defaults
for _ in 1 2 3; do "$obs" --exporter otlp --endpoint "$grpc" run -- true 2>/dev/null; "$floor" otlp "$grpc"; done

echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(stat -c %s "$obs") B obs"
hyperfine -N --warmup 5 --runs "$runs" --style basic \
  -n 'true' 'true' \
  -n 'floor: runtime alone' "$floor" \
  -n 'floor: SDK, one span' "$floor sdk" \
  -n 'floor: SDK, OTLP/gRPC' "$floor otlp $grpc" \
  -n 'floor: OTLP exporter, no provider' "$floor direct $grpc" \
  -n 'obs run, no exporter' "$obs --exporter none run -- true" \
  -n 'obs run, OTLP/gRPC' "$obs --exporter otlp --endpoint $grpc run -- true" \
  -n 'obs run, dead collector' "$obs --exporter otlp --endpoint http://127.0.0.1:9 run -- true" \
  2>&1 | grep -E '^Benchmark|Time \(mean|Range'
for exporter in "none" "otlp --endpoint $grpc"; do
  # shellcheck disable=SC2086
  perf stat -r 20 -e task-clock,page-faults "$obs" --exporter $exporter run -- true 2>&1 >/dev/null | grep -E 'task-clock|page-faults' | sed "s|^|obs run ($exporter): |"
done
echo count >&"${RECEIVER[1]}"
read -r spans bytes <&"${RECEIVER[0]}"
echo "receiver: $spans spans, $bytes protobuf bytes"
rm -rf "$work"
