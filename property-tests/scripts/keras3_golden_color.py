"""Golden vectors for the Keras 3 color and value layers (issue 32, group "color").

Writes api/src/test/resources/io/jdatagen/layers/golden/color.json: per layer, its tolerance and why,
cases (Keras's config, the transformation Keras's get_random_transformation returned, the input image
and Keras's transform_images output) and, for random layers, a distribution sample of 2000 draws of each
random parameter (get_random_transformation over a batch of 2000 images, fixed seed).

Run from the repository root with the venv holding keras 3.15.1, tensorflow-cpu 2.21 and numpy:

    /tmp/kv/bin/python property-tests/scripts/keras3_golden_color.py

KERAS_BACKEND is tensorflow (Keras's default).
"""
import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402

OUT = "api/src/test/resources/io/jdatagen/layers/golden/color.json"
L = keras.layers
rs = np.random.RandomState(32)


def inputs():
    """An integer-valued float image in 0..255 (6x7x3) and a float image in [0, 1] (5x6x1)."""
    a = rs.randint(0, 256, size=(6, 7, 3)).astype("float32")
    b = rs.uniform(0, 1, size=(5, 6, 1)).astype("float32")
    return [(a, [0, 255]), (b, [0.0, 1.0])]


def tensor(x):
    x = np.asarray(x, dtype="float32")
    # the shortest decimal that reads back as the same float32
    return {"shape": list(x.shape), "data": [float(str(v)) for v in x.reshape(-1)]}


def numbers(t):
    """A transformation dict with each value flattened to one number (a batch of one)."""
    if t is None:
        return None
    if not isinstance(t, dict):
        # RandomGrayscale returns its per-image flags alone
        t = {"should_apply": t}
    out = {}
    for k, v in t.items():
        v = np.asarray(keras.ops.convert_to_numpy(v)).reshape(-1)
        out[k] = float(v[0])
    return out


def case(layer, x, training=True, seed=None):
    batch = x[None]
    if hasattr(layer, "get_random_transformation"):
        t = layer.get_random_transformation(batch, training=training)
        y = layer.transform_images(batch, t, training=training)
    else:
        t = None
        y = layer(batch)
    return {"config": layer.get_config(), "transformation": numbers(t),
            "input": tensor(x), "output": tensor(keras.ops.convert_to_numpy(y)[0])}


def draws(layer, keys, channels=3):
    """2000 draws of each key; five significant digits are plenty for the two-sample test."""
    batch = np.zeros((2000, 1, 1, channels), dtype="float32")
    t = layer.get_random_transformation(batch, training=True)
    if not isinstance(t, dict):
        t = {"should_apply": t}
    return {"config": layer.get_config(),
            "draws": {k: [float("%.5g" % v) for v in np.asarray(keras.ops.convert_to_numpy(t[k]), dtype="float32")
                          .reshape(-1)] for k in keys}}


def rescaling():
    cases = []
    for x, vr in inputs():
        for scale, offset in [(1 / 255.0, 0.0), (1 / 127.5, -1.0), (2.5, 0.25)]:
            cases.append(case(L.Rescaling(scale, offset), x))
    return {"tolerance": 1e-6, "why": "one float32 multiply-add in TF; ours folds the same float32 map "
            "(relative to the output's magnitude, at most a few float32 ulps)", "cases": cases}


def normalization():
    cases = []
    for x, vr in inputs():
        c = x.shape[-1]
        # given mean and variance, scalar and per channel
        cases.append(case(L.Normalization(mean=0.5 * vr[1], variance=(0.25 * vr[1]) ** 2), x))
        cases.append(case(L.Normalization(mean=list(np.linspace(0.3, 0.6, c) * vr[1]),
                                          variance=list(np.linspace(0.01, 0.09, c) * vr[1] ** 2)), x))
        cases.append(case(L.Normalization(mean=0.4 * vr[1], variance=0.2 * vr[1] ** 2, invert=True), x))
        # adapt over a batch of three images, then normalize the first
        data = np.stack([x, np.flip(x, 0) * 0.5, np.clip(x + 0.1 * vr[1], 0, vr[1])]).astype("float32")
        layer = L.Normalization()
        layer.adapt(data)
        k = case(layer, x)
        k["adapt"] = tensor(data)
        k["adapted_mean"] = [float(v) for v in keras.ops.convert_to_numpy(layer.mean).reshape(-1)]
        k["adapted_variance"] = [float(v) for v in keras.ops.convert_to_numpy(layer.variance).reshape(-1)]
        cases.append(k)
    return {"tolerance": 1e-5, "why": "TF divides by sqrt(variance) in float32 and adapts with numpy's "
            "float32 pairwise sums; ours computes the statistics in double (relative to the output's magnitude)",
            "cases": cases}


