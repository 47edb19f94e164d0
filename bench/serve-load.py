#!/usr/bin/env python3
"""Load and memory of `obs serve`: rounds of N concurrent POST /build, RSS sampled after each round.

usage: python3 bench/serve-load.py [path/to/obs] [rounds=10] [builds per round=100] [max activities=4] [exporter=none|otlp]

Starts the given obs binary (default artifacts/obs/obs, the NativeAOT build test.sh publishes) with
`serve --urls http://127.0.0.1:<free port>` in a temp directory, fires each round's builds at once
from a thread pool, polls Durable's status API until every instance is Completed, and reads VmRSS/VmHWM
from /proc/<pid>/status. Prints a markdown table for docs/PERFORMANCE.md. Loopback only.

With exporter `otlp` the server exports every span over OTLP/gRPC to a loopback receiver in its own process
(`dotnet bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry.dll receive`, or the dll named by
$OBS_BENCH_RECEIVER; build it first with `dotnet build -c Release bench/Obs.Bench.Telemetry`), and the spans
it received are printed at the end. The server (and the receiver) are killed at the end, also on error.
"""
import concurrent.futures
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from loopback_process import free_port, rss_kib

BODY = json.dumps({
    "analyze_dependencies": False,
    "steps": [
        {"name": "compile", "type": "command", "command": "echo compiling"},
        {"name": "test", "type": "command", "command": "echo testing", "depends_on": ["compile"]},
    ],
}).encode()


def request(method, url, key, body=None):
    req = urllib.request.Request(url, data=body, method=method, headers={"x-functions-key": key, "content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def run_build(base, key):
    status, payload = request("POST", f"{base}/build", key, BODY)
    assert status == 202, (status, payload)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        status, document = request("GET", payload["statusQueryGetUri"], key)
        if status == 200:
            return document["runtimeStatus"], document["output"]["success"]
        time.sleep(0.1)
    raise TimeoutError(payload["id"])


def start_receiver():
    dll = os.environ.get("OBS_BENCH_RECEIVER", "bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry.dll")
    receiver = subprocess.Popen(["dotnet", os.path.abspath(dll), "receive"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    urls = dict(receiver.stdout.readline().split() for _ in range(2))
    return receiver, urls["grpc"]


def receiver_count(receiver):
    receiver.stdin.write("count\n")
    receiver.stdin.flush()
    spans, payload = receiver.stdout.readline().split()
    return int(spans), int(payload)


def main():
    obs = sys.argv[1] if len(sys.argv) > 1 else "artifacts/obs/obs"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    per_round = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    max_activities = sys.argv[4] if len(sys.argv) > 4 else "4"
    exporter = sys.argv[5] if len(sys.argv) > 5 else "none"
    if exporter not in ("none", "otlp"):
        sys.exit("exporter must be none or otlp")
    obs = os.path.abspath(obs)
    work = tempfile.mkdtemp(prefix="obs-serve-load-")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "OBS_"))}
    env["OBS_API_KEY"] = key = "bench-key"
    receiver = None
    server = None
    try:
        tracing = ["--exporter", "none"]
        if exporter == "otlp":
            receiver, grpc = start_receiver()
            tracing = ["--exporter", "otlp", "--endpoint", grpc]
        server = subprocess.Popen([obs, *tracing, "serve", "--urls", f"http://127.0.0.1:{port}", "--max-activities", max_activities],
                                  cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        run(server, receiver, obs, port, key, rounds, per_round, max_activities, exporter)
    finally:
        for child in (server, receiver):
            if child is not None and child.poll() is None:
                child.kill()
                child.wait(timeout=10)


def run(server, receiver, obs, port, key, rounds, per_round, max_activities, exporter):
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=1):
                break
        except OSError:
            time.sleep(0.05)
    else:
        server.kill()
        sys.exit("obs serve did not start: " + server.stderr.read())

    idle, _ = rss_kib(server.pid)
    print(f"# {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, {os.path.basename(obs)}, "
          f"{per_round} concurrent POST /build per round (2 steps each), --max-activities {max_activities}, exporter {exporter}")
    print()
    print("| round | builds | wall | builds/s | all Completed | RSS after | peak RSS |")
    print("|---:|---:|---:|---:|---|---:|---:|")
    print(f"| idle | 0 | | | | {idle / 1024:.1f} MiB | |")
    total = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=per_round) as pool:
        for round_number in range(1, rounds + 1):
            started = time.monotonic()
            results = list(pool.map(lambda _: run_build(base, key), range(per_round)))
            wall = time.monotonic() - started
            total += len(results)
            ok = all(status == "Completed" and success for status, success in results)
            rss, hwm = rss_kib(server.pid)
            print(f"| {round_number} | {total} | {wall:.2f} s | {per_round / wall:.0f} | {'yes' if ok else 'NO'} | {rss / 1024:.1f} MiB | {hwm / 1024:.1f} MiB |")
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    print()
    print(f"obs serve exited {server.returncode} after SIGTERM")
    if receiver is not None:
        spans, payload = receiver_count(receiver)
        print(f"receiver got {spans} spans, {payload} bytes")
        receiver.stdin.close()
        receiver.wait(timeout=10)


if __name__ == "__main__":
    main()
