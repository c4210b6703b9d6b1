#!/usr/bin/env python3
"""Writes the golden cases of the Keras 3 batch and other layers (MixUp, CutMix, ...).

For each layer: a few configs x input kinds (integer-valued float32 in [0, 255] and float32 in [0, 1], multiples of 0.01 to keep the JSON short),
each case Keras's own transformation (what get_random_transformation drew, as numbers), the input
batch and labels, and Keras's output of transform_images / transform_labels for that transformation.
Per layer also a distribution sample: 2000 draws of each random parameter from
get_random_transformation with a fixed seed, for the two-sample tests.

Usage: /tmp/kv/bin/python property-tests/scripts/keras3_golden_batch.py [output.json]
(a venv with keras 3.15.1, tensorflow-cpu 2.21 and numpy; KERAS_BACKEND=tensorflow, the default; the
default output is the test resource api/src/test/resources/io/jdatagen/layers/golden/batch.json)
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "..", "api", "src", "test", "resources",
                           "io", "jdatagen", "layers", "golden", "batch.json")
DRAWS = 2000


def f32(a):
    """Float32 values as the shortest decimals that read back to the same float32."""
    return [float(str(v)) if np.isfinite(v) else None
            for v in np.asarray(a, dtype=np.float32).reshape(-1)]


def dist(a):
    """Distribution draws, to 4 significant digits (far below what a two-sample test of 2000 draws sees)."""
    return [float(f"{v:.4g}") for v in np.asarray(a, dtype=np.float64).reshape(-1)]


def tensor(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "data": f32(a)}


def inputs(rng, kind, batch, shape):
    """An integer-valued batch in [0, 255] ('uint8') or a float batch in [0, 1] ('float')."""
    if kind == "uint8":
        return rng.integers(0, 256, size=(batch,) + shape).astype(np.float32)
    return (rng.integers(0, 101, size=(batch,) + shape) / 100).astype(np.float32)


def one_hot_labels(rng, batch, classes):
    return np.eye(classes, dtype=np.float32)[rng.integers(0, classes, size=batch)]


def config_of(layer):
    """The config as JSON holds it (tuples become lists)."""
    return json.loads(json.dumps(layer.get_config()))


def mix_up(rng):
    cases = []
    for alpha, kind, shape, fmt, batch in [(0.2, "uint8", (7, 9, 3), "channels_last", 4),
                                           (0.8, "float", (6, 6, 1), "channels_last", 3),
                                           (0.5, "uint8", (3, 7, 9), "channels_first", 4)]:
        layer = keras.layers.MixUp(alpha=alpha, data_format=fmt, seed=11)
        images = inputs(rng, kind, batch, shape)
        labels = one_hot_labels(rng, batch, 5)
        t = layer.get_random_transformation({"images": images, "labels": labels}, training=True)
        cases.append({
            "config": config_of(layer),
            "kind": kind,
            "transformation": {"mix_weight": f32(t["mix_weight"]),
                               "permutation_order": np.asarray(t["permutation_order"]).tolist()},
            "images": tensor(images),
            "labels": tensor(labels),
            "output_images": tensor(layer.transform_images(images, t)),
            "output_labels": tensor(layer.transform_labels(labels, t)),
        })
    layer = keras.layers.MixUp(alpha=0.2, seed=1234)
    t = layer.get_random_transformation(np.zeros((DRAWS, 2, 2, 1), np.float32), training=True)
    perm = np.asarray(t["permutation_order"])
    return {
        "tolerance": 1e-6,
        "why": "float32 arithmetic in both, one multiply-add per value: 1e-6 of the value range",
        "cases": cases,
        "distribution": {"alpha": 0.2,
                         "mix_weight": dist(t["mix_weight"]),
                         "permutation_displacement": (perm - np.arange(DRAWS)).tolist()},
    }


class BoxRecorder:
    """Records the crop bounds a CutMix draws (Keras's transformation holds only the masks they give)."""

    def __init__(self, layer):
        self.bounds = []
        original = layer._compute_crop_bounds

        def recording(*args, **kwargs):
            start, end = original(*args, **kwargs)
            self.bounds.append((np.asarray(start), np.asarray(end)))
            return start, end

        layer._compute_crop_bounds = recording

    def boxes(self):
        (x0, x1), (y0, y1) = self.bounds[-2:]
        return {"x0": f32(x0), "x1": f32(x1), "y0": f32(y0), "y1": f32(y1)}


def cut_mix(rng):
    cases = []
    for factor, kind, shape, fmt, batch in [(1.0, "uint8", (7, 9, 3), "channels_last", 4),
                                            ([0.3, 0.6], "float", (6, 6, 1), "channels_last", 3),
                                            (0.5, "uint8", (3, 7, 9), "channels_first", 4)]:
        layer = keras.layers.CutMix(factor=factor, data_format=fmt, seed=7)
        recorder = BoxRecorder(layer)
        images = inputs(rng, kind, batch, shape)
        labels = one_hot_labels(rng, batch, 5)
        t = layer.get_random_transformation({"images": images, "labels": labels}, training=True)
        transformation = recorder.boxes()
        transformation["mix_weight"] = f32(t["mix_weight"])
        transformation["permutation_order"] = np.asarray(t["permutation_order"]).tolist()
        transformation["batch_masks"] = tensor(np.asarray(t["batch_masks"]).astype(np.float32))
        cases.append({
            "config": config_of(layer),
            "kind": kind,
            "transformation": transformation,
            "images": tensor(images),
            "labels": tensor(labels),
            "output_images": tensor(layer.transform_images(images, t)),
            "output_labels": tensor(layer.transform_labels(labels, t)),
        })
    # one draw per batch of one: the beta's alpha is drawn once per batch
    layer = keras.layers.CutMix(factor=1.0, seed=99)
    recorder = BoxRecorder(layer)
    weights, x0s, y0s = [], [], []
    image = np.zeros((1, 8, 8, 1), np.float32)
    for _ in range(DRAWS):
        t = layer.get_random_transformation(image, training=True)
        b = recorder.boxes()
        weights.append(f32(t["mix_weight"])[0])
        x0s.append(b["x0"][0])
        y0s.append(b["y0"][0])
    return {
        "tolerance": 1e-6,
        "why": "the masks compare float32 box bounds with pixel indices exactly as Keras does; the labels "
               "are one float32 multiply-add: 1e-6 of the value range",
        "cases": cases,
        "distribution": {"factor": [0, 1.0], "height": 8, "width": 8,
                         "mix_weight": dist(weights), "x0": dist(x0s), "y0": dist(y0s)},
    }


def random_erasing(rng):
    cases = []
    for args, kind, shape, batch in [
            (dict(), "uint8", (7, 9, 3), 3),
            (dict(factor=[0.5, 1.0], scale=(0.1, 0.5), fill_value=300), "uint8", (7, 9, 3), 3),
            (dict(fill_value=[0.2, 0.5, 0.9], value_range=(0, 1)), "float", (7, 9, 3), 3),
            (dict(factor=0.8, value_range=(0, 1)), "float", (6, 6, 1), 3),
            (dict(fill_value=0.25, value_range=(0, 1), data_format="channels_first"), "float", (3, 7, 9), 3)]:
        layer = keras.layers.RandomErasing(seed=3, **args)
        recorder = BoxRecorder(layer)
        images = inputs(rng, kind, batch, shape)
        t = layer.get_random_transformation(images, training=True)
        transformation = recorder.boxes()
        transformation["apply_erasing"] = np.asarray(t["apply_erasing"]).tolist()
        if layer.fill_value is None:
            transformation["fill_value"] = tensor(t["fill_value"])
        cases.append({
            "config": config_of(layer),
            "kind": kind,
            "transformation": transformation,
            "images": tensor(images),
            "output_images": tensor(layer.transform_images(images, t)),
        })
    layer = keras.layers.RandomErasing(factor=[0.3, 0.8], seed=5)
    recorder = BoxRecorder(layer)
    t = layer.get_random_transformation(np.zeros((DRAWS, 8, 8, 1), np.float32), training=True)
    b = recorder.boxes()
    return {
        "tolerance": 0.0,
        "why": "values are copied or replaced, never computed; the box bounds are Keras's float32 and compared "
               "with pixel indices as Keras compares them",
        "cases": cases,
        "distribution": {"factor": [0.3, 0.8], "height": 8, "width": 8,
                         "x0": dist(b["x0"]), "box_width": dist(np.asarray(b["x1"]) - np.asarray(b["x0"])),
                         "y0": dist(b["y0"]),
                         "apply_erasing": np.asarray(t["apply_erasing"]).astype(int).tolist(),
                         "fill_value": dist(np.asarray(t["fill_value"]).reshape(-1)[:DRAWS])},
    }


def random_gaussian_blur(rng):
    cases = []
    for args, kind, shape, batch in [
            (dict(), "uint8", (7, 9, 3), 3),
            (dict(factor=[0.5, 1.0], kernel_size=5, sigma=(0.3, 0.9)), "uint8", (7, 9, 3), 3),
            (dict(kernel_size=[3, 5], value_range=(0, 1)), "float", (6, 6, 1), 3),
            (dict(sigma=0.6, value_range=(0, 1), data_format="channels_first"), "float", (3, 7, 9), 3),
            (dict(factor=0.5, value_range=(0, 200)), "uint8", (6, 6, 1), 4)]:
        layer = keras.layers.RandomGaussianBlur(seed=13, **args)
        images = inputs(rng, kind, batch, shape)
        t = layer.get_random_transformation(images, training=True)
        cases.append({
            "config": config_of(layer),
            "kind": kind,
            "transformation": {"should_apply_blur": np.asarray(t["should_apply_blur"]).tolist(),
                               "blur_factor": f32(t["blur_factor"])},
            "images": tensor(images),
            "output_images": tensor(layer.transform_images(images, t)),
        })
    # one draw per batch of one: Keras draws the deviations once per batch
    layer = keras.layers.RandomGaussianBlur(factor=[0.3, 0.8], sigma=(0.2, 0.9), seed=21)
    image = np.zeros((1, 4, 4, 1), np.float32)
    applied, sigma0, sigma1 = [], [], []
    for _ in range(DRAWS):
        t = layer.get_random_transformation(image, training=True)
        applied.append(int(np.asarray(t["should_apply_blur"])[0]))
        sigma0.append(float(np.asarray(t["blur_factor"])[0]))
        sigma1.append(float(np.asarray(t["blur_factor"])[1]))
    return {
        "tolerance": 2e-6,
        "why": "TensorFlow's depthwise convolution sums up to 25 taps in float32 (in an order of its own), ours "
               "in double over the same float32 kernel: about one float32 rounding per tap, 2e-6 of the value "
               "range",
        "cases": cases,
        "distribution": {"factor": [0.3, 0.8], "sigma": [0.2, 0.9], "should_apply_blur": applied,
                         "sigma0": dist(sigma0), "sigma1": dist(sigma1)},
    }


def equalization(rng):
    """Each image through transform_images on its own (rank 3): Keras given a batch pools its histogram."""
    cases = []
    low_contrast = (100 + rng.integers(0, 21, size=(2, 7, 9, 3))).astype(np.float32)
    constant = np.full((2, 6, 6, 1), 77, np.float32)
    for args, kind, images in [
            (dict(), "uint8", inputs(rng, "uint8", 2, (7, 9, 3))),
            (dict(), "uint8", low_contrast),
            (dict(), "uint8", constant),
            (dict(bins=64), "uint8", inputs(rng, "uint8", 2, (7, 9, 3))),
            (dict(value_range=(0, 1)), "float", inputs(rng, "float", 2, (7, 9, 3))),
            (dict(value_range=[1, 0], bins=128), "float", inputs(rng, "float", 2, (6, 6, 1))),
            (dict(value_range=(0, 1), data_format="channels_first"), "float", inputs(rng, "float", 2, (3, 7, 9)))]:
        layer = keras.layers.Equalization(**args)
        outputs = np.stack([np.asarray(layer.transform_images(image, None)) for image in images])
        cases.append({
            "config": config_of(layer),
            "kind": kind,
            "images": tensor(images),
            "output_images": tensor(outputs),
        })
    return {
        "tolerance": 1e-6,
        "why": "bins and lookup indices truncate float32 values computed in Keras's order, the table is rounded "
               "half to even: equal up to the float32 rounding of the final rescale, 1e-6 of the value range",
        "cases": cases,
    }


def clahe(rng):
    cases = []
    for args, kind, images in [
            (dict(), "uint8", inputs(rng, "uint8", 2, (7, 9, 3))),
            (dict(clip_limit=2.0, tile_grid_size=(2, 3)), "uint8", inputs(rng, "uint8", 2, (7, 9, 3))),
            (dict(clip_limit=1.5, tile_grid_size=(4, 4)), "uint8",
             (90 + rng.integers(0, 40, size=(1, 16, 16, 1))).astype(np.float32)),
            (dict(clip_limit=0, tile_grid_size=(2, 2), value_range=(0, 1)), "float",
             inputs(rng, "float", 2, (6, 6, 1))),
            (dict(tile_grid_size=(3, 2), value_range=(0, 1), data_format="channels_first"), "float",
             inputs(rng, "float", 2, (3, 7, 9)))]:
        layer = keras.layers.ContrastLimitedAdaptiveHistogramEqualization(**args)
        cases.append({
            "config": config_of(layer),
            "kind": kind,
            "images": tensor(images),
            "output_images": tensor(layer.transform_images(images, None)),
        })
    return {
        "tolerance": 1e-5,
        "why": "float32 in both in Keras's order, except that TensorFlow sums each tile's clipped excess in an "
               "order of its own: 1e-5 of the value range",
        "cases": cases,
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    keras.utils.set_random_seed(20261206)
    rng = np.random.default_rng(20261206)
    golden = {
        "keras": keras.__version__,
        "MixUp": mix_up(rng),
        "CutMix": cut_mix(rng),
        "RandomErasing": random_erasing(rng),
        "RandomGaussianBlur": random_gaussian_blur(rng),
        "Equalization": equalization(rng),
        "ContrastLimitedAdaptiveHistogramEqualization": clahe(rng),
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
