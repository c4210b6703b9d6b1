"""Writes bench/reports/layers/report.md from a bench/peers/layers-run run's raw results.

    python layers_report.py RAW_DIR REPORT [--java "openjdk version ..."]

RAW_DIR holds, per round N, jmh-N.json (JMH's results of LayerBenchmark), peers-N.jsonl (one line per
Python contender from layers.py) and load-*-N.txt (the load average when each half started). Each
contender's figure is the median over rounds of its per-round score (JMH's mean of its measurement
iterations; a peer's median over its timed batches). The hand-written notes beside the report
(notes.md, if present) are appended.
"""

import argparse
import glob
import json
import os
import platform
import re
import statistics

# (ours, theirs, target): the performance targets, per input kind. jdatagen's float32 rows against
# the peers' float32 rows; its uint8 rows against Keras fed uint8 and torchvision's fastest stack row
# (TORCHVISION_FASTEST: whichever input kind ran faster). RandAugment's peers take one input kind each
# (Keras float32, torchvision uint8): jdatagen's float32 row against both, and its uint8 row against
# torchvision's, the same input kind.
TORCHVISION_FASTEST = "torchvision v2 stack, fastest"
TARGETS = [
    ("stack, fused (simd), float32 input", "Keras 3 stack, float32 input", 50),
    ("stack, fused (simd), float32 input", "torchvision v2 stack, float32", 5),
    ("stack, fused (simd), uint8 input", "Keras 3 stack, uint8 input", 50),
    ("stack, fused (simd), uint8 input", TORCHVISION_FASTEST, 5),
    ("RandAugment (simd), float32 input", "Keras 3 RandAugment", 100),
    ("RandAugment (simd), float32 input", "torchvision v2 RandAugment", 5),
    ("RandAugment (simd), uint8 input", "torchvision v2 RandAugment", 5),
]
JMH_NAMES = {
    "stack-fused": "stack, fused",
    "stack-reference": "stack, KERAS_REFERENCE",
    "stack-constant": "stack with constant fill, fused",
    "geometry-fused": "stack's geometric layers alone, fused",
    "randaugment": "RandAugment",
}
PEER_NAMES = {
    "keras-stack": "Keras 3 stack, float32 input",
    "keras-stack-uint8": "Keras 3 stack, uint8 input",
    "keras-randaugment": "Keras 3 RandAugment",
    "tv-stack-float": "torchvision v2 stack, float32",
    "tv-stack-uint8": "torchvision v2 stack, uint8",
    "tv-randaugment": "torchvision v2 RandAugment",
}


def round_by_round(scores):
    """RandAugment against torchvision's, round k against round k: how much the ratio moves with the machine."""
    tv = scores.get("torchvision v2 RandAugment")
    if not tv:
        return []
    lines = ["", "RandAugment against torchvision v2's, round by round (each jdatagen round ran right before the",
             "peers' round of the same number):", ""]
    for kind in ("float32", "uint8"):
        ours = scores.get(f"jdatagen RandAugment (simd), {kind} input")
        if ours:
            ratios = ", ".join(f"{a / b:.2f}×" for a, b in zip(ours, tv))
            lines.append(f"- from {kind}: {ratios}")
    return lines


def scalar_path(scores):
    """The no-flag path (`scalar`) against the peers: what a user without the Vector API module gets."""
    pairs = [("stack, fused (scalar), float32 input", "Keras 3 stack, float32 input"),
             ("stack, fused (scalar), float32 input", "torchvision v2 stack, float32"),
             ("RandAugment (scalar), float32 input", "Keras 3 RandAugment"),
             ("RandAugment (scalar), uint8 input", "torchvision v2 RandAugment")]
    found = [(f"jdatagen {a}", b) for a, b in pairs
             if figure(scores, f"jdatagen {a}") is not None and figure(scores, b) is not None]
    if not found:
        return []
    lines = ["", "Without the Vector API module (`scalar`, plain Java; not one of the issue's targets):", ""]
    for a, b in found:
        lines.append(f"- {a} / {b}: {figure(scores, a) / figure(scores, b):.2f}×")
    return lines


