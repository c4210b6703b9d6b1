#!/usr/bin/env python3
"""Writes the golden cases of Keras 3's RandomPerspective and RandomElasticTransform.

Each case is one layer, one transformation and Keras's transform_images output for a batch of one
image: a 7x9x3 image of integer values in [0, 255], a 6x6x1 image of values in [0, 1] (value_range
[0, 1]) and, for the elastic layer, a 24x28x1 integer-valued image (large enough that the Gaussian
blur of the displacement field has more than one tap: Keras's kernel is 6 * int(sigma) | 1 taps with
sigma = 0.05 * min(height, width) * distortion_factor). One case per layer runs channels_first.

The transformation is what get_random_transformation returns, as numbers: RandomPerspective's
apply_perspective, start_points and end_points; RandomElasticTransform's apply_transform and
distortion_factor, plus "noise", the standard normal field TensorFlow's stateless_normal draws from
the layer's seed inside elastic_transform (recorded by wrapping tf.random.stateless_normal; Keras
draws dx and dy from the same seed, so the two fields are one, which the script asserts).

"distributions" holds 2000 draws of every random parameter from get_random_transformation with a
fixed seed: RandomPerspective's corner offsets (end_points - start_points, the four that are not
identically 0) and whether each image is transformed; RandomElasticTransform's distortion_factor
(one per call, as Keras draws one per batch), whether each image is transformed, and the mean and
standard deviation of the noise field of each of 2000 8x8 images.

Usage (the venv with keras 3.15.1, tensorflow-cpu 2.21; KERAS_BACKEND defaults to tensorflow):
    /tmp/kv/bin/python property-tests/scripts/keras3_golden_perspective.py [output.json]
The default output is api/src/test/resources/io/jdatagen/layers/golden/perspective.json.
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

INTERPOLATIONS = ["bilinear", "nearest"]
FILL_MODES = ["reflect", "constant", "nearest", "wrap"]
N_DRAWS = 2000
FILL = {"int": 37.0, "unit": 0.25, "big": 37.0}
RANGE = {"int": [0, 255], "unit": [0, 1], "big": [0, 255]}

_recorded = []
_stateless_normal = tf.random.stateless_normal


def _recording_normal(*args, **kwargs):
    out = _stateless_normal(*args, **kwargs)
    _recorded.append(np.asarray(out))
    return out


tf.random.stateless_normal = _recording_normal


def inputs():
    rng = np.random.default_rng(32)
    ints = rng.integers(0, 256, size=(7, 9, 3)).astype(np.float32)
    unit = rng.random(size=(6, 6, 1)).astype(np.float32)
    big = rng.integers(0, 256, size=(24, 28, 1)).astype(np.float32)
    return {"int": ints, "unit": unit, "big": big}


def num(x, digits=9):
    """A JSON number or nested list; 9 significant digits keep every float32 exact."""
    fmt = "%." + str(digits) + "g"
    a = np.asarray(x)
    if a.dtype == bool:
        return a.tolist()
    if np.issubdtype(a.dtype, np.integer):
        return a.tolist()
    if a.ndim == 0:
        return float(fmt % float(a))
    return json.loads(json.dumps(np.vectorize(lambda v: float(fmt % v))(a.astype(np.float64)).tolist()))


def plain(config):
    return json.loads(json.dumps(config))


def batch_of(img, channels_first):
    b = img[None]
    return np.transpose(b, (0, 3, 1, 2)).copy() if channels_first else b


def unbatch(out, channels_first):
    o = np.asarray(out)[0]
    return np.transpose(o, (1, 2, 0)) if channels_first else o


def perspective_cases():
    cases = []
    imgs = inputs()
    params = [({"factor": [1.0, 1.0], "scale": 1.0}, 5), ({"factor": [1.0, 1.0], "scale": 0.5}, 6),
              ({"factor": 0.0, "scale": 0.3}, 7)]
    runs = [(p, seed, interp, name, False) for p, seed in params for interp in INTERPOLATIONS
            for name in ["int", "unit"]]
    runs.append(({"factor": [1.0, 1.0], "scale": 0.8}, 8, "bilinear", "int", True))
    for p, seed, interpolation, name, cf in runs:
        layer = keras.layers.RandomPerspective(interpolation=interpolation, fill_value=FILL[name], seed=seed,
                                               data_format="channels_first" if cf else None, **p)
        batch = batch_of(imgs[name], cf)
        t = layer.get_random_transformation(batch, training=True)
        out = layer.transform_images(batch, t, training=True)
        cases.append({"input": name, "config": plain(layer.get_config()),
                      "transformation": {"apply_perspective": bool(np.asarray(t["apply_perspective"])[0]),
                                         "start_points": num(np.asarray(t["start_points"])[0]),
                                         "end_points": num(np.asarray(t["end_points"])[0])},
                      "output": num(unbatch(out, cf))})
    return cases


def elastic_case(layer, img, cf):
    batch = batch_of(img, cf)
    t = layer.get_random_transformation(batch, training=True)
    _recorded.clear()
    out = layer.transform_images(batch, t, training=True)
    if t is None:
        noise = None
    else:
        assert len(_recorded) == 2 and np.array_equal(_recorded[0], _recorded[1]), "dx and dy differ"
        noise = num(_recorded[0][0])
    tn = None if t is None else {"apply_transform": bool(np.asarray(t["apply_transform"])[0]),
                                 "distortion_factor": num(np.asarray(t["distortion_factor"])), "noise": noise}
    return {"config": plain(layer.get_config()), "transformation": tn, "output": num(unbatch(out, cf))}


def elastic_cases():
    cases = []
    imgs = inputs()
    params = [({"factor": [1.0, 1.0], "scale": 1.0}, 15), ({"factor": [1.0, 1.0], "scale": (0.4, 0.6)}, 16)]
    runs = [(p, seed, fill, interp, name, False) for p, seed in params for fill in FILL_MODES
            for interp in INTERPOLATIONS for name in ["int", "unit"]]
    runs += [({"factor": [1.0, 1.0], "scale": 1.0}, 17, fill, interp, "big", False) for fill in ["reflect", "constant"]
             for interp in INTERPOLATIONS]
    runs.append(({"factor": 0.0, "scale": 1.0}, 18, "reflect", "bilinear", "int", False))
    runs.append(({"factor": [1.0, 1.0], "scale": 1.0}, 19, "wrap", "bilinear", "big", True))
    runs.append(({"factor": [1.0, 1.0], "scale": 1.0}, 20, "nearest", "nearest", "big", False))
    for p, seed, fill, interpolation, name, cf in runs:
        layer = keras.layers.RandomElasticTransform(interpolation=interpolation, fill_mode=fill,
                                                    fill_value=FILL[name], value_range=RANGE[name], seed=seed,
                                                    data_format="channels_first" if cf else None, **p)
        c = elastic_case(layer, imgs[name], cf)
        c["input"] = name
        cases.append(c)
    return cases


def sample(x):
    """Draws for a two-sample test: 5 significant digits are far finer than the test resolves."""
    return num(x, 5)


def distributions():
    d = {}
    layer = keras.layers.RandomPerspective(factor=(0.3, 0.8), scale=0.6, seed=21)
    batch = np.zeros((N_DRAWS, 8, 10, 1), np.float32)
    t = layer.get_random_transformation(batch, training=True)
    off = np.asarray(t["end_points"]) - np.asarray(t["start_points"])
    assert np.all(off[:, 0, :] == 0) and np.all(off[:, 1, 1] == 0) and np.all(off[:, 2, 0] == 0)
    d["RandomPerspective"] = {"config": plain(layer.get_config()), "image": [8, 10, 1],
                              "offset_1x": sample(off[:, 1, 0]), "offset_2y": sample(off[:, 2, 1]),
                              "offset_3x": sample(off[:, 3, 0]), "offset_3y": sample(off[:, 3, 1]),
                              "apply_perspective": np.asarray(t["apply_perspective"]).astype(int).tolist()}
    layer = keras.layers.RandomElasticTransform(factor=(0.3, 0.8), scale=(0.2, 0.9), seed=22)
    one = np.zeros((1, 8, 8, 1), np.float32)
    factors = [float(np.asarray(layer.get_random_transformation(one, training=True)["distortion_factor"]))
               for _ in range(N_DRAWS)]
    t = layer.get_random_transformation(np.zeros((N_DRAWS, 8, 8, 1), np.float32), training=True)
    applied = np.asarray(t["apply_transform"]).astype(int).tolist()
    seed = keras.src.backend.tensorflow.random.draw_seed(layer.generator)
    field = np.asarray(_stateless_normal(shape=(N_DRAWS, 8, 8), mean=0.0, stddev=1.0, dtype="float32", seed=seed))
    d["RandomElasticTransform"] = {"config": plain(layer.get_config()), "image": [8, 8, 1],
                                   "distortion_factor": sample(factors), "apply_transform": applied,
                                   "noise_mean": sample(field.reshape(N_DRAWS, -1).mean(axis=1)),
                                   "noise_std": sample(field.reshape(N_DRAWS, -1).std(axis=1))}
    return d


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "api", "src", "test", "resources", "io", "jdatagen", "layers",
        "golden", "perspective.json")
    doc = {
        "keras": keras.__version__, "tensorflow": tf.__version__,
        "inputs": {k: num(v) for k, v in inputs().items()},
        "layers": {
            "RandomPerspective": {
                "tolerance": 1e-5,
                "why": "TensorFlow solves the 8x8 homography system (Eigen's LU) and maps coordinates in float32, "
                       "rounding where ours may differ by an ulp; 1e-5 of the value range (1.3e-6 seen)",
                "cases": perspective_cases()},
            "RandomElasticTransform": {
                "tolerance": 1e-5,
                "why": "the displacement field's Gaussian blur sums its taps in TensorFlow's convolution order "
                       "(float32), here in double, and exp may differ by an ulp; 1e-5 of the value range "
                       "(1.3e-6 seen)",
                "cases": elastic_cases()},
        },
        "distributions": distributions(),
    }
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
