"""End-to-end comparison of jdatagen with what Python users would pick instead, on one JPEG folder.

Each contender runs in its own process (a JVM for jdatagen, a Python interpreter for a peer) for a
few epochs and prints one JSON line with each epoch's images per second, the wall-clock time of its
first batch and its peak resident set; `compare` runs every contender once per round, interleaved,
takes the time from spawning each process to its first batch, and writes the table and the bars into
the pipeline report between markers that the Java report generator keeps. Besides the uncached flows,
jdatagen runs with the decoded-sample cache (all in memory, and spilling), with `output("float32")`,
and from the same JPEGs in local WebDataset tar shards (issues 34 and 36).

The work is the same everywhere: 500x375 JPEGs -> RGB -> 224x224 -> rotation +-15 degrees, shift
+-10 %, zoom 0.9-1.1, horizontal flip -> float32 / 255, ImageNet mean and std -> shuffled batches of
32, with 2 workers (or threads) where the library has them.

    python peers.py run CONTENDER FOLDER EPOCHS     one contender, one JSON line
    python peers.py compare --folder F --java J --jar B --report R --json J [--shards S] [--rounds N]
    python peers.py report --json J --report R       the table again from a compare run's raw epochs
"""

import argparse
import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import time

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
WORKERS = 2

PYTHON_PEERS = {
    "cv2-decode": "OpenCV imdecode only, 2 threads (the decode ceiling)",
    "torch": "PyTorch DataLoader (2 workers) + torchvision v2",
    "tfdata": "tf.data + Keras preprocessing layers",
    "keras": "Keras ImageDataGenerator.flow_from_directory",
}


FIRST_BATCH_AT = []


def mark_first():
    """Notes the wall-clock time of the contender's first batch (or first decoded image), once."""
    if not FIRST_BATCH_AT:
        FIRST_BATCH_AT.append(time.time())


def peak_rss():
    """This process's peak resident set in bytes (VmHWM), and the largest of its reaped children's (a
    DataLoader's worker processes), or None where the system does not say."""
    own = None
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    own = int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return own, children or None


def files_of(folder):
    out = []
    for dirpath, _, names in sorted(os.walk(folder)):
        out.extend(os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".jpg"))
    return out


def timed_epochs(epochs, one_epoch):
    rates = []
    for _ in range(epochs):
        start = time.perf_counter()
        images = one_epoch()
        rates.append(images / (time.perf_counter() - start))
    return rates


def run_cv2_decode(folder, epochs):
    import cv2
    import numpy as np

    cv2.setNumThreads(1)
    files = files_of(folder)

    def decode(path):
        with open(path, "rb") as f:
            data = f.read()
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        size = cv2.cvtColor(image, cv2.COLOR_BGR2RGB).size
        mark_first()
        return size

    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        def epoch():
            total = sum(pool.map(decode, files))
            assert total == len(files) * 375 * 500 * 3, total
            return len(files)

        return len(files), timed_epochs(epochs, epoch)


def run_torch(folder, epochs):
    import torch

    # torchvision's wheels are CUDA builds: with the CPU torch their compiled ops do not load, and its
    # import registers fake kernels for these two names. Neither ImageFolder nor the transforms use them.
    lib = torch.library.Library("torchvision", "DEF")
    lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    import torchvision
    from torchvision.transforms import v2

    transform = v2.Compose([
        v2.PILToTensor(),
        v2.Resize((224, 224), interpolation=v2.InterpolationMode.BILINEAR, antialias=True),
        v2.RandomAffine(degrees=15, translate=(0.1, 0.1), scale=(0.9, 1.1)),
        v2.RandomHorizontalFlip(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(MEAN, STD),
    ])
    dataset = torchvision.datasets.ImageFolder(folder, transform=transform)
    loader = torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=True, num_workers=WORKERS)

    def epoch():
        n = 0
        for x, _ in loader:
            mark_first()
            assert tuple(x.shape[1:]) == (3, 224, 224)
            n += x.shape[0]
        return n

    return len(dataset), timed_epochs(epochs, epoch)