def rounds_of(raw):
    found = sorted(int(m.group(1)) for f in glob.glob(os.path.join(raw, "jmh-*.json"))
                   if (m := re.search(r"jmh-(\d+)\.json$", f)))
    return found


def read(raw):
    scores = {}  # name -> [per-round score]
    versions = {}
    loads = []
    for n in rounds_of(raw):
        with open(os.path.join(raw, f"jmh-{n}.json")) as f:
            for result in json.load(f):
                p = result["params"]
                # Runs from before the input parameter fed float32 batches.
                name = f"jdatagen {JMH_NAMES[p['pipeline']]} ({p['backend']}), {p.get('input', 'float32')} input"
                scores.setdefault(name, []).append(result["primaryMetric"]["score"])
        peers = os.path.join(raw, f"peers-{n}.jsonl")
        if os.path.exists(peers):
            with open(peers) as f:
                for line in f:
                    r = json.loads(line)
                    scores.setdefault(PEER_NAMES[r["contender"]], []).append(r["img_per_s"])
                    versions.update(r["versions"])
        for half in ("jdatagen", "peers"):
            path = os.path.join(raw, f"load-{half}-{n}.txt")
            if os.path.exists(path):
                with open(path) as f:
                    loads.append(f"round {n} {half}: {f.read().strip()}")
    return scores, versions, loads


def figure(scores, name):
    values = scores.get(name)
    return statistics.median(values) if values else None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def geometry_alone(scores):
    """The stack's four geometric layers alone (one warp, no RandomContrast) against Keras 3's whole stack."""
    lines = []
    for kind in ("float32", "uint8"):
        alone = figure(scores, f"jdatagen stack's geometric layers alone, fused (simd), {kind} input")
        keras = figure(scores, f"Keras 3 stack, {kind} input")
        if alone is not None and keras is not None:
            lines.append(f"- from {kind}: {alone:.0f} img/s, {alone / keras:.2f}× Keras 3's whole stack")
    if lines:
        lines = ["", "The stack's geometric layers alone (`RandomFlip`, `RandomRotation`, `RandomZoom`,",
                 "`RandomTranslation` in one warp, without `RandomContrast`; simd) against Keras 3's whole stack",
                 "(not one of the issue's targets; it bounds what the fused stack can reach):", ""] + lines
    return lines


