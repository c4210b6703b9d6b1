#!/usr/bin/env python3
"""Writes the golden cases of Keras 3's RandAugment and AugMix (issue 32, group "augment").

Each case is a RandAugment config, the operations it runs (Keras's "layer_idxes", set by this script so
that every one of Keras's eleven operations is covered, alone, after a geometric one and twice) with the
magnitudes Keras's get_random_transformation drew for them (fixed seed, a batch of one image), and
Keras's transform_images output, on two inputs: a 7x9x3 image of integer values in [0, 255]
(value_range (0, 255)) and a 6x6x3 image of values in [0, 1] (value_range (0, 1)), float32, channels
last, with both interpolations. "distribution" holds 2000 of Keras's operation indices (1000 calls of
get_random_transformation with num_ops=2) and 2000 draws of every magnitude (one call over a batch of
2000 images), for the two-sample tests.

AugMix cases hold the whole transformation Keras drew (chain_mixing_weights, weight_sample and each
chain's operations with their magnitudes; Python's random module, which AugMix picks the operations
with, is seeded per case) and Keras's output; its "distribution" holds the first chain mixing weight,
weight_sample, each chain's length and each picked operation (index in AUGMENT_LAYERS_ALL) of 2000
calls of get_random_transformation.

Usage (the venv with keras 3.15.1, tensorflow-cpu 2.21; KERAS_BACKEND defaults to tensorflow):
    /tmp/kv/bin/python property-tests/scripts/keras3_golden_augment.py [output.json]
The default output is api/src/test/resources/io/jdatagen/layers/golden/augment.json.
"""
import json
import os
import random
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import keras  # noqa: E402

OUT = "api/src/test/resources/io/jdatagen/layers/golden/augment.json"
N_DRAWS = 2000
# Keras's operation indices: 0 shear, 1 translation, 2 rotation, 3 brightness, 4 color degeneration,
# 5 contrast, 6 sharpness, 7 posterization, 8 solarization, 9 auto contrast, 10 equalization
PICKS = [[3, 0], [4, 1], [5, 2], [6, 7], [8, 9], [10, 3], [2, 2], [0, 1], [7, 8, 10], [9]]


def inputs():
    rs = np.random.RandomState(5)
    a = rs.randint(0, 256, size=(7, 9, 3)).astype("float32")
    b = rs.uniform(0, 1, size=(6, 6, 3)).astype("float32")
    return {"int": (a, (0, 255)), "float": (b, (0, 1))}


def nested(x):
    """A float32 array as nested lists, each value the shortest decimal that reads back as the same float32."""
    x = np.asarray(x, dtype="float32")
    if x.ndim == 0:
        return float(str(x))
    return [nested(v) for v in x]


def plain(config):
    """The config as JSON holds it (tuples become lists)."""
    return json.loads(json.dumps(config))


def numbers(t):
    """A sub-layer's transformation for a batch of one, each value flattened to a list of numbers."""
    if t is None:
        return None
    out = {}
    for k, v in t.items():
        if k in ("input_shape", "rotation_matrix", "image_height", "image_width", "batch_size"):
            continue
        out[k] = [float(x) for x in np.asarray(keras.ops.convert_to_numpy(v), dtype="float64").reshape(-1)]
    return out


def case(factor, interpolation, name, x, value_range, picks, seed):
    layer = keras.layers.RandAugment(value_range=value_range, num_ops=len(picks), factor=factor,
                                     interpolation=interpolation, seed=seed)
    batch = x[None]
    t = layer.get_random_transformation(batch, training=True)
    t["layer_idxes"] = keras.ops.convert_to_tensor(np.asarray(picks, dtype="int32"))
    y = layer.transform_images(batch, t, training=True)
    transforms = {}
    for op, k in enumerate(layer._AUGMENT_LAYERS):
        if op in picks:
            transforms[k] = numbers(t["transforms"][k])
    return {"config": plain(layer.get_config()), "input": name, "layer_idxes": picks,
            "transforms": transforms, "output": nested(keras.ops.convert_to_numpy(y)[0])}