def run_tfdata(folder, epochs):
    import tensorflow as tf
    import keras

    tf.config.threading.set_inter_op_parallelism_threads(WORKERS)
    tf.config.threading.set_intra_op_parallelism_threads(WORKERS)
    augment = keras.Sequential([
        keras.layers.RandomRotation(15 / 360),
        keras.layers.RandomTranslation(0.1, 0.1),
        keras.layers.RandomZoom((-0.1, 0.1)),
        keras.layers.RandomFlip("horizontal"),
        keras.layers.Rescaling(1 / 255),
        keras.layers.Normalization(mean=MEAN, variance=[s * s for s in STD]),
    ])
    ds = keras.utils.image_dataset_from_directory(folder, image_size=(224, 224), batch_size=32, shuffle=True,
                                                  interpolation="bilinear", verbose=False)
    ds = ds.map(lambda x, y: (augment(x, training=True), y), num_parallel_calls=tf.data.AUTOTUNE)
    ds = ds.prefetch(tf.data.AUTOTUNE)

    def epoch():
        n = 0
        for x, _ in ds:
            mark_first()
            assert tuple(x.shape[1:]) == (224, 224, 3)
            n += int(x.shape[0])
        return n

    return len(files_of(folder)), timed_epochs(epochs, epoch)


def run_keras(folder, epochs):
    import numpy as np
    from keras.src.legacy.preprocessing.image import ImageDataGenerator

    generator = ImageDataGenerator(rotation_range=15, width_shift_range=0.1, height_shift_range=0.1,
                                   zoom_range=0.1, horizontal_flip=True, rescale=1 / 255,
                                   featurewise_center=True, featurewise_std_normalization=True)
    generator.mean = np.array(MEAN, dtype="float32").reshape((1, 1, 3))
    generator.std = np.array(STD, dtype="float32").reshape((1, 1, 3))
    flow = generator.flow_from_directory(folder, target_size=(224, 224), batch_size=32, shuffle=True)

    def epoch():
        n = 0
        for i in range(len(flow)):
            x, _ = flow[i]
            mark_first()
            n += x.shape[0]
        flow.on_epoch_end()
        return n

    return flow.samples, timed_epochs(epochs, epoch)


RUNNERS = {"cv2-decode": run_cv2_decode, "torch": run_torch, "tfdata": run_tfdata, "keras": run_keras}


def run(contender, folder, epochs):
    images, rates = RUNNERS[contender](folder, epochs)
    own, children = peak_rss()
    print(json.dumps({"name": PYTHON_PEERS[contender], "images": images, "epochs": rates,
                      "firstBatchAt": FIRST_BATCH_AT[0], "peakRssBytes": own, "childPeakRssBytes": children}))


# ------------------------------------------------------------------------------------------ compare

# The cache's heap budgets (MiB): one that holds the decoded data set (1,000 images of 224x224x3 bytes,
# 150.5 MB), one that spills most of it to the temporary file.
CACHE_BIG, CACHE_SMALL = 256, 32
# The shard flow's shuffle buffer; the memory runs compare SHUFFLE_SMALL with 4x as many samples in a
# JVM whose heap (SMALL_HEAP) is far below the decoded data set, with the serial collector, whose full
# collections give the live heap (EndToEnd's liveHeapBytes).
SHUFFLE, SHUFFLE_SMALL, SMALL_HEAP = 256, 64, "192m"
# Epochs of each jdatagen flow run: automatic backend selection on 2 processors runs scalar for 2,000
# images and then simd, whose kernels compile during the third epoch of 1,000 images; the steady rate
# (the median of the epochs after the first) needs enough epochs after that to be the steady state.
FLOW_EPOCHS = "8"
# Rotations of a folder epoch, a shard epoch and a second folder epoch (the control) in one JVM per round
# (EndToEnd alternate-stream, after its 3 warm-up rotations): the shards' rate over the folder's without the
# drift between processes, and what the measurement resolves.
ALTERNATED_ROUNDS = 8


