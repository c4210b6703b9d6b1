"""Golden vectors of Keras 3's ``keras.utils.image_dataset_from_directory`` for jdatagen's
``ImageDatasets.fromDirectory``.

Run from the repository root with a Python that has Keras 3.15.1 and TensorFlow (CPU) installed::

    /tmp/kv/bin/python property-tests/scripts/keras3_golden_dataset.py

It (re)writes the small test folder ``api/src/test/resources/io/jdatagen/flow/dataset/images`` (seven PNGs
of odd sizes in three class folders, one grayscale, one RGBA, one in a nested folder, one with an upper-case
extension, a text file and a hidden folder that the listing skips) from a fixed numpy seed, then writes
``api/src/test/resources/io/jdatagen/flow/dataset/keras3_dataset_golden.json.gz`` with:

* ``listing``: the file order with ``shuffle=False`` and with ``shuffle=True, seed=1337`` (paths relative to
  the folder, ``/``-separated), the class names and the inferred labels;
* ``splits``: the training and validation files and labels for ``validation_split`` 0.2 and 0.5 with
  ``seed=1337`` (subset ``"both"``, checked against ``"training"`` and ``"validation"``);
* ``label_modes``: the labels of ``label_mode`` int, categorical and binary (binary with
  ``class_names=["birds", "cats"]``, which also checks that ``class_names`` keeps the given order);
* ``images``: for every interpolation x two image sizes x crop / pad / neither x color mode, Keras's batch of
  all files (``shuffle=False``) as float32 values, row-major ``(n, h, w, c)``; where Keras refuses the
  combination (``crop_to_aspect_ratio`` with ``gaussian`` or ``mitchellcubic``) the case holds its error text.
"""
import gzip
import json
import os
import sys

import numpy as np
from PIL import Image

import keras
import tensorflow as tf

ROOT = os.path.join("api", "src", "test", "resources", "io", "jdatagen", "flow", "dataset")
FOLDER = os.path.join(ROOT, "images")
INTERPOLATIONS = ["bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian", "mitchellcubic"]
SIZES = [(4, 6), (9, 7)]
COLOR_MODES = ["grayscale", "rgb", "rgba"]
ASPECTS = ["none", "crop", "pad"]


def write_images():
    rng = np.random.RandomState(20261206)
    files = {
        "birds/b1.png": (11, 5, "RGB"),
        "birds/b2.png": (6, 9, "RGB"),
        "cats/c1.PNG": (7, 12, "RGB"),
        "cats/c2.png": (13, 8, "RGB"),
        "cats/sub/c3.png": (5, 5, "RGB"),
        "dogs/d1.png": (8, 10, "L"),
        "dogs/d2.png": (10, 6, "RGBA"),
        ".hidden/h1.png": (4, 4, "RGB"),
    }
    for name, (h, w, mode) in files.items():
        channels = {"L": 1, "RGB": 3, "RGBA": 4}[mode]
        # Smooth ramps plus noise, so that every resize method sees both edges and detail.
        yy, xx = np.mgrid[0:h, 0:w]
        base = np.stack([(yy * 255 // max(h - 1, 1) + c * 60 + xx * 17) % 256 for c in range(channels)], -1)
        pixels = np.clip(base + rng.randint(-40, 41, base.shape), 0, 255).astype(np.uint8)
        path = os.path.join(FOLDER, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        image = Image.fromarray(pixels[..., 0] if channels == 1 else pixels, mode)
        image.save(path, format="PNG")
    with open(os.path.join(FOLDER, "dogs", "notes.txt"), "w") as f:
        f.write("not an image\n")


def relative(paths):
    return [os.path.relpath(p, FOLDER).replace(os.sep, "/") for p in paths]


def labels_of(ds):
    out = []
    for _, y in ds.unbatch().as_numpy_iterator():
        out.append(np.asarray(y).tolist())
    return out


def dataset(**kwargs):
    args = dict(batch_size=None, verbose=False)
    args.update(kwargs)
    return keras.utils.image_dataset_from_directory(FOLDER, **args)


def main():
    write_images()
    golden = {"keras_version": keras.__version__, "tensorflow_version": tf.__version__}

    plain = dataset(shuffle=False, batch_size=32)
    shuffled = dataset(shuffle=True, seed=1337, batch_size=32)
    golden["listing"] = {
        "class_names": plain.class_names,
        "files": relative(plain.file_paths),
        "labels": labels_of(plain),
        "shuffled_seed": 1337,
        "shuffled_files": relative(shuffled.file_paths),
    }

    splits = []
    for split in (0.2, 0.5):
        train, val = dataset(shuffle=True, seed=1337, validation_split=split, subset="both", batch_size=32)
        only_train = dataset(shuffle=True, seed=1337, validation_split=split, subset="training")
        only_val = dataset(shuffle=True, seed=1337, validation_split=split, subset="validation")
        assert only_train.file_paths == train.file_paths and only_val.file_paths == val.file_paths
        splits.append({
            "validation_split": split,
            "seed": 1337,
            "training": relative(train.file_paths),
            "validation": relative(val.file_paths),
            # The validation part is not shuffled by tf.data, so its labels come out in file order.
            "validation_labels": labels_of(val),
        })
    golden["splits"] = splits

    binary = dataset(shuffle=False, label_mode="binary", class_names=["birds", "cats"], batch_size=32)
    golden["label_modes"] = {
        "int": labels_of(plain),
        "categorical": labels_of(dataset(shuffle=False, label_mode="categorical", batch_size=32)),
        "binary": {"class_names": binary.class_names, "files": relative(binary.file_paths),
                   "labels": labels_of(binary)},
    }

    cases = []
    for interpolation in INTERPOLATIONS:
        for size in SIZES:
            for aspect in ASPECTS:
                for color_mode in COLOR_MODES:
                    case = {"interpolation": interpolation, "image_size": list(size), "aspect": aspect,
                            "color_mode": color_mode}
                    try:
                        ds = dataset(shuffle=False, label_mode=None, image_size=size, interpolation=interpolation,
                                     color_mode=color_mode, crop_to_aspect_ratio=aspect == "crop",
                                     pad_to_aspect_ratio=aspect == "pad", batch_size=64)
                        x = np.concatenate([np.asarray(b) for b in ds.as_numpy_iterator()]).astype(np.float32)
                    except ValueError as e:
                        # Keras's crop path resizes with its backend, which has no gaussian or mitchellcubic.
                        case["error"] = str(e)
                    else:
                        case["shape"] = list(x.shape)
                        case["pixels"] = [float(v) for v in x.reshape(-1)]
                    cases.append(case)
    golden["images"] = cases

    out = os.path.join(ROOT, "keras3_dataset_golden.json.gz")
    # mtime=0 keeps the file byte for byte the same when the script runs again.
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as f:
        f.write(json.dumps(golden, separators=(",", ":")).encode("utf-8"))
    print("wrote", out, len(cases), "image cases", file=sys.stderr)


if __name__ == "__main__":
    main()
