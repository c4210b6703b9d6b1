#!/usr/bin/env python3
"""Writes the golden cases of Keras 3's geometric image layers (RandomFlip, RandomRotation,
RandomTranslation, RandomZoom, RandomShear, CenterCrop, RandomCrop, Resizing).

Each case is one layer, one transformation as the layer's get_random_transformation returns it (drawn
with a fixed seed, for a batch of one image) and Keras's transform_images output on two inputs: a
7x9x3 image of integer values in [0, 255] and a 6x6x1 image of values in [0, 1] (float32, channels
last). The affine layers run every fill mode x interpolation Keras accepts. A "sequential" case
applies RandomFlip, RandomRotation and RandomZoom one after another with given transformations
(Keras's Sequential output), and "distributions" holds 2000 draws of every random parameter from
get_random_transformation with a fixed seed, for the two-sample tests.

Usage (the venv with keras 3.15.1, tensorflow-cpu 2.21; KERAS_BACKEND defaults to tensorflow):
    /tmp/kv/bin/python property-tests/scripts/keras3_golden_geometric.py [output.json]
The default output is api/src/test/resources/io/jdatagen/layers/golden/geometric.json.
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import keras  # noqa: E402

FILL_MODES = ["constant", "nearest", "reflect", "wrap"]
INTERPOLATIONS = ["bilinear", "nearest"]
N_DRAWS = 2000


def inputs():
    rng = np.random.default_rng(32)
    ints = rng.integers(0, 256, size=(7, 9, 3)).astype(np.float32)
    unit = rng.random(size=(6, 6, 1)).astype(np.float32)
    return {"int": ints, "unit": unit}


# fill_value per input: a value inside the range, so that a tap reading it shows
FILL = {"int": 37.0, "unit": 0.25}


def num(x, digits=7):
    """A JSON number or a nested list, float values written with {digits} significant digits."""
    fmt = "%." + str(digits) + "g"
    a = np.asarray(x)
    if a.dtype == bool:
        return a.tolist()
    if np.issubdtype(a.dtype, np.integer):
        return a.tolist()
    return json.loads(json.dumps(np.vectorize(lambda v: float(fmt % v))(a.astype(np.float64)).tolist()
                                 if a.ndim else float(fmt % float(a))))


def plain(config):
    """The config as JSON holds it (tuples become lists)."""
    return json.loads(json.dumps(config))


def transformation_numbers(t):
    out = {}
    for k, v in t.items():
        if k == "input_shape":
            continue
        out[k] = num(np.asarray(v))
    return out


def affine_matrix(layer, t, shape):
    """The 8-value projective matrix the layer hands to affine_transform for transformation t."""
    name = layer.__class__.__name__
    if name == "RandomRotation":
        m = t["rotation_matrix"]
    elif name == "RandomTranslation":
        m = layer._get_translation_matrix(t["translations"])
    elif name == "RandomZoom":
        zooms = np.concatenate([np.asarray(t["width_zoom"]), np.asarray(t["height_zoom"])], axis=1)
        m = layer._get_zoom_matrix(zooms.astype(np.float32), shape[1], shape[2])
    else:
        m = layer._get_shear_matrix(t["shear_factor"])
    return num(np.asarray(m, np.float32).reshape(-1))


def run_affine(make, params_list):
    """Every params set x fill mode x interpolation x input: one case each, with the matrix Keras warps by
    (TensorFlow's convention: output (x, y) = (column, row) reads input (a0 x + a1 y + a2, b0 x + b1 y + b2))."""
    cases = []
    imgs = inputs()
    for p, seed in params_list:
        for fill_mode in FILL_MODES:
            for interpolation in INTERPOLATIONS:
                for name, img in imgs.items():
                    layer = make(p, fill_mode, interpolation, FILL[name], seed)
                    batch = img[None]
                    t = layer.get_random_transformation(batch, training=True)
                    out = np.asarray(layer.transform_images(batch, t, training=True))[0]
                    cases.append({"input": name, "config": plain(layer.get_config()),
                                  "transformation": transformation_numbers(t),
                                  "matrix": affine_matrix(layer, t, batch.shape), "output": num(out)})
    return cases


def flip_cases():
    cases = []
    imgs = inputs()
    for mode in ["horizontal", "vertical", "horizontal_and_vertical"]:
        for flip in [True, False]:
            for name, img in imgs.items():
                layer = keras.layers.RandomFlip(mode=mode, seed=1)
                batch = img[None]
                t = {"flips": np.array([[[[flip]]]]), "input_shape": batch.shape}
                out = np.asarray(layer.transform_images(batch, t, training=True))[0]
                cases.append({"input": name, "config": plain(layer.get_config()),
                              "transformation": {"flips": flip}, "output": num(out)})
    return cases


def crop_cases(cls, sizes):
    cases = []
    imgs = inputs()
    for (h, w), seed in sizes:
        for name, img in imgs.items():
            if img.shape[0] < h or img.shape[1] < w:
                continue
            layer = cls(h, w, seed=seed) if cls is keras.layers.RandomCrop else cls(h, w)
            batch = img[None]
            t = layer.get_random_transformation(batch, training=True)
            out = np.asarray(layer.transform_images(batch, t, training=True))[0]
            tn = ({"h_start": int(t[0]), "w_start": int(t[1])} if cls is keras.layers.RandomCrop else {})
            cases.append({"input": name, "config": plain(layer.get_config()), "transformation": tn,
                          "output": num(out)})
    return cases


def center_crop_enlarging_cases():
    """CenterCrop of an image smaller than the window: Keras's smart_resize (an aspect-ratio crop that cuts
    nothing here, then a bilinear resize)."""
    cases = []
    imgs = inputs()
    for name, (h, w) in [("int", (14, 18)), ("unit", (8, 8)), ("unit", (9, 9))]:
        layer = keras.layers.CenterCrop(h, w)
        out = np.asarray(layer(imgs[name][None]))[0]
        cases.append({"input": name, "config": plain(layer.get_config()), "transformation": {},
                      "output": num(out)})
    return cases


def resizing_cases():
    cases = []
    imgs = inputs()
    for h, w in [(4, 5), (11, 13), (5, 12)]:
        for interpolation in INTERPOLATIONS:
            for name, img in imgs.items():
                layer = keras.layers.Resizing(h, w, interpolation=interpolation)
                out = np.asarray(layer(img[None]))[0]
                cases.append({"input": name, "config": plain(layer.get_config()), "transformation": {},
                              "output": num(out)})
    # crop_to_aspect_ratio where every cropped axis shrinks (or keeps its size)
    for h, w in [(4, 4), (3, 6), (4, 5)]:
        for interpolation in INTERPOLATIONS:
            for name, img in imgs.items():
                layer = keras.layers.Resizing(h, w, interpolation=interpolation, crop_to_aspect_ratio=True)
                out = np.asarray(layer(img[None]))[0]
                cases.append({"input": name, "config": plain(layer.get_config()), "transformation": {},
                              "output": num(out)})
    return cases


def sequential_case():
    imgs = inputs()
    flip = keras.layers.RandomFlip(seed=3)
    rotation = keras.layers.RandomRotation(0.1, fill_mode="reflect", seed=4)
    zoom = keras.layers.RandomZoom(0.2, fill_mode="constant", fill_value=37.0, seed=5)
    batch = imgs["int"][None]
    layers = []
    x = batch
    for layer, t in [(flip, {"flips": np.array([[[[True]]]]), "input_shape": batch.shape}),
                     (rotation, None), (zoom, None)]:
        if t is None:
            t = layer.get_random_transformation(x, training=True)
        x = layer.transform_images(x, t, training=True)
        tn = {"flips": True} if layer is flip else transformation_numbers(t)
        layers.append({"class_name": layer.__class__.__name__, "config": plain(layer.get_config()),
                       "transformation": tn})
    return {"input": "int", "layers": layers, "output": num(np.asarray(x)[0]), "tolerance": 1e-4,
            "why": "each of the two warps computes coordinates in float32 in TensorFlow, in double here"}


def sample(x):
    """Draws for a two-sample test: 5 significant digits are far finer than the test resolves."""
    return num(x, 5)


def draws(layer, image_shape=(8, 8, 1)):
    batch = np.zeros((N_DRAWS,) + image_shape, np.float32)
    return layer.get_random_transformation(batch, training=True)


def distributions():
    d = {}
    t = draws(keras.layers.RandomFlip(seed=11))
    d["RandomFlip"] = {"config": plain(keras.layers.RandomFlip(seed=11).get_config()),
                       "flips": num(np.asarray(t["flips"]).reshape(-1).astype(np.int64))}
    layer = keras.layers.RandomRotation((-0.2, 0.3), seed=12)
    d["RandomRotation"] = {"config": plain(layer.get_config()), "angle": sample(np.asarray(draws(layer)["angle"]))}
    layer = keras.layers.RandomTranslation((-0.2, 0.3), 0.25, seed=13)
    tr = np.asarray(draws(layer, (10, 12, 1))["translations"])
    d["RandomTranslation"] = {"config": plain(layer.get_config()), "image": [10, 12],
                              "width_translate": sample(tr[:, 0]), "height_translate": sample(tr[:, 1])}
    layer = keras.layers.RandomZoom((-0.3, 0.2), (-0.1, 0.4), seed=14)
    z = draws(layer)
    d["RandomZoom"] = {"config": plain(layer.get_config()),
                       "height_zoom": sample(np.asarray(z["height_zoom"]).reshape(-1)),
                       "width_zoom": sample(np.asarray(z["width_zoom"]).reshape(-1))}
    layer = keras.layers.RandomShear(x_factor=0.3, y_factor=(0.1, 0.5), seed=15)
    s = np.asarray(draws(layer)["shear_factor"])
    d["RandomShear"] = {"config": plain(layer.get_config()), "shear_x": sample(s[:, 0]), "shear_y": sample(s[:, 1])}
    layer = keras.layers.RandomCrop(3, 4, seed=16)
    img = np.zeros((1, 9, 10, 1), np.float32)
    starts = np.array([[int(v) for v in layer.get_random_transformation(img, training=True)]
                       for _ in range(N_DRAWS)])
    d["RandomCrop"] = {"config": plain(layer.get_config()), "image": [9, 10],
                       "h_start": num(starts[:, 0]), "w_start": num(starts[:, 1])}
    return d


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "api", "src", "test", "resources", "io", "jdatagen", "layers",
        "golden", "geometric.json")
    imgs = inputs()
    bilinear_why = ("TensorFlow's ImageProjectiveTransformV3 maps coordinates in float32 from a float32 matrix;"
                    " ours in double: coordinate error ~1e-6 px times a neighbour difference of at most the range")
    golden = {
        "keras": keras.__version__,
        "inputs": {k: num(v) for k, v in imgs.items()},
        "fill_value": FILL,
        "layers": {
            "RandomFlip": {"tolerance": 0.0, "why": "a flip moves values without arithmetic",
                           "cases": flip_cases()},
            "RandomRotation": {"tolerance": 1e-4, "why": bilinear_why, "cases": run_affine(
                lambda p, f, i, v, s: keras.layers.RandomRotation(p, fill_mode=f, interpolation=i, fill_value=v,
                                                                  seed=s),
                [(0.1, 21), ((-0.4, 0.45), 22)])},
            "RandomTranslation": {"tolerance": 1e-4, "why": bilinear_why, "cases": run_affine(
                lambda p, f, i, v, s: keras.layers.RandomTranslation(p[0], p[1], fill_mode=f, interpolation=i,
                                                                     fill_value=v, seed=s),
                [((0.2, 0.3), 31), (((-0.5, -0.2), (0.3, 0.6)), 32)])},
            "RandomZoom": {"tolerance": 1e-4, "why": bilinear_why, "cases": run_affine(
                lambda p, f, i, v, s: keras.layers.RandomZoom(p[0], p[1], fill_mode=f, interpolation=i,
                                                              fill_value=v, seed=s),
                [((0.3, None), 41), (((-0.4, -0.2), (0.2, 0.5)), 42)])},
            "RandomShear": {"tolerance": 1e-4, "why": bilinear_why, "cases": run_affine(
                lambda p, f, i, v, s: keras.layers.RandomShear(x_factor=p[0], y_factor=p[1], fill_mode=f,
                                                               interpolation=i, fill_value=v, seed=s),
                [((0.3, 0.0), 51), ((0.2, (0.1, 0.4)), 52)])},
            "CenterCrop": {"tolerance": 0.0, "why": "a crop copies values",
                           "cases": crop_cases(keras.layers.CenterCrop, [((3, 4), None), ((6, 5), None),
                                                                         ((5, 6), None)])},
            "CenterCropEnlarging": {"tolerance": 1e-4, "why": "TensorFlow's bilinear resize computes the source"
                                    " coordinate and the blend in float32; ours in double",
                                    "cases": center_crop_enlarging_cases()},
            "RandomCrop": {"tolerance": 0.0, "why": "a crop copies values",
                           "cases": crop_cases(keras.layers.RandomCrop, [((3, 4), 61), ((5, 5), 62),
                                                                         ((6, 6), 63)])},
            "Resizing": {"tolerance": 1e-4, "why": "TensorFlow's resize kernels compute the source coordinate"
                         " and the blend in float32; ours in double", "cases": resizing_cases()},
        },
        "sequential": sequential_case(),
        "distributions": distributions(),
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
    print("wrote", out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
