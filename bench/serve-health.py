#!/usr/bin/env python3
"""Cost of tracing in `obs serve`: requests/s and latency of GET /health with tracing on and off, side by side.

usage: python3 bench/serve-health.py [--obs artifacts/obs/obs] [--rounds 6] [--seconds 5] [--connections 8]
                                     [--receiver bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry.dll]
                                     [--protocol grpc|http/protobuf] [--client python|wrk] [--pin]

  dotnet build -c Release bench/Obs.Bench.Telemetry        # the loopback OTLP receiver
  python3 bench/serve-health.py --obs artifacts/obs/obs

Starts one loopback OTLP receiver (`Obs.Bench.Telemetry receive`, its own process) and three `obs serve`
processes, each in its own temp directory on a free 127.0.0.1 port:

  otlp   `--exporter otlp --endpoint <receiver>`: every request is a server span, exported (tracing on)
  none   `--exporter none`: spans are still recorded (ASP.NET Core's server span and its middleware, sampler, redaction), not exported
  off    `OTEL_SDK_DISABLED=true` (same as `tracing.enabled: false`): nothing listens, no span is recorded

`--modes otlp,none,off,noredact` adds `noredact`: as `none`, with `tracing.redaction.enabled: false`, to see
what scrubbing each span for secrets costs.

`--client wrk` (Debian package `wrk`) drives the load with wrk, one thread, `--connections` keep-alive
connections, instead of Python; wrk costs a fraction of the CPU per request, so the server, not the client,
is what saturates. `--pin` puts every `obs serve` on the last CPU and the client and the receiver on the
others (`taskset`), so requests/s is the server's own single-core throughput and the ratio between modes is
the ratio of their CPU per request, not of how the scheduler shared two cores with the client that round.

The default client is stdlib Python: a fixed number of threads, each with one keep-alive `http.client` connection,
issuing GET /health back to back for a fixed time. Rounds alternate between the servers (the order rotates
every round) so drift on a shared machine falls on all modes alike. Per mode it reports the median of the
rounds' requests/s, p50/p99 latency over every request, and the server's CPU time per request (utime+stime
from /proc/<pid>/stat; unlike requests/s it is not diluted by the client's own CPU on the same cores).
After the rounds, every server gets SIGTERM (flushing its exporter) and the receiver's span count is
compared with the requests the otlp server answered. Every child is killed at the end, also on error.
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from loopback_process import free_port, rss_kib

MODES = ("otlp", "none", "off")
EXTRA_MODES = ("noredact",)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


class Receiver:
    def __init__(self, dll, cpus=None):
        self.process = subprocess.Popen((["taskset", "-c", cpus] if cpus else []) + ["dotnet", dll, "receive"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.urls = {}
        for _ in range(2):
            line = self.process.stdout.readline().strip()
            name, _, url = line.partition(" ")
            if name not in ("grpc", "http"):
                raise RuntimeError(f"receiver said {line!r}")
            self.urls[name] = url

    def count(self):
        self.process.stdin.write("count\n")
        self.process.stdin.flush()
        spans, payload = self.process.stdout.readline().split()
        return int(spans), int(payload)

    def close(self):
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(timeout=10)


class Server:
    def __init__(self, mode, obs, receiver, protocol, cpus=None):
        self.mode = mode
        self.work = tempfile.mkdtemp(prefix=f"obs-serve-health-{mode}-")
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "OBS_"))}
        env["OBS_API_KEY"] = "bench-key"
        args = (["taskset", "-c", cpus] if cpus else []) + [obs]
        if mode == "otlp":
            endpoint = receiver.urls["grpc" if protocol == "grpc" else "http"]
            args += ["--exporter", "otlp", "--endpoint", endpoint, "--protocol", protocol]
        elif mode == "none":
            args += ["--exporter", "none"]
        elif mode == "noredact":
            config = os.path.join(self.work, "tracing.yaml")
            with open(config, "w") as file:
                file.write("tracing:\n  redaction:\n    enabled: false\n")
            args += ["--exporter", "none", "-c", config]
        else:
            args += ["--exporter", "none"]
            env["OTEL_SDK_DISABLED"] = "true"
        args += ["serve", "--urls", f"http://127.0.0.1:{self.port}"]
        self.stderr = open(os.path.join(self.work, "stderr.txt"), "w+")
        self.process = subprocess.Popen(args, cwd=self.work, env=env, stdout=subprocess.DEVNULL, stderr=self.stderr)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/health")
                response = connection.getresponse()
                body = response.read()
                connection.close()
                if response.status == 200:
                    self.health = body.decode()
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stderr.seek(0)
        raise RuntimeError(f"obs serve ({mode}) did not become healthy: {self.stderr.read()}")

    def stop(self):
        """SIGTERM (the exporter flushes), then kill if it is still there after 30 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.stderr.close()
        return self.process.returncode

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        if not self.stderr.closed:
            self.stderr.close()
        shutil.rmtree(self.work, ignore_errors=True)