def jdatagen_runs(java, jar, folder, shards=None):
    flags = ["--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp", jar,
             "io.jdatagen.bench.EndToEnd"]
    base = [java] + flags
    w = str(WORKERS)
    runs = [("decode-opencv", base + ["decode", folder, "opencv", "4", w]),
            ("decode-imageio", base + ["decode", folder, "imageio", "4", w])]
    for codec in ("opencv", "imageio"):
        for resize in ("nearest", "bilinear", "warp"):
            runs.append((f"{codec}-{resize}", base + ["flow", folder, codec, resize, FLOW_EPOCHS, w]))
    runs += [("opencv-bilinear-float32", base + ["direct", folder, "opencv", "bilinear", FLOW_EPOCHS, w, "float32"]),
             ("cached-memory", base + ["cached", folder, "opencv", "bilinear", "12", w, str(CACHE_BIG)]),
             ("cached-spill", base + ["cached", folder, "opencv", "bilinear", "12", w, str(CACHE_SMALL)])]
    if shards:
        small = [java, "-XX:+UseSerialGC", f"-Xmx{SMALL_HEAP}"] + flags
        runs += [("shards-bilinear", base + ["stream", shards, "opencv", "bilinear", FLOW_EPOCHS, w, str(SHUFFLE)]),
                 ("shards-alternated", base + ["alternate-stream", folder, shards, "opencv", "bilinear",
                                               str(ALTERNATED_ROUNDS), w, str(SHUFFLE)]),
                 ("shards-memory-small", small + ["stream-front-to-back", shards, "opencv", "bilinear", "3", w,
                                                  str(SHUFFLE_SMALL)]),
                 ("shards-memory-large", small + ["stream-front-to-back", shards, "opencv", "bilinear", "3", w,
                                                  str(4 * SHUFFLE_SMALL)]),
                 ("shards-memory-any-order", small + ["stream", shards, "opencv", "bilinear", "3", w,
                                                      str(4 * SHUFFLE_SMALL)])]
    return runs


def python_runs(folder, epochs):
    return [(name, [sys.executable, os.path.abspath(__file__), "run", name, folder, str(epochs[name])])
            for name in PYTHON_PEERS]


# What a run reports besides its epochs, kept per run in the JSON.
EXTRAS = ("firstBatchSeconds", "peakRssBytes", "childPeakRssBytes", "liveHeapBytes", "heapAtEndBytes", "maxHeapBytes",
          "cache",
          "shuffleBuffer", "shards", "shardBytes")


def measure(command):
    """Runs one contender; its line, with firstBatchSeconds: from just before the process was spawned to
    the first batch (the process's start, JVM or interpreter, imports and listing included)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    spawned = time.time()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    lines = [l for l in done.stdout.splitlines() if l.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{command} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    line = json.loads(lines[-1])
    if line.get("firstBatchAt"):
        line["firstBatchSeconds"] = line["firstBatchAt"] - spawned
    return line


def steady(rates):
    """The steady rate of one run: the median of the epochs after the first."""
    return statistics.median(rates[1:])


def compare(args):
    runs = jdatagen_runs(args.java, args.jar, args.folder, args.shards) + python_runs(
        args.folder, {"cv2-decode": 4, "torch": 3, "tfdata": 3, "keras": 2})
    results = {}
    for r in range(args.rounds):
        for key, command in runs:
            line = measure(command)
            if "streamOverFolder" in line:
                result = results.setdefault(key, {"name": line["name"], "images": line["images"], "alternated": []})
                result["alternated"].append({k: line[k] for k in ("folder", "stream", "control", "streamOverFolder",
                                                                   "medianStreamOverFolder", "controlOverFolder",
                                                                   "medianControlOverFolder")})
                print(f"round {r + 1}: {line['name']}: shards over folder, median of the rounds"
                      f" {line['medianStreamOverFolder']:.3f} (control {line['medianControlOverFolder']:.3f})",
                      flush=True)
                continue
            result = results.setdefault(key, {"name": line["name"], "images": line["images"], "runs": [],
                                              "extras": []})
            result["runs"].append(line["epochs"])
            result["extras"].append({k: line[k] for k in EXTRAS if line.get(k) is not None})
            first = line.get("firstBatchSeconds")
            print(f"round {r + 1}: {line['name']}: " + ", ".join(f"{v:,.0f}" for v in line["epochs"])
                  + (f" (first batch {first:.2f} s)" if first else ""), flush=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=1)
    write_report(results, args)


def summary(result):
    steadies = [steady(run) for run in result["runs"]]
    firsts = [run[0] / steady(run) for run in result["runs"]]
    return statistics.median(steadies), statistics.median(firsts), steadies


def extra(result, name):
    """Each run's value of one extra (None for runs that did not report it)."""
    return [e.get(name) for e in result.get("extras", [])] or [None] * len(result["runs"])


def median_of(values):
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def mb(value):
    return "-" if value is None else f"{value / 1e6:,.0f}"


