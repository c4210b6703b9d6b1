"""Where the first epoch's processor time goes: jdatagen's end-to-end flow against its CPU budget.

Runs one-epoch processes of the pipeline report's flow (EndToEnd flow: the 1,000-photo folder, opencv
codec, Pillow bilinear resize, the headline augmentation, 2 workers) with automatic backend selection,
`scalar` and `simd`, and PyTorch's DataLoader (2 workers) + torchvision v2 for its first epoch, interleaved,
ROUNDS rounds. While a jdatagen process runs, its threads' CPU times are read from /proc every 50 ms and
summed by kind: the loader's workers (`jdatagen-loader-*`), the JIT's compiler threads (C1, C2), the
garbage collector's, and the rest (start-up, the main thread, the warm-up daemon). For each run it prints
the first epoch's rate and the CPU seconds each kind spent inside that epoch (the epoch's window is
its end, when the result line arrives, minus its duration; samples are interpolated to the window's ends).

The first-epoch bars (issue: first epoch >= 1.5x PyTorch's first epoch and >= 0.6 of the flow's own
steady rate) fix the longest the epoch may take, so, on a machine with P processors, the most CPU time it
may use: P x 1,000 images / required rate. The summary compares that budget with what the runs used.

    python3 bench/reports/first-epoch/run.py [--rounds N] [--steady IMG_PER_S] [--python PY] [--aot]

--aot adds automatic selection and `scalar` started from a JDK 25 ahead-of-time cache (classes loaded and
linked, and method profiles), each made once by a two-epoch training run (-XX:AOTCacheOutput) under
bench/target.

Needs bench/target/benchmarks.jar and bench/target/peers-folder (bench/peers/run makes both), JDK 25
(/usr/lib/jvm/*25*), and, for the PyTorch rows, the peers' venv (bench/target/peers-venv, made by
bench/peers/run) or --python. Linux only (/proc).
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
JAR = os.path.join(ROOT, "bench", "target", "benchmarks.jar")
FOLDER = os.path.join(ROOT, "bench", "target", "peers-folder")
IMAGES = 1000
CONFIGS = {"auto": [], "scalar": ["-Djdatagen.backend=scalar"], "simd": ["-Djdatagen.backend=simd"]}
KINDS = ("workers", "JIT", "GC", "other")


def kind(thread_name):
    if thread_name.startswith("jdatagen-loade"):
        return "workers"
    if thread_name.startswith(("C1 Compiler", "C2 Compiler")):
        return "JIT"
    if thread_name.startswith(("GC ", "G1 ")):
        return "GC"
    return "other"


def thread_times(pid, tick, seen):
    """Updates seen (thread id -> (kind, CPU seconds)) from /proc; a thread that ended keeps its last value."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return False
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        seen[tid] = (kind(name), (int(fields[11]) + int(fields[12])) / tick)
    return True


def by_kind(seen):
    totals = dict.fromkeys(KINDS, 0.0)
    for k, cpu in seen.values():
        totals[k] += cpu
    return totals


def at(samples, t):
    """Each kind's CPU seconds at time t, interpolated between the samples around it."""
    before = max((s for s in samples if s[0] <= t), key=lambda s: s[0], default=samples[0])
    after = min((s for s in samples if s[0] >= t), key=lambda s: s[0], default=samples[-1])
    if after[0] == before[0]:
        return dict(before[1])
    w = (t - before[0]) / (after[0] - before[0])
    return {k: before[1][k] + w * (after[1][k] - before[1][k]) for k in KINDS}


