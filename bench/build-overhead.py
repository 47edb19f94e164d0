#!/usr/bin/env python3
"""Wall-time cost of tracing a real build: the same multi-step C build run by sh, by `obs build` untraced, and traced.

usage: python3 bench/build-overhead.py [--obs artifacts/obs/obs] [--runs 10] [--warmup 3] [--passes 2]
                                       [--receiver bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry.dll]
                                       [--modules 6] [--keep]

  dotnet build -c Release bench/Obs.Bench.Telemetry        # the loopback OTLP receiver
  python3 bench/build-overhead.py --obs artifacts/obs/obs

Writes a small C project into a temp directory (--modules generated translation units of arithmetic
kernels, a test driver and a header) and one build of seven steps: clean, compile each module with
`cc -O2` (one step per module, so obs starts a process and a span per step), link, run the tests (the
binary checks its own results), summarise the output with python3, package with tar. The same commands
are written twice: as `direct.sh` (sh, `set -e`, one line per step) and as `build.yaml` (`type: command`,
in order, no depends_on, no artifacts, so both do exactly the same work). Three commands are timed with
`hyperfine -N`:

  a  sh direct.sh                                                    the steps, no obs
  b  obs --exporter none build --no-progress -f build.yaml           the local engine, spans recorded, not exported
  c  obs --exporter otlp --endpoint <receiver> build --no-progress …  exported over OTLP/gRPC to a loopback receiver
  d  obs -c tracing-off.yaml build --no-progress -f build.yaml      `tracing.enabled: false`: the engine alone, no span

(d separates what the local engine costs from what tracing costs.) With --trivial every step is `true`, the
same 12 steps doing nothing: what is left is obs' own cost per build, in ms, with far less noise than a
~1 % difference in a 2 s build.

hyperfine runs every run of one command before the next, so on a shared machine drift would fall on one
command only: the script runs hyperfine --passes times with the order rotated and pools every run (mean ± σ
over all of them). It prints a markdown table with the ratios b/a and c/a (target ≤ 1.01) and the spans the
receiver got. The receiver is stopped and the temp directory removed at the end, also on error.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

KERNEL = """
#include "kernels.h"
unsigned long long kernel_{m}_{f}(unsigned long long x) {{
    unsigned long long acc = {seed}ULL;
    for (int i = 0; i < {loops}; i++) {{
        acc = acc * 6364136223846793005ULL + (x ^ (unsigned long long)i);
        acc ^= acc >> {shift};
        if ((acc & 7) == {branch}) acc += x * {mul}ULL; else acc -= (unsigned long long)i << 3;
    }}
    return acc;
}}
"""


def write_project(root, modules, functions, trivial=False):
    src = os.path.join(root, "src")
    os.makedirs(src)
    names = [f"kernel_{m}_{f}" for m in range(modules) for f in range(functions)]
    with open(os.path.join(src, "kernels.h"), "w") as header:
        header.write("#pragma once\n")
        header.writelines(f"unsigned long long {name}(unsigned long long x);\n" for name in names)
    for m in range(modules):
        with open(os.path.join(src, f"module{m}.c"), "w") as module:
            for f in range(functions):
                module.write(KERNEL.format(m=m, f=f, seed=1469598103 + 31 * f + m, loops=20000 + 97 * f, shift=13 + f % 17,
                                           branch=f % 8, mul=2 * f + 3))
    with open(os.path.join(src, "main.c"), "w") as main:
        main.write('#include <stdio.h>\n#include "kernels.h"\n')
        main.write("typedef unsigned long long (*kernel)(unsigned long long);\n")
        main.write("static const kernel all[] = {" + ", ".join(names) + "};\n")
        main.write("""int main(void) {
    unsigned long long total = 0, again = 0;
    const int n = (int)(sizeof all / sizeof all[0]);
    for (int i = 0; i < n; i++) total ^= all[i]((unsigned long long)i + 1);
    for (int i = 0; i < n; i++) again ^= all[i]((unsigned long long)i + 1);
    printf("kernels %d checksum %llu\\n", n, total);
    if (total != again) { puts("FAIL: not deterministic"); return 1; }
    puts("PASS");
    return 0;
}
""")
    steps = [("clean", "rm -rf build dist && mkdir -p build dist")]
    steps += [(f"compile_module{m}", f"cc -O2 -c src/module{m}.c -o build/module{m}.o") for m in range(modules)]
    steps += [
        ("compile_main", "cc -O2 -c src/main.c -o build/main.o"),
        ("link", "cc build/*.o -o build/app"),
        ("test", "./build/app > build/test.log && grep -q PASS build/test.log"),
        ("report", "python3 -c \"import hashlib,pathlib; p=pathlib.Path('build/test.log'); "
                   "pathlib.Path('build/report.txt').write_text(hashlib.sha256(p.read_bytes()).hexdigest())\""),
        ("package", "tar czf dist/app.tgz build/app build/report.txt"),
    ]
    if trivial:
        steps = [(name, "true") for name, _ in steps]
    with open(os.path.join(root, "tracing-off.yaml"), "w") as config:
        config.write("tracing:\n  enabled: false\n")
    with open(os.path.join(root, "direct.sh"), "w") as script:
        script.write("set -e\n")
        script.writelines(command + "\n" for _, command in steps)
    with open(os.path.join(root, "build.yaml"), "w") as build:
        build.write("name: build-overhead\nanalyze_dependencies: false\nsteps:\n")
        for name, command in steps:
            build.write(f"  - name: {name}\n    type: command\n    command: {json.dumps(command)}\n")
    return len(steps)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--obs", default="artifacts/obs/obs")
    parser.add_argument("--receiver", default="bench/Obs.Bench.Telemetry/bin/Release/net10.0/Obs.Bench.Telemetry.dll")
    parser.add_argument("--runs", type=int, default=10, help="runs per command per pass")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--passes", type=int, default=2, help="hyperfine invocations, command order rotated")
    parser.add_argument("--modules", type=int, default=6)
    parser.add_argument("--functions", type=int, default=15, help="kernels per module (compile time)")
    parser.add_argument("--trivial", action="store_true", help="every step is `true`: obs' fixed cost alone")
    parser.add_argument("--keep", action="store_true", help="keep the temp directory")
    args = parser.parse_args()
    obs = os.path.abspath(args.obs)
    receiver_dll = os.path.abspath(args.receiver)
    for path in (obs, receiver_dll, shutil.which("hyperfine"), shutil.which("cc")):
        if not path or not os.path.exists(path):
            sys.exit(f"not found: {path} (needs the obs binary, the bench receiver, hyperfine and cc)")

    root = tempfile.mkdtemp(prefix="obs-build-overhead-")
    receiver = None
    try:
        steps = write_project(root, args.modules, args.functions, args.trivial)
        receiver = subprocess.Popen(["dotnet", receiver_dll, "receive"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        urls = dict(receiver.stdout.readline().split() for _ in range(2))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "OBS_"))}
        commands = {
            "a": "sh direct.sh",
            "b": f"{obs} --exporter none build --no-progress -f build.yaml",
            "c": f"{obs} --exporter otlp --endpoint {urls['grpc']} build --no-progress -f build.yaml",
            "d": f"{obs} -c tracing-off.yaml build --no-progress -f build.yaml",
        }
        # one untimed run each: the build must succeed every way before it is timed
        for key, command in commands.items():
            done = subprocess.run(shlex.split(command), cwd=root, env=env, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                raise RuntimeError(f"{key}: {command} exited {done.returncode}: {done.stdout}{done.stderr}")
        spans_before, _ = count(receiver)

        times = {key: [] for key in commands}
        cpu = {key: [] for key in commands}
        order = list(commands)
        for index in range(args.passes):
            rotated = order[index % len(order):] + order[:index % len(order)]
            export = os.path.join(root, f"hyperfine-{index}.json")
            hyperfine = ["hyperfine", "-N", "--warmup", str(args.warmup), "--runs", str(args.runs), "--export-json", export, "--style", "basic"]
            for key in rotated:
                hyperfine += ["-n", key, commands[key]]
            subprocess.run(hyperfine, cwd=root, env=env, check=True, timeout=3600, stdout=sys.stderr)
            with open(export) as results:
                for result in json.load(results)["results"]:
                    times[result["command"]].extend(result["times"])
                    cpu[result["command"]].append(result["user"] + result["system"])
        spans_after, payload = count(receiver)

        print(f"# {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, {os.path.basename(obs)}, "
              f"{steps} steps " + ("(all `true`)" if args.trivial else f"({args.modules} modules × {args.functions} kernels)") + f", hyperfine -N, {args.passes} passes × "
              f"({args.warmup} warm-ups + {args.runs} runs) per command, order rotated")
        print()
        print("| | command | mean ± σ | median | min–max | ratio to a (mean) | added to a | CPU (user+sys) | target |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---|")
        base = statistics.mean(times["a"])
        labels = {"a": "`sh direct.sh`", "b": "`obs --exporter none build`", "c": "`obs build`, OTLP/gRPC to loopback receiver",
                  "d": "`obs build`, `tracing.enabled: false`"}
        for key in commands:
            values = times[key]
            mean, sigma = statistics.mean(values), statistics.stdev(values)
            target = "" if key in ("a", "d") else ("met" if mean / base <= 1.01 else "not met") + " (≤ 1.01)"
            print(f"| {key} | {labels[key]} | {mean * 1e3:.1f} ± {sigma * 1e3:.1f} ms | {statistics.median(values) * 1e3:.1f} ms | "
                  f"{min(values) * 1e3:.1f}–{max(values) * 1e3:.1f} ms | {mean / base:.3f} | {(mean - base) * 1e3:+.1f} ms | "
                  f"{statistics.mean(cpu[key]) * 1e3:.1f} ms | {target} |")
        print()
        c_runs = args.passes * (args.warmup + args.runs)
        print(f"receiver: {spans_after - spans_before} spans from {c_runs} traced builds "
              f"({(spans_after - spans_before) / c_runs:.1f} per build), {payload} bytes in all")
        print(f"project and commands: {root}" + ("" if args.keep else " (removed)"))
    finally:
        if receiver is not None and receiver.poll() is None:
            try:
                receiver.stdin.close()
                receiver.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                receiver.kill()
                receiver.wait(timeout=10)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def count(receiver):
    receiver.stdin.write("count\n")
    receiver.stdin.flush()
    spans, payload = receiver.stdout.readline().split()
    return int(spans), int(payload)


if __name__ == "__main__":
    main()