def load(port, connections, seconds):
    """`connections` threads, one keep-alive connection each, GET /health back to back for `seconds`."""
    latencies = [[] for _ in range(connections)]
    errors = [0] * connections
    start = threading.Barrier(connections + 1)
    stop_at = [0.0]

    def worker(index):
        own, clock = latencies[index], time.perf_counter
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        start.wait()
        end = stop_at[0]
        while True:
            began = clock()
            if began >= end:
                break
            try:
                connection.request("GET", "/health")
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[index] += 1
                    continue
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            own.append(clock() - began)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(connections)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.perf_counter() + seconds
    began = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    elapsed = time.perf_counter() - began
    samples = [value for own in latencies for value in own]
    return samples, sum(errors), elapsed


WRK_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


def wrk_load(port, connections, seconds, cpus):
    """wrk, one thread, `connections` keep-alive connections, GET /health for `seconds`.

    Returns (requests/s, {"p50": s, "p99": s}, requests, errors): wrk reports latency percentiles, not samples."""
    args = (["taskset", "-c", cpus] if cpus else []) + [
        "wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency", f"http://127.0.0.1:{port}/health"]
    output = subprocess.run(args, check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = {}
    for name, pattern in (("p50", r"\s50%\s+([\d.]+)(us|ms|s)"), ("p99", r"\s99%\s+([\d.]+)(us|ms|s)")):
        match = re.search(pattern, output)
        latency[name] = float(match.group(1)) * WRK_UNITS[match.group(2)]
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(group) for group in match.groups())
    return rps, latency, requests, errors


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--obs", default="artifacts/obs/obs")
    parser.add_argument("--receiver", default="bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry.dll")
    parser.add_argument("--protocol", default="grpc", choices=("grpc", "http/protobuf"))
    parser.add_argument("--rounds", type=int, default=6, help="measured rounds per mode")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of one round")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load per server before the rounds")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated; otlp, none and off are always run")
    parser.add_argument("--client", default="python", choices=("python", "wrk"), help="what drives the load")
    parser.add_argument("--pin", action="store_true", help="servers on the last CPU, client and receiver on the others")
    args = parser.parse_args()
    if args.client == "wrk" and shutil.which("wrk") is None:
        sys.exit("--client wrk: wrk not found (apt-get install wrk)")
    if args.pin and (shutil.which("taskset") is None or os.cpu_count() < 2):
        sys.exit("--pin needs taskset and at least two CPUs")
    last = os.cpu_count() - 1
    server_cpus = str(last) if args.pin else None
    client_cpus = (f"0-{last - 1}" if last > 1 else "0") if args.pin else None
    modes = MODES + tuple(mode for mode in args.modes.split(",") if mode in EXTRA_MODES)
    unknown = [mode for mode in args.modes.split(",") if mode not in MODES + EXTRA_MODES]
    if unknown:
        sys.exit(f"unknown modes: {unknown}")
    obs = os.path.abspath(args.obs)
    receiver_dll = os.path.abspath(args.receiver)
    for path in (obs, receiver_dll):
        if not os.path.exists(path):
            sys.exit(f"not found: {path}")

    receiver = None
    servers = {}
    try:
        receiver = Receiver(receiver_dll, client_cpus)
        for mode in modes:
            servers[mode] = Server(mode, obs, receiver, args.protocol, server_cpus)

        def run_load(port, seconds):
            """(requests/s, latency samples or wrk's percentiles, requests, errors)."""
            if args.client == "wrk":
                return wrk_load(port, args.connections, seconds, client_cpus)
            samples, errors, elapsed = load(port, args.connections, seconds)
            return len(samples) / elapsed, samples, len(samples), errors

        warmup_requests = {}
        for mode in modes:  # NativeAOT has no JIT, but Kestrel's pools, SQLite's cache and the exporter warm up
            _, _, requests, errors = run_load(servers[mode].port, args.warmup)
            warmup_requests[mode] = requests + errors

        results = {mode: {"rps": [], "samples": [], "errors": 0, "requests": 0, "cpu": 0.0, "receiver_cpu": 0.0} for mode in modes}
        for round_index in range(args.rounds):
            order = modes[round_index % len(modes):] + modes[:round_index % len(modes)]
            for mode in order:
                server = servers[mode]
                cpu_before, receiver_before = cpu_seconds(server.process.pid), cpu_seconds(receiver.process.pid)
                rps, latency, requests, errors = run_load(server.port, args.seconds)
                cpu_after, receiver_after = cpu_seconds(server.process.pid), cpu_seconds(receiver.process.pid)
                result = results[mode]
                result["rps"].append(rps)
                if args.client == "wrk":
                    result["samples"].append(latency)
                else:
                    result["samples"].extend(latency)
                result["errors"] += errors
                result["requests"] += requests
                result["cpu"] += cpu_after - cpu_before
                result["receiver_cpu"] += receiver_after - receiver_before
                print(f"round {round_index + 1} {mode:>4}: {rps:8.0f} req/s, {errors} errors", file=sys.stderr, flush=True)

        rss = {mode: rss_kib(servers[mode].process.pid) for mode in modes}
        exit_codes = {mode: servers[mode].stop() for mode in modes}
        time.sleep(0.5)
        spans, payload = receiver.count()

        print(f"# {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, {os.path.basename(obs)}, "
              f"GET /health, {args.connections} keep-alive connections, {args.rounds} rounds × {args.seconds:g} s per mode "
              f"(alternating), OTLP over {args.protocol}, client {args.client}"
              + (f", servers pinned to CPU {server_cpus}, client and receiver to {client_cpus}" if args.pin else ""))
        print()
        print("| mode | req/s (median of rounds) | min–max | p50 | p99 | server CPU / request | receiver CPU / request | errors | peak RSS |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        medians = {}
        for mode in modes:
            result = results[mode]
            medians[mode] = statistics.median(result["rps"])
            if args.client == "wrk":  # wrk gives percentiles per round: report the median round's
                p50 = statistics.median(round_latency["p50"] for round_latency in result["samples"])
                p99 = statistics.median(round_latency["p99"] for round_latency in result["samples"])
            else:
                ordered = sorted(result["samples"])
                p50, p99 = percentile(ordered, 0.50), percentile(ordered, 0.99)
            requests = max(result["requests"], 1)
            receiver_column = f"{result['receiver_cpu'] / requests * 1e6:.0f} µs" if mode == "otlp" else ""
            print(f"| {mode} | {medians[mode]:.0f} | {min(result['rps']):.0f}–{max(result['rps']):.0f} | "
                  f"{p50 * 1e3:.2f} ms | {p99 * 1e3:.2f} ms | "
                  f"{result['cpu'] / requests * 1e6:.0f} µs | {receiver_column} | {result['errors']} | {rss[mode][1] / 1024:.1f} MiB |")
        print()
        ratio_none = medians["otlp"] / medians["none"]
        ratio_off = medians["otlp"] / medians["off"]
        print(f"req/s ratio otlp/none = {ratio_none:.3f}, otlp/off = {ratio_off:.3f}, none/off = {medians['none'] / medians['off']:.3f} (target ≥ 0.95)")
        paired = {mode: statistics.median(a / b for a, b in zip(results[mode]["rps"], results["off"]["rps"])) for mode in modes if mode != "off"}
        print("median of per-round ratios to off (each round runs every mode back to back): "
              + ", ".join(f"{mode}/off = {ratio:.3f}" for mode, ratio in paired.items()))
        cpu = {mode: results[mode]["cpu"] / max(results[mode]["requests"], 1) for mode in modes}
        print("server CPU per request: " + ", ".join(f"{mode}/off = {cpu[mode] / cpu['off']:.3f}" for mode in modes if mode != "off"))
        answered = results["otlp"]["requests"] + results["otlp"]["errors"] + warmup_requests["otlp"]
        print(f"otlp server: {answered} requests (warm-up included; each one server span); receiver got {spans} spans, {payload} bytes "
              f"({payload / max(spans, 1):.0f} B/span); exit codes after SIGTERM: {exit_codes}")
    finally:
        for server in servers.values():
            server.kill()
        if receiver is not None:
            receiver.close()


if __name__ == "__main__":
    main()