def flow_command(java, options, epochs):
    return [java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"] + options \
        + ["-cp", JAR, "io.jdatagen.bench.EndToEnd", "flow", FOLDER, "opencv", "bilinear", str(epochs), "2"]


def aot_configs(java):
    """Makes an ahead-of-time cache per configuration (a two-epoch training run) and adds a configuration using it."""
    for config in ("auto", "scalar"):
        cache = os.path.join(ROOT, "bench", "target", f"first-epoch-{config}.aot")
        if os.path.exists(cache):
            os.remove(cache)
        subprocess.run(flow_command(java, CONFIGS[config] + [f"-XX:AOTCacheOutput={cache}"], 2), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        CONFIGS[config + "+aot"] = CONFIGS[config] + [f"-XX:AOTCache={cache}"]


def jdatagen_run(java, config):
    cmd = flow_command(java, CONFIGS[config], 1)
    tick = os.sysconf("SC_CLK_TCK")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    samples, result, seen = [], {}, {}

    def read():
        for line in proc.stdout:
            if line.startswith("{"):
                result["line"] = json.loads(line)
                result["at"] = time.monotonic()

    reader = threading.Thread(target=read)
    reader.start()
    while proc.poll() is None:
        if thread_times(proc.pid, tick, seen):
            samples.append((time.monotonic(), by_kind(seen)))
        time.sleep(0.05)
    reader.join()
    if proc.returncode != 0 or "line" not in result:
        raise SystemExit(f"{config}: EndToEnd failed ({proc.returncode}): {' '.join(cmd)}")
    rate = result["line"]["epochs"][0]
    end = result["at"]
    start, finish = at(samples, end - IMAGES / rate), at(samples, end)
    return {"rate": rate, "cpu": {k: finish[k] - start[k] for k in KINDS}}


def torch_run(python):
    proc = subprocess.run([python, os.path.join(ROOT, "bench", "peers", "peers.py"), "run", "torch", FOLDER, "1"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit("PyTorch run failed: " + proc.stderr[-2000:])
    line = json.loads([l for l in proc.stdout.splitlines() if l.startswith("{")][-1])
    return {"rate": line["epochs"][0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steady", type=float, help="the flow's steady rate (img/s) for the 0.6 bar; default: "
                        "the opencv bilinear row of bench/reports/pipeline/results-peers.json")
    parser.add_argument("--python", default=os.path.join(ROOT, "bench", "target", "peers-venv", "bin", "python"))
    parser.add_argument("--aot", action="store_true", help="also run from JDK 25 ahead-of-time caches")
    args = parser.parse_args()
    java = (sorted(glob.glob("/usr/lib/jvm/*25*/bin/java")) or ["java"])[0]
    for needed in (JAR, FOLDER):
        if not os.path.exists(needed):
            raise SystemExit(f"missing {needed}: run bench/peers/run once (it builds the jar and the folder)")
    steady = args.steady
    if steady is None:
        with open(os.path.join(ROOT, "bench", "reports", "pipeline", "results-peers.json")) as f:
            runs = json.load(f)["opencv-bilinear"]["runs"]
        steady = statistics.median(statistics.median(r[1:]) for r in runs)
    if args.aot:
        aot_configs(java)
    processors = os.cpu_count()
    with_torch = os.path.exists(args.python)
    if not with_torch:
        print(f"no {args.python}: PyTorch rows left out (bench/peers/run makes the venv)", file=sys.stderr)
    print(f"{processors} processors, {java}, load average {os.getloadavg()}")
    runs = {c: [] for c in list(CONFIGS) + (["torch"] if with_torch else [])}
    for r in range(1, args.rounds + 1):
        for config in CONFIGS:
            run = jdatagen_run(java, config)
            runs[config].append(run)
            cpu = run["cpu"]
            print(f"round {r} {config:10} first epoch {run['rate']:6.0f} img/s ({IMAGES / run['rate']:.2f} s); CPU-s in"
                  f" it: workers {cpu['workers']:.2f}, JIT {cpu['JIT']:.2f}, GC {cpu['GC']:.2f}, other"
                  f" {cpu['other']:.2f}, all {sum(cpu.values()):.2f}", flush=True)
        if with_torch:
            run = torch_run(args.python)
            runs["torch"].append(run)
            print(f"round {r} {'torch':10} first epoch {run['rate']:6.0f} img/s", flush=True)
    print()
    median = statistics.median
    torch_rate = median(r["rate"] for r in runs["torch"]) if with_torch else None
    needs = {"0.6 of the steady rate": 0.6 * steady}
    if torch_rate:
        needs["1.5x PyTorch's first epoch"] = 1.5 * torch_rate
    print(f"steady rate {steady:.0f} img/s" + (f"; PyTorch first epoch {torch_rate:.0f} img/s (median)" if torch_rate
                                               else ""))
    for bar, rate in needs.items():
        print(f"bar {bar}: >= {rate:.0f} img/s, so the epoch in <= {IMAGES / rate:.2f} s: at most"
              f" {processors * IMAGES / rate:.2f} CPU-s on {processors} processors")
    for config in CONFIGS:
        cpus = [r["cpu"] for r in runs[config]]
        m = {k: median(c[k] for c in cpus) for k in KINDS}
        print(f"{config:10}: first epoch {median(r['rate'] for r in runs[config]):.0f} img/s (median); CPU-s in it"
              f" (medians): workers {m['workers']:.2f}, JIT {m['JIT']:.2f}, GC {m['GC']:.2f}, other {m['other']:.2f};"
              f" all {median(sum(c.values()) for c in cpus):.2f}")
    print(f"steady work: {processors * IMAGES / steady:.2f} CPU-s per epoch at the steady rate on {processors}"
          " processors")


if __name__ == "__main__":
    main()
