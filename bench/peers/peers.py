"""End-to-end comparison of jdatagen with what Python users would pick instead, on one JPEG folder.

Each contender runs in its own process (a JVM for jdatagen, a Python interpreter for a peer) for a
few epochs and prints one JSON line with each epoch's images per second; `compare` runs every
contender once per round, interleaved, and writes the table into the pipeline report between
markers that the Java report generator keeps.

The work is the same everywhere: 500x375 JPEGs -> RGB -> 224x224 -> rotation +-15 degrees, shift
+-10 %, zoom 0.9-1.1, horizontal flip -> float32 / 255, ImageNet mean and std -> shuffled batches of
32, with 2 workers (or threads) where the library has them.

    python peers.py run CONTENDER FOLDER EPOCHS     one contender, one JSON line
    python peers.py compare --folder F --java J --jar B --report R [--rounds N]
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
        return cv2.cvtColor(image, cv2.COLOR_BGR2RGB).size

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
            n += x.shape[0]
        flow.on_epoch_end()
        return n

    return flow.samples, timed_epochs(epochs, epoch)


RUNNERS = {"cv2-decode": run_cv2_decode, "torch": run_torch, "tfdata": run_tfdata, "keras": run_keras}


def run(contender, folder, epochs):
    images, rates = RUNNERS[contender](folder, epochs)
    print(json.dumps({"name": PYTHON_PEERS[contender], "images": images, "epochs": rates}))


# ------------------------------------------------------------------------------------------ compare

def jdatagen_runs(java, jar, folder):
    base = [java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp", jar,
            "io.jdatagen.bench.EndToEnd"]
    runs = [("decode-opencv", base + ["decode", folder, "opencv", "4", str(WORKERS)]),
            ("decode-imageio", base + ["decode", folder, "imageio", "4", str(WORKERS)])]
    for codec in ("opencv", "imageio"):
        for resize in ("nearest", "bilinear", "warp"):
            runs.append((f"{codec}-{resize}", base + ["flow", folder, codec, resize, "4", str(WORKERS)]))
    return runs


def python_runs(folder, epochs):
    return [(name, [sys.executable, os.path.abspath(__file__), "run", name, folder, str(epochs[name])])
            for name in PYTHON_PEERS]


def measure(command):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    lines = [l for l in done.stdout.splitlines() if l.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{command} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return json.loads(lines[-1])


def steady(rates):
    """The steady rate of one run: the median of the epochs after the first."""
    return statistics.median(rates[1:])


def compare(args):
    runs = jdatagen_runs(args.java, args.jar, args.folder) + python_runs(
        args.folder, {"cv2-decode": 4, "torch": 3, "tfdata": 3, "keras": 2})
    results = {}
    for r in range(args.rounds):
        for key, command in runs:
            line = measure(command)
            results.setdefault(key, {"name": line["name"], "images": line["images"], "runs": []})
            results[key]["runs"].append(line["epochs"])
            print(f"round {r + 1}: {line['name']}: " + ", ".join(f"{v:,.0f}" for v in line["epochs"]), flush=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=1)
    write_report(results, args)


def summary(result):
    steadies = [steady(run) for run in result["runs"]]
    firsts = [run[0] / steady(run) for run in result["runs"]]
    return statistics.median(steadies), statistics.median(firsts), steadies


def write_report(results, args, measured=None):
    rates = {key: summary(result) for key, result in results.items()}
    # The ceiling: the faster of OpenCV's decode-only rates (Python's cv2 and jdatagen's JavaCPP build).
    ceiling = max(rates["cv2-decode"][0], rates["decode-opencv"][0])
    own = {"opencv": rates["decode-opencv"][0], "imageio": rates["decode-imageio"][0]}
    torch_rate = rates["torch"][0]
    rows = []
    order = ["cv2-decode", "decode-opencv", "decode-imageio", "opencv-nearest", "opencv-bilinear", "opencv-warp",
             "imageio-nearest", "imageio-bilinear", "imageio-warp", "torch", "tfdata", "keras"]
    for key in order:
        rate, first, steadies = rates[key]
        codec_ceiling = None if key.startswith("decode") else own.get(key.split("-")[0])
        rows.append("| {} | {:,.0f} | {} | {:.2f} | {} | {:.2f}x | {:.2f} |".format(
            results[key]["name"], rate, " / ".join(f"{s:,.0f}" for s in steadies), rate / ceiling,
            f"{rate / codec_ceiling:.2f}" if codec_ceiling else "-", rate / torch_rate, first))
    per_round = {key: rates[key][2] for key in rates}
    ceilings = [max(a, b) for a, b in zip(per_round["cv2-decode"], per_round["decode-opencv"])]
    bars = []

    def bar(claim, key, over, target, unit=""):
        """One bar: the ratio of the medians and each round's own ratio; met only if that ratio and the
        median of the rounds' ratios both reach the target."""
        value = rates[key][0] / statistics.median(over)
        rounds = [a / b for a, b in zip(per_round[key], over)]
        lower = min(value, statistics.median(rounds))
        shortfall = 100 * (1 - lower / target)
        verdict = "met" if lower >= target else f"missed by {shortfall:.{0 if shortfall >= 1 else 1}f}%"
        bars.append(f"| {claim} | {value:.2f}{unit} | {' / '.join(f'{r:.2f}' for r in rounds)} |"
                    f" {statistics.median(rounds):.2f}{unit} | >= {target:g}{unit} | {verdict} |")

    bar("opencv codec, bilinear (Pillow-exact): of the decode ceiling", "opencv-bilinear", ceilings, 0.80)
    bar("opencv codec, bilinear (Pillow-exact): vs PyTorch", "opencv-bilinear", per_round["torch"], 2.5, "x")
    bar("opencv codec, resize in the warp (bilinear): of the decode ceiling", "opencv-warp", ceilings, 0.80)
    bar("opencv codec, resize in the warp (bilinear): vs PyTorch", "opencv-warp", per_round["torch"], 2.5, "x")
    bar("opencv codec, nearest: of the decode ceiling", "opencv-nearest", ceilings, 0.85)
    for resize in ("nearest", "bilinear", "warp"):
        bar(f"imageio codec, {resize}: of its own decode ceiling", "imageio-" + resize, per_round["decode-imageio"],
            0.9)
    for key, name in (("opencv-bilinear", "bilinear"), ("opencv-warp", "resize in the warp")):
        first = rates[key][1]
        verdict = "met" if first >= 0.7 else f"missed by {100 * (1 - first / 0.7):.0f}%"
        rounds = " / ".join(f"{run[0] / steady(run):.2f}" for run in results[key]["runs"])
        bars.append(f"| first epoch / steady, opencv codec, {name} | {first:.2f} | {rounds} | {first:.2f} | >= 0.7"
                    f" | {verdict} |")
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
        " decode-only rate with the same codec. jdatagen runs on JDK 25 with the Vector API module; its bilinear"
        " and nearest resizes are Pillow's exact filters, *resize in the warp* is `FlowOptions.directory().resizeInWarp(true)`"
        " (one bilinear resampling from the decoded image). PyTorch and tf.data resize bilinearly (antialiased),"
        " Keras's `flow_from_directory` by nearest (its default).",
        "",
        "| contender | img/s | per round | of ceiling | of own codec | vs PyTorch | first epoch |",
        "|---|---:|---|---:|---:|---:|---:|",
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
        "Raw epochs: `results-peers.json`. Peers: torch, torchvision, tensorflow-cpu, keras as pinned in"
        " `bench/peers/requirements.txt`.",
        "<!-- /section:end-to-end -->",
    ])
    splice(args.report, text)


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
