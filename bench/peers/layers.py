"""Keras 3 image layers' Python peers, one core each: Keras 3 itself and torchvision v2.

The work matches bench's LayerBenchmark (jdatagen): batches of 32 RGB 224x224 images holding uint8
values (0-255) through the typical stack (RandomFlip, RandomRotation(0.1), RandomZoom(0.1),
RandomTranslation(0.1, 0.1), RandomContrast(0.2)) and through RandAugment(num_ops=2, factor=0.5).

    python layers.py CONTENDER [--batches N] [--warmup W]   one contender, one JSON line
    python layers.py all                                   every contender, each in its own process

Contenders:
  keras-stack        keras.Sequential of the five layers (TF backend, CPU, 1 intra-op and 1 inter-op
                     thread) on a (32, 224, 224, 3) float32 batch, training=True: Keras's defaults
                     (RandomFlip both axes; reflect fill, bilinear for the geometric layers).
  keras-stack-uint8  the same Sequential fed the batch as a uint8 tensor (Keras's layers cast it to float32
                     themselves): what a pipeline of decoded images hands Keras.
  keras-randaugment  keras.layers.RandAugment(value_range=(0, 255), num_ops=2, factor=0.5), same batch.
  tv-stack-float     torchvision.transforms.v2 with torch.set_num_threads(1), image by image (v2 draws
                     one set of parameters per call, so a whole-batch call would augment all 32 alike)
                     on float32 CHW images: RandomHorizontalFlip, RandomVerticalFlip (Keras's RandomFlip
                     flips both axes by default), RandomAffine(degrees=36, translate=(0.1, 0.1),
                     scale=(0.9, 1.1), bilinear) -- Keras's rotation factor 0.1 is +-0.1 of a full turn
                     = +-36 degrees, zoom 0.1 is a scale in [0.9, 1.1], translation 0.1 is +-10 % of
                     each side; torchvision does all three in one warp (its fastest equivalent; its fill
                     is constant, Keras's reflect) -- then ColorJitter(contrast=0.2) (factor in
                     [0.8, 1.2] like Keras's; torchvision blends with the grayscale mean, Keras with
                     each channel's mean).
  tv-stack-uint8     the same on uint8 CHW images (torchvision's native type).
  tv-randaugment     v2.RandAugment(num_ops=2, magnitude=15) on uint8 CHW images, image by image:
                     torchvision's magnitude runs over 31 bins (0-30) of each operation's maximum, so
                     15 is half of it, Keras's factor 0.5 (Keras draws each magnitude in [0, 0.5] of
                     its maximum instead of a fixed one; the operation sets differ slightly).

Each timed call processes one batch of 32; the line reports images per second of every timed call
and their median.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

BATCH = 32
SIZE = 224
CONTENDERS = ("keras-stack", "keras-stack-uint8", "keras-randaugment", "tv-stack-float", "tv-stack-uint8", "tv-randaugment")
DEFAULTS = {  # (warm-up calls, timed calls): a Keras RandAugment batch takes seconds
    "keras-stack": (3, 8),
    "keras-stack-uint8": (3, 8),
    "keras-randaugment": (2, 4),
    "tv-stack-float": (2, 8),
    "tv-stack-uint8": (2, 8),
    "tv-randaugment": (2, 8),
}


def uint8_batch():
    import numpy as np

    return np.random.default_rng(1).integers(0, 256, size=(BATCH, SIZE, SIZE, 3), dtype=np.uint8)


def timed(warmup, batches, one_batch):
    for _ in range(warmup):
        one_batch()
    rates = []
    for _ in range(batches):
        start = time.perf_counter()
        one_batch()
        rates.append(BATCH / (time.perf_counter() - start))
    return rates


def keras_layers(kind):
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    import keras

    if kind in ("keras-stack", "keras-stack-uint8"):
        model = keras.Sequential([
            keras.layers.RandomFlip(),
            keras.layers.RandomRotation(0.1),
            keras.layers.RandomZoom(0.1),
            keras.layers.RandomTranslation(0.1, 0.1),
            keras.layers.RandomContrast(0.2),
        ])
    else:
        model = keras.layers.RandAugment(value_range=(0, 255), num_ops=2, factor=0.5)
    images = tf.constant(uint8_batch() if kind == "keras-stack-uint8" else uint8_batch().astype("float32"))

    def one_batch():
        out = model(images, training=True)
        assert tuple(out.shape) == (BATCH, SIZE, SIZE, 3)
        out.numpy()

    versions = {"keras": keras.__version__, "tensorflow": tf.__version__}
    return one_batch, versions


def torchvision_transforms(kind):
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    # torchvision's wheels are CUDA builds: with the CPU torch their compiled ops do not load, and its
    # import registers fake kernels for these two names. The transforms do not use them.
    lib = torch.library.Library("torchvision", "DEF")
    lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    import torchvision
    from torchvision.transforms import v2

    bilinear = v2.InterpolationMode.BILINEAR
    if kind == "tv-randaugment":
        transform = v2.RandAugment(num_ops=2, magnitude=15, interpolation=bilinear)
    else:
        transform = v2.Compose([
            v2.RandomHorizontalFlip(),
            v2.RandomVerticalFlip(),
            v2.RandomAffine(degrees=36, translate=(0.1, 0.1), scale=(0.9, 1.1), interpolation=bilinear),
            v2.ColorJitter(contrast=0.2),
        ])
    batch = torch.from_numpy(uint8_batch()).permute(0, 3, 1, 2).contiguous()
    if kind == "tv-stack-float":
        batch = batch.to(torch.float32) / 255.0  # torchvision's float images are in [0, 1]
    images = [batch[i] for i in range(BATCH)]

    def one_batch():
        out = torch.stack([transform(image) for image in images])
        assert tuple(out.shape) == (BATCH, 3, SIZE, SIZE)

    versions = {"torch": torch.__version__, "torchvision": torchvision.__version__}
    return one_batch, versions


def run(contender, warmup, batches):
    make = keras_layers if contender.startswith("keras") else torchvision_transforms
    one_batch, versions = make(contender)
    rates = timed(warmup, batches, one_batch)
    return {"contender": contender, "img_per_s": statistics.median(rates),
            "calls": [round(r, 2) for r in rates], "versions": versions}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("contender", choices=CONTENDERS + ("all",))
    parser.add_argument("--batches", type=int, help="timed calls (default per contender)")
    parser.add_argument("--warmup", type=int, help="warm-up calls (default per contender)")
    args = parser.parse_args()
    if args.contender == "all":
        for contender in CONTENDERS:
            command = [sys.executable, __file__, contender]
            if args.batches is not None:
                command += ["--batches", str(args.batches)]
            if args.warmup is not None:
                command += ["--warmup", str(args.warmup)]
            subprocess.run(command, check=True)
        return
    warmup, batches = DEFAULTS[args.contender]
    print(json.dumps(run(args.contender,
                         warmup if args.warmup is None else args.warmup,
                         batches if args.batches is None else args.batches)), flush=True)


if __name__ == "__main__":
    main()