def write(raw, report, java):
    scores, versions, loads = read(raw)
    lines = ["# Keras 3 layers: jdatagen against Keras 3 and torchvision v2, one core each", "",
             "Generated by `bench/peers/layers-run` (do not edit by hand; the notes at the end come from",
             "`bench/reports/layers/notes.md`).", "",
             "Batches of 32 RGB 224×224 images holding uint8 values (0-255), fed as a float32 batch",
             "(`KerasPipeline.apply(batch, seed, epoch)`; Keras: a float32 tensor; torchvision: float32 in [0, 1])",
             "or as 8-bit images, the way decoded images arrive (`KerasPipeline.apply(List<ByteImage>, seed,",
             "epoch)`; Keras: a uint8 tensor; torchvision: uint8 tensors). The stack: `RandomFlip()`",
             "(both axes, Keras's default), `RandomRotation(0.1)`, `RandomZoom(0.1)`,",
             "`RandomTranslation(0.1, 0.1)`, `RandomContrast(0.2)` (Keras's defaults otherwise: reflect fill,",
             "bilinear). \"stack with constant fill\": the same layers with `fill_mode=\"constant\"` on the three",
             "geometric ones (Keras's constant: each tap outside reads the fill value, 0; torchvision's stack fills",
             "with a constant too). `RandAugment(num_ops=2, factor=0.5)` alone. jdatagen: on one thread (JMH,",
             "`bench/src/main/java/io/jdatagen/bench/LayerBenchmark.java`, its `input` parameter);",
             "peers: `bench/peers/layers.py` (its docstring gives each peer's exact transforms and the",
             "parameter mapping). Figures: images per second, the median over rounds; the rounds ran",
             "interleaved (jdatagen, peers, jdatagen, peers, ...).", "",
             "| contender | img/s (median) | per round |", "|---|---:|---|"]
    for name in sorted(scores, key=lambda k: (not k.startswith("jdatagen"), k)):
        per_round = ", ".join(f"{v:.1f}" for v in scores[name])
        lines.append(f"| {name} | {figure(scores, name):.1f} | {per_round} |")
    lines += ["", "## The issue's targets", "",
              "| ratio | measured | target | |", "|---|---:|---:|---|"]
    for ours, theirs, target in TARGETS:
        ours_name = "jdatagen " + ours
        if theirs == TORCHVISION_FASTEST:
            candidates = [n for n in scores if n.startswith("torchvision v2 stack")]
            theirs_name = max(candidates, key=lambda n: figure(scores, n)) if candidates else theirs
        else:
            theirs_name = theirs
        a, b = figure(scores, ours_name), figure(scores, theirs_name)
        if a is None or b is None:
            lines.append(f"| {ours_name} / {theirs_name} | not measured | ≥ {target}× | |")
            continue
        ratio = a / b
        verdict = "met" if ratio >= target else f"**missed** (short by a factor of {target / ratio:.1f})"
        lines.append(f"| {ours_name} / {theirs_name} | {ratio:.2f}× | ≥ {target}× | {verdict} |")
    lines += round_by_round(scores)
    lines += scalar_path(scores)
    ref = figure(scores, "jdatagen stack, KERAS_REFERENCE (simd), float32 input")
    keras = figure(scores, "Keras 3 stack, float32 input")
    if ref is not None and keras is not None:
        lines += ["", f"jdatagen's `KERAS_REFERENCE` stack (simd) / Keras 3 stack: {ref / keras:.2f}×."]
    constant = figure(scores, "jdatagen stack with constant fill, fused (simd), float32 input")
    tv = figure(scores, "torchvision v2 stack, float32")
    if constant is not None and tv is not None:
        lines += ["", "jdatagen's stack with constant fill (simd, float32 input; the fill torchvision's stack uses) /",
                  f"torchvision v2 stack, float32: {constant / tv:.2f}× (not one of the issue's targets)."]
    lines += geometry_alone(scores)
    keras_ra = figure(scores, "Keras 3 RandAugment")
    if keras is not None and keras_ra is not None:
        lines += ["", "The issue expected Keras 3 at about 60 img/s on the stack and about 10 img/s on",
                  f"RandAugment on one core of this machine kind; this run measured {keras:.0f} and {keras_ra:.0f}",
                  "(the targets are ratios to the figures measured here, in the same run)."]
    lines += ["", "## Machine and versions", "",
              f"- CPU: {cpu_model()}, {os.cpu_count()} cores (each contender uses one thread).",
              f"- JDK: {java} (`--add-modules jdk.incubator.vector`).",
              "- Python: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())) + ".",
              "- Load average (1, 5, 15 min) when each half started: " + "; ".join(loads) + ".",
              "", "## Rerun", "", "```", "bench/peers/layers-run [rounds]          # everything, interleaved",
              "PEERS_PYTHON=/path/to/venv/bin/python bench/peers/layers-run",
              "java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar LayerBenchmark",
              "python bench/peers/layers.py all        # or one contender: keras-stack, keras-stack-uint8, ...",
              "```"]
    notes = os.path.join(os.path.dirname(report), "notes.md")
    if os.path.exists(notes):
        with open(notes) as f:
            lines += ["", f.read().rstrip()]
    with open(report, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw")
    parser.add_argument("report")
    parser.add_argument("--java", default="unknown")
    args = parser.parse_args()
    write(args.raw, args.report, args.java)


if __name__ == "__main__":
    main()
