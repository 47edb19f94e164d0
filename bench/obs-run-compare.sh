#!/usr/bin/env bash
# Two obs binaries' `obs run -- true`, interleaved in one hyperfine invocation per pass, so drift on a shared
# machine falls on both alike (issue 12 item 2; docs/PERFORMANCE.md).
#
# usage: bench/obs-run-compare.sh <before obs binary> <after obs binary> [passes (default 3)] [runs (default 60)]
#
# Starts the loopback OTLP receiver (Obs.Bench.Telemetry receive) in a process of its own, then per pass times
# `true`, and for each binary: no exporter, OTLP/gRPC to the receiver, a dead collector (a closed port). Prints,
# per command, each pass's mean and median and, over all passes, the median of the medians and what it adds to
# `true`'s, beside the issue's targets (≤ 4 ms added with no exporter, ≤ 8 ms over OTLP/gRPC, ≤ 20 ms dead).
# Needs hyperfine (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '4p' "$0" >&2; exit 2; }
before=$(realpath "$1"); after=$(realpath "$2"); passes=${3:-3}; runs=${4:-60}
for b in "$before" "$after"; do [ -x "$b" ] || { echo "not an executable: $b" >&2; exit 2; }; done
dotnet build -c Release bench/Obs.Bench.Telemetry -nologo -v quiet >/dev/null
receiver=bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry
coproc RECEIVER { exec "$receiver" receive; }
work=$(mktemp -d)
trap 'kill "$RECEIVER_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
read -r _ grpc <&"${RECEIVER[0]}"
read -r _ _ <&"${RECEIVER[0]}"
cd "$work"  # no config/tracing.yaml, no .git: the embedded defaults
echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $passes passes × $runs runs, interleaved"
for pass in $(seq 1 "$passes"); do
  hyperfine -N --warmup 5 --runs "$runs" --style none --export-json "$work/pass-$pass.json" \
    -n 'true' 'true' \
    -n 'before, no exporter' "$before --exporter none run -- true" \
    -n 'after, no exporter' "$after --exporter none run -- true" \
    -n 'before, OTLP/gRPC' "$before --exporter otlp --endpoint $grpc run -- true" \
    -n 'after, OTLP/gRPC' "$after --exporter otlp --endpoint $grpc run -- true" \
    -n 'before, dead collector' "$before --exporter otlp --endpoint http://127.0.0.1:9 run -- true" \
    -n 'after, dead collector' "$after --exporter otlp --endpoint http://127.0.0.1:9 run -- true" >/dev/null 2>&1
done
python3 - "$work" "$passes" <<'PY'
import json, statistics, sys
work, passes = sys.argv[1], int(sys.argv[2])
rows = {}
for p in range(1, passes + 1):
    with open(f"{work}/pass-{p}.json") as f:
        for r in json.load(f)["results"]:
            rows.setdefault(r["command"], []).append((r["mean"] * 1e3, r["median"] * 1e3))
base = statistics.median(md for _, md in rows["true"])
targets = {"no exporter": 4, "OTLP/gRPC": 8, "dead collector": 20}
print("| command | per pass: mean / median (ms) | median of medians | added to `true` | target |")
print("|---|---|---:|---:|---|")
for name, values in rows.items():
    med = statistics.median(md for _, md in values)
    kind = name.split(", ", 1)[-1]
    target = f"≤ {targets[kind]} ms: {'met' if med - base <= targets[kind] else 'not met'}" if kind in targets and name.startswith("after") else ""
    print(f"| {name} | {' · '.join(f'{m:.2f} / {md:.2f}' for m, md in values)} | {med:.2f} ms | {med - base:+.2f} ms | {target} |")
PY