def brightness():
    cases = []
    for x, vr in inputs():
        for f in [0.3, (-0.5, -0.1), (0.2, 0.9)]:
            cases.append(case(L.RandomBrightness(f, value_range=vr, seed=1), x))
    return {"tolerance": 1e-6, "why": "a float32 add and clip in TF and ours (relative to the value range)",
            "cases": cases,
            "distribution": draws(L.RandomBrightness((-0.3, 0.5), value_range=(0, 255), seed=7), ["rgb_delta"])}


def contrast():
    cases = []
    for x, vr in inputs():
        for f in [0.5, (0.2, 0.9), (0.0, 1.0)]:
            cases.append(case(L.RandomContrast(f, value_range=vr, seed=2), x))
    return {"tolerance": 2e-6, "why": "TF's float32 mean (reduction order) vs ours in double before the "
            "float32 blend (relative to the value range)", "cases": cases,
            "distribution": draws(L.RandomContrast((0.3, 0.6), seed=8), ["contrast_factor"])}


def invert():
    cases = []
    for x, vr in inputs():
        for f in [1.0, 0.5, (0.2, 0.7)]:
            layer = L.RandomInvert(f, value_range=vr, seed=3)
            for _ in range(2):
                cases.append(case(layer, x))
    return {"tolerance": 0.0, "why": "one float32 subtraction, exact in both", "cases": cases,
            "distribution": draws(L.RandomInvert((0.2, 0.7), seed=9), ["apply_inversion"])}


def grayscale():
    cases = []
    for x, vr in inputs():
        for f in [1.0, 0.5, 0.0]:
            layer = L.RandomGrayscale(f, seed=4)
            for _ in range(2):
                cases.append(case(layer, x))
    return {"tolerance": 1e-6, "why": "a float32 weighted sum of three channels; TF's tensordot may sum in "
            "another order or fused (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.RandomGrayscale(0.3, seed=10), ["should_apply"])}


def solarization():
    cases = []
    for x, vr in inputs():
        for a, t in [(0.0, 0.0), (0.3, (0.2, 0.8)), ((0.1, 0.2), 0.5)]:
            cases.append(case(L.Solarization(addition_factor=a, threshold_factor=t, value_range=vr, seed=5), x))
    return {"tolerance": 1e-6, "why": "float32 value-range maps, add, clip and subtraction in the same order as "
            "TF (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.Solarization(addition_factor=(0.1, 0.4), threshold_factor=0.6, seed=11),
                                  ["additions", "thresholds"])}