def distribution():
    layer = keras.layers.RandAugment(value_range=(0, 255), num_ops=2, factor=(0.1, 0.7), seed=11)
    one = np.zeros((1, 10, 12, 3), dtype="float32")
    idx = []
    for _ in range(N_DRAWS // 2):
        idx.extend(int(i) for i in keras.ops.convert_to_numpy(layer.get_random_transformation(one)["layer_idxes"]))
    t = layer.get_random_transformation(np.zeros((N_DRAWS, 10, 12, 3), dtype="float32"))["transforms"]

    def col(op, key, j=None):
        v = np.asarray(keras.ops.convert_to_numpy(t[op][key]), dtype="float64").reshape(N_DRAWS, -1)
        v = v[:, 0] if j is None else v[:, j]
        return [float("%.5g" % a) for a in v]

    draws = {"shear_x": col("random_shear", "shear_factor", 0), "shear_y": col("random_shear", "shear_factor", 1),
             "translate_width": col("random_translation", "translations", 0),
             "translate_height": col("random_translation", "translations", 1),
             "angle": col("random_rotation", "angle"), "rgb_delta": col("random_brightness", "rgb_delta"),
             "degeneration": col("random_color_degeneration", "factor"),
             "contrast_factor": col("random_contrast", "contrast_factor"),
             "sharpness": col("random_sharpness", "factor"),
             "shift_factor": col("random_posterization", "shift_factor"),
             "additions": col("solarization", "additions"), "thresholds": col("solarization", "thresholds")}
    return {"config": plain(layer.get_config()), "image": [10, 12], "layer_idxes": idx, "draws": draws}


def augmix_case(args, name, x, value_range, seed):
    factor, interpolation, num_chains, chain_depth, alpha, all_ops = args
    layer = keras.layers.AugMix(value_range=value_range, num_chains=num_chains, chain_depth=chain_depth,
                                factor=factor, alpha=alpha, all_ops=all_ops, interpolation=interpolation, seed=seed)
    batch = x[None]
    random.seed(seed)
    t = layer.get_random_transformation(batch, training=True)
    y = layer.transform_images(batch, t, training=True)
    chains = [[{"layer_name": d["layer_name"], "transformation": numbers(d["transformation"])} for d in chain]
              for chain in t["chain_transforms"]]
    return {"config": plain(layer.get_config()), "input": name,
            "chain_mixing_weights": [float(v) for v in keras.ops.convert_to_numpy(t["chain_mixing_weights"])],
            "weight_sample": float(keras.ops.convert_to_numpy(t["weight_sample"])),
            "chain_transforms": chains, "output": nested(keras.ops.convert_to_numpy(y)[0])}


def augmix_distribution():
    from keras.src.layers.preprocessing.image_preprocessing.aug_mix import AUGMENT_LAYERS_ALL
    layer = keras.layers.AugMix(value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=0.5, seed=13)
    random.seed(13)
    one = np.zeros((1, 10, 12, 3), dtype="float32")
    weights, samples, lengths, ops = [], [], [], []
    for _ in range(N_DRAWS):
        t = layer.get_random_transformation(one)
        weights.append(float("%.5g" % keras.ops.convert_to_numpy(t["chain_mixing_weights"])[0]))
        samples.append(float("%.5g" % keras.ops.convert_to_numpy(t["weight_sample"])))
        lengths.extend(len(c) for c in t["chain_transforms"])
        ops.extend(AUGMENT_LAYERS_ALL.index(d["layer_name"]) for c in t["chain_transforms"] for d in c)
    return {"config": plain(layer.get_config()), "first_chain_weight": weights, "weight_sample": samples,
            "chain_lengths": lengths[:N_DRAWS], "operations": ops[:N_DRAWS]}


def augmix():
    cases = []
    seed = 100
    for args in [(0.3, "bilinear", 3, 3, 1.0, True), ((0.1, 0.6), "nearest", 2, 2, 0.5, False)]:
        for name, (x, vr) in inputs().items():
            for _ in range(3):
                seed += 1
                cases.append(augmix_case(args, name, x, vr, seed))
    return {"tolerance": 1e-4,
            "why": "RandAugment's (its operations' arithmetic, geometric ones TensorFlow warps in float32) and "
                   "the float32 mix of the chains and the image in Keras's order",
            "cases": cases, "distribution": augmix_distribution()}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    ins = inputs()
    cases = []
    seed = 0
    for factor, interpolation in [(0.5, "bilinear"), ((0.2, 0.9), "nearest")]:
        for name, (x, vr) in ins.items():
            for picks in PICKS:
                seed += 1
                cases.append(case(factor, interpolation, name, x, vr, picks, seed))
    doc = {"keras": keras.__version__,
           "inputs": {k: nested(v[0]) for k, v in ins.items()},
           "layers": {"RandAugment": {
               "tolerance": 1e-4,
               "why": "the geometric operations' TensorFlow warp maps coordinates in float32 (1e-4 of the value "
                      "range, as RandomRotation's); the color operations are float32 as their own layers",
               "cases": cases, "distribution": distribution()},
               "AugMix": augmix()}}
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