ORDER = ["cv2-decode", "decode-opencv", "decode-imageio", "opencv-nearest", "opencv-bilinear", "opencv-warp",
         "imageio-nearest", "imageio-bilinear", "imageio-warp", "opencv-bilinear-float32", "cached-memory",
         "cached-spill", "shards-bilinear", "shards-memory-small", "shards-memory-large", "shards-memory-any-order",
         "torch", "tfdata", "keras"]


def codec_of(key):
    return "opencv" if key.startswith(("cached", "shards")) else key.split("-")[0]


def write_report(results, args, measured=None):
    rates = {key: summary(result) for key, result in results.items() if "runs" in result}
    # The ceiling: the faster of OpenCV's decode-only rates (Python's cv2 and jdatagen's JavaCPP build).
    ceiling = max(rates["cv2-decode"][0], rates["decode-opencv"][0])
    own = {"opencv": rates["decode-opencv"][0], "imageio": rates["decode-imageio"][0]}
    torch_rate = rates["torch"][0]
    rows = []
    for key in [k for k in ORDER if k in results]:
        rate, first, steadies = rates[key]
        codec_ceiling = None if key.startswith("decode") else own.get(codec_of(key))
        to_first = median_of(extra(results[key], "firstBatchSeconds"))
        rss = median_of(extra(results[key], "peakRssBytes"))
        name = results[key]["name"] + (f", memory run (`-XX:+UseSerialGC -Xmx{SMALL_HEAP}`)"
                                       if key.startswith("shards-memory") else "")
        rows.append("| {} | {:,.0f} | {} | {:.2f} | {} | {:.2f}x | {:.2f} | {} | {} |".format(
            name, rate, " / ".join(f"{s:,.0f}" for s in steadies), rate / ceiling,
            f"{rate / codec_ceiling:.2f}" if codec_ceiling else "-", rate / torch_rate, first,
            "-" if to_first is None else f"{to_first:.2f}", mb(rss)))
    per_round = {key: rates[key][2] for key in rates}
    ceilings = [max(a, b) for a, b in zip(per_round["cv2-decode"], per_round["decode-opencv"])]
    bars = []

    def bar(claim, over_rounds, target, unit="", under_rounds=None, key=None):
        """One bar: the ratio of the medians and each round's own ratio (a run of `key`, or the values
        `under_rounds`, over the same round's `over_rounds`); met only if that ratio and the median of the
        rounds' ratios both reach the target."""
        under = under_rounds if under_rounds is not None else per_round[key]
        value = statistics.median(under) / statistics.median(over_rounds)
        rounds = [a / b for a, b in zip(under, over_rounds)]
        lower = min(value, statistics.median(rounds))
        shortfall = 100 * (1 - lower / target)
        verdict = "met" if lower >= target else f"missed by {shortfall:.{0 if shortfall >= 1 else 1}f}%"
        bars.append(f"| {claim} | {value:.2f}{unit} | {' / '.join(f'{r:.2f}' for r in rounds)} |"
                    f" {statistics.median(rounds):.2f}{unit} | >= {target:g}{unit} | {verdict} |")

    bar("opencv codec, bilinear (Pillow-exact): of the decode ceiling", ceilings, 0.80, key="opencv-bilinear")
    bar("opencv codec, bilinear (Pillow-exact): vs PyTorch", per_round["torch"], 2.5, "x", key="opencv-bilinear")
    bar("opencv codec, resize in the warp (bilinear): of the decode ceiling", ceilings, 0.80, key="opencv-warp")
    bar("opencv codec, resize in the warp (bilinear): vs PyTorch", per_round["torch"], 2.5, "x", key="opencv-warp")
    bar("opencv codec, nearest: of the decode ceiling", ceilings, 0.85, key="opencv-nearest")
    for resize in ("nearest", "bilinear", "warp"):
        bar(f"imageio codec, {resize}: of its own decode ceiling", per_round["decode-imageio"], 0.9,
            key="imageio-" + resize)
    for key, name in (("opencv-bilinear", "bilinear"), ("opencv-warp", "resize in the warp")):
        first = rates[key][1]
        verdict = "met" if first >= 0.7 else f"missed by {100 * (1 - first / 0.7):.0f}%"
        rounds = " / ".join(f"{run[0] / steady(run):.2f}" for run in results[key]["runs"])
        bars.append(f"| first epoch / steady, opencv codec, {name} | {first:.2f} | {rounds} | {first:.2f} | >= 0.7"
                    f" | {verdict} |")
    # Issue 34 and 36's bars, for the contenders a run measured.
    for key, budget in (("cached-memory", "all in memory"), ("cached-spill", "spilling")):
        if key in results:
            name = f"cached epochs ({budget}), opencv codec, bilinear"
            bar(f"{name}: of the decode ceiling", ceilings, 3, "x", key=key)
            bar(f"{name}: vs PyTorch", per_round["torch"], 6, "x", key=key)
    if all(v is not None for key in ("opencv-bilinear", "torch") for v in extra(results[key], "firstBatchSeconds")):
        firsts = {key: [run[0] for run in results[key]["runs"]] for key in ("opencv-bilinear", "torch")}
        bar("first epoch, opencv codec, bilinear: vs PyTorch's first epoch", firsts["torch"], 1.5, "x",
            under_rounds=firsts["opencv-bilinear"])
        bar("first epoch, opencv codec, bilinear: of its own steady rate", per_round["opencv-bilinear"], 0.6,
            under_rounds=firsts["opencv-bilinear"])
        bar("time from process start to the first batch, opencv codec, bilinear: PyTorch's over jdatagen's",
            extra(results["opencv-bilinear"], "firstBatchSeconds"), 1, "x",
            under_rounds=extra(results["torch"], "firstBatchSeconds"))
    if "opencv-bilinear-float32" in results:
        bar('opencv codec, bilinear, `output("float32")`: over the heap batches', per_round["opencv-bilinear"], 1,
            "x", key="opencv-bilinear-float32")
    if "shards-bilinear" in results:
        bar(f"opencv codec, bilinear, from local tar shards (shuffle buffer {SHUFFLE}): over the folder flow",
            per_round["opencv-bilinear"], 1, "x", key="shards-bilinear")
    if "shards-alternated" in results:
        alternated = results["shards-alternated"]["alternated"]
        medians = [a["medianStreamOverFolder"] for a in alternated]
        controls = " / ".join(f"{a['medianControlOverFolder']:.3f}" for a in alternated)
        bar(f"the same, alternated in one JVM: each run the median of {ALTERNATED_ROUNDS} rotations of a folder, a"
            f" shards and a second folder epoch (the control, second folder over first: {controls})",
            [1.0] * len(medians), 1, "x", under_rounds=medians)
    text = "\n".join([
        "<!-- section:end-to-end -->",
        "## End to end, side by side with the Python peers",
        "",
        f"Written by `bench/peers/run` ({measured or time.strftime('%Y-%m-%d', time.gmtime())}): {results['torch']['images']}"
        f" photo-like JPEGs 500x375 (quality 90) -> 224x224 -> the headline augmentation -> float32 batches of 32,"
        f" 2 workers, {len(results['torch']['runs'])} interleaved rounds (every contender once per round, each in its own process).",
        "The rate is the median over rounds of each run's steady rate (the median of its epochs after the first);"
        " *first epoch* is the first epoch's rate over the steady rate of the same run (JIT warm-up, worker start).",
        "*of ceiling* divides by the faster OpenCV decode-only rate (first two rows); *of own codec* by jdatagen's"
        " decode-only rate with the same codec. jdatagen runs on JDK 25 with the Vector API module"
        + (" and automatic backend selection (no `-Djdatagen.backend`: the warm start)" if "cached-memory" in results
           else "") + "; its bilinear"
        " and nearest resizes are Pillow's exact filters, *resize in the warp* is `FlowOptions.directory().resizeInWarp(true)`"
        " (one bilinear resampling from the decoded image). PyTorch and tf.data resize bilinearly (antialiased),"
        " Keras's `flow_from_directory` by nearest (its default).",
        *notes(results),
        "",
        "| contender | img/s | per round | of ceiling | of own codec | vs PyTorch | first epoch | to first batch (s) |"
        " peak RSS (MB) |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "A bar's *measured* ratio divides the medians above; *per round* divides each round's rates (the"
        " same round's ceiling, decode or PyTorch run), and *median* is their median. Runs of one round are"
        " minutes apart and this machine's speed drifts between them, so a bar counts as met only when both"
        " the ratio of the medians and the median of the rounds' ratios reach it.",
        "",
        "| bar | measured | per round | median | target | |",
        "|---|---:|---|---:|---:|---|",
        *bars,
        "",
        *memory_notes(results),
        "Raw epochs: `results-peers.json`. Peers: torch, torchvision, tensorflow-cpu, keras as pinned in"
        " `bench/peers/requirements.txt`.",
        "<!-- /section:end-to-end -->",
    ])
    splice(args.report, text)


def notes(results):
    """What the rows after the uncached flows are, and the two new columns; nothing for a run without them."""
    if "cached-memory" not in results:
        return []
    return [
        "*to first batch* is the wall-clock time from just before the parent spawned the process to the child's"
        " first batch (the JVM's or interpreter's start, imports, the folder scan or shard listing, the workers'"
        " start; for the decode-only rows the first decoded image); *peak RSS* is the process's `VmHWM` at its end"
        " (the JVM's heap grows towards its default limit, a quarter of the machine's memory, before collecting, so"
        " the RSS of a JVM run says more about the collector than about the data it keeps; a PyTorch run's worker"
        " processes are not counted: their largest is in the JSON as `childPeakRssBytes`). Every jdatagen run"
        " releases each batch once read, as the adapters do (the flow writes a later batch into its memory, heap or direct).",
        f"The `output(\"float32\")` row writes the same batches into pooled direct memory. The *cached* rows add"
        f" `cache(CacheOptions.inMemory(budget))`: the first epoch decodes and fills the cache, the"
        f" {len(results['cached-memory']['runs'][0]) - 1} later epochs"
        f" read the decoded 224x224 images from it and only augment; the rate is their median. The *tar shards*"
        f" rows read the same 1,000 JPEGs from local WebDataset shards (`EndToEnd shards`: the original bytes as"
        f" `.jpg` and the class index as `.cls` members, in a fixed shuffled order) through"
        f" `TarShards.of(...).flow(...)` with a shuffle buffer: being local files, each sample is read at its place"
        f" in its shard when its batch needs it, and no encoded image is held for later batches. The *memory* rows"
        f" run in a JVM with `-XX:+UseSerialGC -Xmx{SMALL_HEAP}` (see below); those *read front to back* read the"
        f" shards as remote ones are read (`TarShards.streamed()`), holding the shuffle buffer's JPEGs.",
    ]


def memory_notes(results):
    """The cache's and the shard flow's memory, measured; nothing for a run without those contenders."""
    out = []
    if "cached-memory" in results:
        plain = median_of(extra(results["opencv-bilinear"], "peakRssBytes"))
        plain_end = median_of(extra(results["opencv-bilinear"], "heapAtEndBytes"))
        for key in ("cached-memory", "cached-spill"):
            caches = [c for c in extra(results[key], "cache") if c]
            if not caches:
                continue
            rss = median_of(extra(results[key], "peakRssBytes"))
            end = median_of(extra(results[key], "heapAtEndBytes"))
            out.append(
                f"- {results[key]['name']}: budget {caches[0]['budgetBytes'] / 2 ** 20:,.0f} MiB"
                f" ({mb(caches[0]['budgetBytes'])} MB); pixels on the heap"
                f" {mb(median_of([c['heapBytes'] for c in caches]))} MB, spill file"
                f" {mb(median_of([c['spilledBytes'] for c in caches]))} MB (`CacheStatistics`, {caches[0]['misses']:,}"
                f" decoded and {caches[0]['hits']:,} served from the cache in the first round); heap in use after a"
                f" collection at the end, the flow open, {mb(end)} MB against {mb(plain_end)} MB for the flow without a"
                f" cache; peak RSS {mb(rss)} MB against {mb(plain)} MB.")
    if "shards-memory-small" in results:
        for key in [k for k in ("shards-bilinear", "shards-memory-small", "shards-memory-large",
                                "shards-memory-any-order") if k in results]:
            e = (results[key].get("extras") or [{}])[0]
            lives = extra(results[key], "liveHeapBytes")
            collected = [v for v in lives if v is not None and v >= 0]
            live = f" the most heap in use after a full collection {mb(median_of(collected))} MB" if collected else ""
            if key.startswith("shards-memory") and len(collected) < len(lives):
                live += (f" ({len(lives) - len(collected)} of {len(lives)} runs needed no full collection)" if collected
                         else f" no full collection in any of its {len(lives)} runs")
            out.append(
                f"- {results[key]['name']} (heap limit {mb(e.get('maxHeapBytes'))} MB"
                f"{', serial collector' if key.startswith('shards-memory') else ''}):"
                f"{live + ',' if live else ''} peak RSS"
                f" {mb(median_of(extra(results[key], 'peakRssBytes')))} MB.")
        e = results["shards-bilinear"]["extras"][0]
        images = results["shards-bilinear"]["images"]
        per_image = e["shardBytes"] / images
        small, large = (median_of([v for v in extra(results[k], "liveHeapBytes") if v is not None and v >= 0])
                        for k in ("shards-memory-small", "shards-memory-large"))
        buffers = [results[k]["extras"][0]["shuffleBuffer"] for k in ("shards-memory-small", "shards-memory-large")]
        out.append(
            f"  The shards hold {mb(e['shardBytes'])} MB of JPEGs ({per_image / 1e3:,.0f} KB an image); decoded, the"
            f" {images:,} images are {mb(images * 375 * 500 * 3)} MB (500x375x3 bytes), {mb(images * 224 * 224 * 3)} MB"
            f" at 224x224. A stream flow read front to back holds the shuffle buffer's encoded images and the batches"
            f" the loader computes ahead: {buffers[1] - buffers[0]} more buffered samples are about {mb((buffers[1] - buffers[0]) * per_image)}"
            f" MB of JPEGs; measured, the live heap of the memory rows differs by"
            f" {'-' if small is None or large is None or min(small, large) < 0 else f'{(large - small) / 1e6:,.0f}'} MB."
            f" One memory run alone: `java -XX:+UseSerialGC -Xmx{SMALL_HEAP} --add-modules jdk.incubator.vector"
            f" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar io.jdatagen.bench.EndToEnd"
            f" stream-front-to-back bench/target/peers-shards opencv bilinear 3 2 {buffers[0]}` (its JSON line: `liveHeapBytes`,"
            f" `peakRssBytes`).")
        if "shards-memory-any-order" in results:
            lives = extra(results["shards-memory-any-order"], "liveHeapBytes")
            placed = [v for v in lives if v is not None and v >= 0]
            out.append(
                f"  Read at their places (the last memory row, the larger buffer), the shards' samples are not held"
                f" for later batches: " + (f"the most heap in use after a full collection was {mb(max(placed))} MB"
                                           f" at most" if placed else "")
                + (" and " if placed and len(placed) < len(lives) else "")
                + (f"{len(lives) - len(placed)} of {len(lives)} runs needed no full collection"
                   if len(placed) < len(lives) else "")
                + f", against {mb(large)} MB read front to back with the same buffer.")
    if out:
        out = ["Memory:", ""] + out + [""]
    return out


def splice(report, section):
    begin, end = "<!-- section:end-to-end -->", "<!-- /section:end-to-end -->"
    old = open(report).read() if os.path.exists(report) else ""
    if begin in old and end in old:
        new = old[:old.index(begin)] + section + old[old.index(end) + len(end):]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    with open(report, "w") as f:
        f.write(new)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("run")
    one.add_argument("contender", choices=sorted(RUNNERS))
    one.add_argument("folder")
    one.add_argument("epochs", type=int)
    many = sub.add_parser("compare")
    many.add_argument("--folder", required=True)
    many.add_argument("--java", required=True)
    many.add_argument("--jar", required=True)
    many.add_argument("--shards", help="a folder of WebDataset shards of the same images (EndToEnd shards)")
    many.add_argument("--report", required=True)
    many.add_argument("--json", required=True)
    many.add_argument("--rounds", type=int, default=3)
    again = sub.add_parser("report")
    again.add_argument("--json", required=True)
    again.add_argument("--report", required=True)
    again.add_argument("--date", help="when the epochs were measured (default: the JSON file's modification day)")
    args = parser.parse_args()
    if args.command == "run":
        run(args.contender, args.folder, args.epochs)
    elif args.command == "report":
        with open(args.json) as f:
            results = json.load(f)
        write_report(results, args, args.date or time.strftime("%Y-%m-%d", time.gmtime(os.path.getmtime(args.json))))
    else:
        compare(args)


if __name__ == "__main__":
    main()