def posterization():
    cases = []
    for x, vr in inputs():
        for f in [4, (2, 7), (3, 3)]:
            cases.append(case(L.RandomPosterization(f, value_range=vr, seed=6), x))
    return {"tolerance": 1e-6, "why": "the same float32 value-range maps and truncation to 8 bits as TF; only "
            "the map back may round differently (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.RandomPosterization((2, 8), seed=12), ["shift_factor"])}


def auto_contrast():
    cases = []
    for x, vr in inputs():
        flat = x.copy()
        flat[..., 0] = 0.25 * vr[1]
        for img in [x, 0.25 * vr[1] + 0.5 * x, flat]:
            cases.append(case(L.AutoContrast(value_range=vr), img.astype("float32")))
    return {"tolerance": 1e-6, "why": "float32 min, max, division and multiply-add as TF (relative to the "
            "output's magnitude); constant channels keep their input as in Keras", "cases": cases}


def color_degeneration():
    cases = []
    for x, vr in inputs():
        for f in [0.5, (0.2, 0.9), (-0.8, -0.1)]:
            cases.append(case(L.RandomColorDegeneration(f, value_range=vr, seed=7), x))
    return {"tolerance": 1e-6, "why": "the float32 grey (a weighted sum TF's tensordot may order differently) "
            "and blend (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.RandomColorDegeneration((-0.2, 0.7), seed=13), ["factor"])}


def sharpness():
    cases = []
    for x, vr in inputs():
        for f in [0.5, (0.6, 1.0), (0.0, 0.3)]:
            cases.append(case(L.RandomSharpness(f, value_range=vr, seed=14), x))
    return {"tolerance": 2e-6, "why": "TF's depthwise convolution sums the nine float32 products in its own "
            "order (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.RandomSharpness((0.2, 0.9), seed=15), ["factor"])}


def rgb_inputs():
    """Two RGB images for the HSV layers: integer-valued in 0..255 (6x7x3) and in [0, 1] (5x6x3)."""
    a = rs.randint(0, 256, size=(6, 7, 3)).astype("float32")
    a[0, 0] = [40, 40, 40]  # a grey pixel: no hue
    a[0, 1] = [0, 0, 0]  # black: no saturation
    b = rs.uniform(0, 1, size=(5, 6, 3)).astype("float32")
    return [(a, [0, 255]), (b, [0.0, 1.0])]


def saturation():
    cases = []
    for x, vr in rgb_inputs():
        for f in [0.5, (0.6, 0.9), (-0.4, 0.2)]:
            cases.append(case(L.RandomSaturation(f, value_range=vr, seed=16), x))
    return {"tolerance": 1e-6, "why": "TF's rgb_to_hsv and hsv_to_rgb formulas in float32, as ours; Eigen may "
            "vectorise the divisions differently (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.RandomSaturation((0.1, 0.8), seed=17), ["factor"])}


def hue():
    cases = []
    for x, vr in rgb_inputs():
        for i, f in enumerate([0.5, (0.3, 0.9), 1.0]):
            cases.append(case(L.RandomHue(f, value_range=vr, seed=(18, 20, 19)[i]), x))
    return {"tolerance": 1e-6, "why": "TF's rgb_to_hsv and hsv_to_rgb formulas in float32, as ours, and the "
            "same value-range maps (relative to the output's magnitude)", "cases": cases,
            "distribution": draws(L.RandomHue((0.2, 0.7), seed=19), ["factor"])}


def jitter_case(layer, x):
    """RandomColorJitter draws inside transform_images; this runs its parts as it does, keeping the draws."""
    batch = x[None]
    t = {}
    for name, part, key in [("brightness", layer.random_brightness, "rgb_delta"),
                            ("contrast", layer.random_contrast, "contrast_factor"),
                            ("saturation", layer.random_saturation, "factor"),
                            ("hue", layer.random_hue, "factor")]:
        if part is None:
            continue
        pt = part.get_random_transformation(batch, training=True)
        batch = part.transform_images(batch, pt)
        t[name] = float(np.asarray(keras.ops.convert_to_numpy(pt[key])).reshape(-1)[0])
    return {"config": layer.get_config(), "transformation": t, "input": tensor(x),
            "output": tensor(keras.ops.convert_to_numpy(batch)[0])}


def color_jitter():
    cases = []
    for x, vr in rgb_inputs():
        for kw in [dict(brightness_factor=0.2, contrast_factor=0.5, saturation_factor=(0.3, 0.7), hue_factor=0.4),
                   dict(contrast_factor=(0.1, 0.3), hue_factor=(0.2, 0.5)),
                   dict(brightness_factor=(-0.3, 0.3), saturation_factor=0.6)]:
            cases.append(jitter_case(L.RandomColorJitter(value_range=vr, seed=23, **kw), x))
    return {"tolerance": 2e-6, "why": "its parts' arithmetic one after another (brightness, contrast, saturation, "
            "hue), each within its own tolerance (relative to the output's magnitude)", "cases": cases}


def main():
    golden = {"keras": keras.__version__, "backend": keras.backend.backend(), "layers": {
        "Rescaling": rescaling(),
        "Normalization": normalization(),
        "RandomBrightness": brightness(),
        "RandomContrast": contrast(),
        "RandomInvert": invert(),
        "RandomGrayscale": grayscale(),
        "Solarization": solarization(),
        "RandomPosterization": posterization(),
        "AutoContrast": auto_contrast(),
        "RandomColorDegeneration": color_degeneration(),
        "RandomSharpness": sharpness(),
        "RandomSaturation": saturation(),
        "RandomHue": hue(),
        "RandomColorJitter": color_jitter(),
    }}
    with open(OUT, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
    print(OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
