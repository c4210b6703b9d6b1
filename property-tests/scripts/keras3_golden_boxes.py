#!/usr/bin/env python3
"""Writes the golden cases of Keras 3's bounding-box arithmetic: keras.utils.bounding_boxes.convert_format
between every pair of formats, and each geometric layer's transform_bounding_boxes (RandomFlip,
RandomRotation, RandomTranslation, RandomZoom, RandomShear, CenterCrop, RandomCrop, Resizing, RandomPerspective), and MaxNumBoundingBoxes's
padding and truncation (its fill_value, which its config leaves out, is given beside the config), and the batch
layer MixUp's transform_bounding_boxes on a batch of three (see batch_layers).

Each layer case is one layer (its config, with bounding_box_format), one given transformation (Keras's
get_random_transformation for a batch of one 8x10x1 image, its random values replaced by the listed
ones), the input boxes in that format (boxes near and across the edges, one padding row of -1) with
their labels, and Keras's output boxes and labels. Every layer runs two formats: xyxy and one other.

Usage (the venv with keras 3.15.1, tensorflow-cpu 2.21; KERAS_BACKEND defaults to tensorflow):
    /tmp/kv/bin/python property-tests/scripts/keras3_golden_boxes.py [output.json]
The default output is api/src/test/resources/io/jdatagen/layers/golden/boxes.json.
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras.utils import bounding_boxes as bb  # noqa: E402

FORMATS = ["xyxy", "yxyx", "xywh", "center_xywh", "center_yxhw", "rel_xyxy", "rel_yxyx", "rel_xywh",
           "rel_center_xywh"]
HEIGHT, WIDTH = 8, 10
# xyxy boxes on the 8x10 image: inside, on each edge, across the edges, thin, and a padding row
BOXES_XYXY = np.array([[0, 0, 3, 2], [7, 5, 10, 8], [2, 1, 6.5, 7], [-1, 3, 4, 9.5], [9.5, 0.25, 10, 0.75],
                       [1, 6, 9, 7.5], [-1, -1, -1, -1]], dtype=np.float32)
LABELS = np.array([1, 2, 3, 4, 5, 6, -1], dtype=np.int32)


def num(x):
    a = np.asarray(x, dtype=np.float64)
    return json.loads(json.dumps(np.vectorize(lambda v: float("%.9g" % v), otypes=[float])(a).tolist()))


def plain(config):
    return json.loads(json.dumps(config))


def boxes_in(fmt, height=HEIGHT, width=WIDTH):
    return np.asarray(bb.convert_format(BOXES_XYXY.copy(), "xyxy", fmt, height=height, width=width))


def conversions():
    out = []
    rel_boxes = BOXES_XYXY[:6]
    for source in FORMATS:
        src = np.asarray(bb.convert_format(rel_boxes.copy(), "xyxy", source, height=HEIGHT, width=WIDTH))
        for target in FORMATS:
            got = np.asarray(bb.convert_format(src.copy(), source, target, height=HEIGHT, width=WIDTH))
            out.append({"source": source, "target": target, "height": HEIGHT, "width": WIDTH,
                        "boxes": num(src), "expected": num(got)})
    return out


def run_layer(layer, fmt, overrides, height=HEIGHT, width=WIDTH):
    images = np.zeros((1, height, width, 1), dtype=np.float32)
    t = layer.get_random_transformation(images, training=True, seed=keras.random.SeedGenerator(1))
    if isinstance(t, dict):
        t = dict(t)
        for k, v in overrides.items():
            a = np.asarray(v)
            t[k] = keras.ops.convert_to_tensor(a if a.dtype == bool else a.astype(np.float32))
    elif "start" in overrides:
        t = tuple(overrides["start"])
    inp = boxes_in(fmt, height, width)
    boxes = {"boxes": keras.ops.convert_to_tensor(inp[None].copy()),
             "labels": keras.ops.convert_to_tensor(LABELS[None].copy())}
    out = layer.transform_bounding_boxes(boxes, t, training=True)
    return {"config": plain(layer.get_config()), "format": fmt, "image": [height, width],
            "transformation": {k: v if np.asarray(v).dtype == bool else num(v) for k, v in overrides.items()},
            "boxes": num(inp), "labels": LABELS.tolist(),
            "expected_boxes": num(np.asarray(out["boxes"])[0]),
            "expected_labels": np.asarray(out["labels"])[0].astype(int).tolist()}


def layers():
    second = iter(["rel_yxyx", "center_xywh", "rel_xywh", "yxyx", "rel_center_xywh", "xywh", "center_yxhw",
                   "rel_xyxy"])
    out = {}

    def cases(name, make, overrides_list, tolerance, why):
        fmts = ["xyxy", next(second)]
        out[name] = {"tolerance": tolerance, "why": why, "cases": [
            run_layer(make(fmt), fmt, o) for o in overrides_list for fmt in fmts]}

    float32 = "Keras computes the boxes in float32, ours in double: a few float32 ulps of coordinates up to ~20"
    cases("RandomFlip", lambda f: keras.layers.RandomFlip("horizontal", bounding_box_format=f),
          [{"flips": [[True]]}, {"flips": [[False]]}], 1e-5, float32)
    out["RandomFlip"]["cases"] += [run_layer(keras.layers.RandomFlip(m, bounding_box_format=f), f, {"flips": [[True]]})
                                   for m in ["vertical", "horizontal_and_vertical"] for f in ["xyxy", "rel_yxyx"]]
    cases("RandomRotation", lambda f: keras.layers.RandomRotation(0.5, bounding_box_format=f),
          [{"angle": [30.0]}, {"angle": [-75.0]}, {"angle": [180.0]}], 1e-4,
          "Keras rotates the corners with float32 sines and cosines, ours in double: ~1e-6 of coordinates up to ~20")
    cases("RandomTranslation", lambda f: keras.layers.RandomTranslation(0.5, 0.5, bounding_box_format=f),
          [{"translations": [[2.5, -1.25]]}, {"translations": [[-4.0, 3.0]]}, {"translations": [[0.3, 0.7]]}],
          1e-5, float32)
    cases("RandomZoom", lambda f: keras.layers.RandomZoom(0.5, 0.5, bounding_box_format=f),
          [{"height_zoom": [[0.7]], "width_zoom": [[0.8]]}, {"height_zoom": [[1.3]], "width_zoom": [[1.3]]},
           {"height_zoom": [[0.5]], "width_zoom": [[1.6]]}], 1e-5, float32)
    cases("RandomShear", lambda f: keras.layers.RandomShear(0.5, 0.5, bounding_box_format=f),
          [{"shear_factor": [[0.3, 0.0]]}, {"shear_factor": [[-0.2, 0.25]]}, {"shear_factor": [[0.1, -0.4]]}],
          1e-5, float32)
    for size in [(6, 6), (4, 8), (12, 15)]:
        for f in ["xyxy", "center_yxhw"]:
            out.setdefault("CenterCrop", {"tolerance": 1e-5, "why": float32, "cases": []})["cases"].append(
                run_layer(keras.layers.CenterCrop(*size, bounding_box_format=f), f, {}))
    for size, start in [((5, 7), (1, 2)), ((6, 4), (0, 3)), ((8, 10), (0, 0))]:
        for f in ["xyxy", "rel_xyxy"]:
            out.setdefault("RandomCrop", {"tolerance": 1e-5, "why": float32, "cases": []})["cases"].append(
                run_layer(keras.layers.RandomCrop(*size, bounding_box_format=f), f, {"start": list(start)}))
    for size, crop in [((4, 5), False), ((12, 6), False), ((6, 6), True), ((5, 10), True)]:
        for f in ["xyxy", "xywh"]:
            layer = keras.layers.Resizing(*size, crop_to_aspect_ratio=crop, bounding_box_format=f)
            out.setdefault("Resizing", {"tolerance": 1e-5, "why": float32, "cases": []})["cases"].append(
                run_layer(layer, f, {}))
    for max_number, fill in [(3, -1), (9, -1), (10, -2), (0, -1)]:
        layer = keras.layers.MaxNumBoundingBoxes(max_number, fill_value=fill, bounding_box_format="xyxy")
        boxes = {"boxes": keras.ops.convert_to_tensor(BOXES_XYXY[None].copy()),
                 "labels": keras.ops.convert_to_tensor(LABELS[None].copy())}
        got = layer.transform_bounding_boxes(boxes, None)
        out.setdefault("MaxNumBoundingBoxes", {"tolerance": 0.0, "why": "boxes are copied or padded, never computed",
                                               "cases": []})["cases"].append(
            {"config": plain(layer.get_config()), "fill_value": fill, "format": "xyxy", "image": [HEIGHT, WIDTH],
             "transformation": {}, "boxes": num(BOXES_XYXY), "labels": LABELS.tolist(),
             "expected_boxes": num(np.asarray(got["boxes"])[0]),
             "expected_labels": np.asarray(got["labels"])[0].astype(int).tolist()})
    # RandomPerspective: the corners through the inverse of the homography compute_homography_matrix solves;
    # Keras 3.15.1 returns these boxes in xyxy whatever bounding_box_format says (it never converts back),
    # which each case records as its expected_format
    corners = [[0, 0], [WIDTH - 1, 0], [0, HEIGHT - 1], [WIDTH - 1, HEIGHT - 1]]
    for applied, factors in [(True, [[0, 0], [0.2, 0], [0, -0.15], [-0.1, 0.1]]),
                             (True, [[0, 0], [-0.2, 0], [0, 0.25], [0.15, -0.25]]),
                             (False, [[0, 0], [0.2, 0], [0, -0.15], [-0.1, 0.1]])]:
        start = np.array([corners], dtype=np.float32)
        end = start + start * np.array([factors], dtype=np.float32)
        for f in ["xyxy", "rel_yxyx"]:
            layer = keras.layers.RandomPerspective(factor=1.0, scale=0.5, bounding_box_format=f)
            case = run_layer(layer, f, {"apply_perspective": np.array([applied]), "start_points": start,
                                        "end_points": end})
            case["transformation"]["apply_perspective"] = [applied]
            case["expected_format"] = "xyxy"
            out.setdefault("RandomPerspective", {
                "tolerance": 1e-4, "why": "Keras solves and inverts the homography in float32, ours inverts it in"
                " double: ~1e-6 of coordinates up to ~20", "cases": []})["cases"].append(case)
    return out


def batch_layers():
    """MixUp's transform_bounding_boxes on a batch of three: each sample's boxes then those of the sample its
    permutation_order names. Keras concatenates the labels along the batch axis instead (all the samples' labels,
    then the permuted ones: shape (2 * batch, boxes)); expected_labels records them as Keras returns them."""
    cases = []
    batch = np.stack([BOXES_XYXY + np.float32(0.5 * i) * (BOXES_XYXY >= 0) for i in range(3)])
    labels = np.stack([LABELS + 10 * i * (LABELS >= 0) for i in range(3)]).astype(np.int32)
    for order in [[2, 0, 1], [0, 2, 1]]:
        for f in ["xyxy", "rel_yxyx"]:
            layer = keras.layers.MixUp(alpha=0.2, bounding_box_format=f)
            inp = np.stack([np.asarray(bb.convert_format(b.copy(), "xyxy", f, height=HEIGHT, width=WIDTH))
                            for b in batch])
            weights = np.array([0.3, 0.6, 0.9], dtype=np.float32)
            t = {"permutation_order": keras.ops.convert_to_tensor(np.array(order, dtype=np.int32)),
                 "mix_weight": keras.ops.convert_to_tensor(weights)}
            got = layer.transform_bounding_boxes({"boxes": keras.ops.convert_to_tensor(inp.copy()),
                                                  "labels": keras.ops.convert_to_tensor(labels.copy())}, t)
            cases.append({"config": plain(layer.get_config()), "format": f, "image": [HEIGHT, WIDTH],
                          "transformation": {"permutation_order": order, "mix_weight": num(weights)},
                          "boxes": num(inp), "labels": labels.tolist(),
                          "expected_boxes": num(np.asarray(got["boxes"])),
                          "expected_labels": np.asarray(got["labels"]).astype(int).tolist()})
    return {"MixUp": {"tolerance": 0.0, "why": "boxes are copied, never computed", "cases": cases}}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "api/src/test/resources/io/jdatagen/layers/golden/boxes.json"
    doc = {"keras": keras.__version__,
           "convert": {"tolerance": 1e-5, "why": "convert_format computes in float32, ours in double",
                       "cases": conversions()},
           "layers": layers(),
           "batch_layers": batch_layers()}
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
