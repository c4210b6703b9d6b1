#!/usr/bin/env python3
"""Writes keypoint goldens measured on Keras's own pixels: where a small bright blob drawn at a chosen point
lands after (a) each geometric Keras 3 layer's transform_images with a given transformation (RandomFlip,
RandomRotation, RandomTranslation, RandomZoom, RandomShear, RandomCrop, CenterCrop, Resizing,
RandomPerspective) and (b) the ImageDataGenerator's apply_transform (keras.src.legacy.preprocessing.image, the
keras-preprocessing code Keras 3 ships) with given parameters (theta, tx, ty, shear, zx, zy, flips). Keras 3.15.1
has no keypoint transform and the generator no box transform, so the pixels are the oracle.

The blob: a Gaussian of sigma 2 px centred on the point, cut to zero beyond 8 px, alone in its image (one image
per point, the batch sharing one transformation), fill value 0 (constant fill), bilinear interpolation. A point is
in pixel-edge coordinates (x from 0 at the left edge to width at the right one; pixel column c has its centre at
c + 0.5). Where it lands is the intensity centroid of the output, sum((c + 0.5) * v) / sum(v) and the same for y.
A blob whose output has no mass at all left the image (expected: invisible); one whose output touches the 2-px
border ring of the output image was cut, so its centroid is biased and the point is left out (counted under
"ambiguous"); any other is visible, at its centroid.

Tolerance 0.05 px: the centroid of the sampled Gaussian itself is its centre to ~1e-8 px (the sampling error
falls as exp(-2 pi^2 sigma^2)), but bilinear resampling onto a grid that a shear or a zoom near 1 almost aligns with
the input's leaves a beat term of about 0.01 px that a wider blob does not remove. The script measures the error
against the exact map wherever it knows one (the affine layers' 8-value matrix, the scipy matrix the generator
builds, flips, crops, resizes), refuses to write when it reaches half the tolerance, and writes the largest under
"measured_error" (0.021 px for the layers, 0.019 px for the generator's shear of 15 degrees).

RandomPerspective is not affine: the centroid of a warped blob is then not the image of its centre (it is off by
about sigma^2 times the map's second derivatives, 0.07 px here). Its expected points are the exact map, the inverse
of the homography Keras's transform_images samples through (compute_homography_matrix), to 1e-3 px; the script checks
that map against the pixels by predicting each blob's centroid through it (centroid_through) and comparing with the
measured one, kept as "centroid", within the same half tolerance.

For the generator each parameter set runs in two conventions: "keras_reference", Keras's code as it is (its pivot
(h/2 - 0.5, w/2 - 0.5) with height and width crossed), and "documented", the same code with
transform_matrix_offset_center given the true centre ((w-1)/2 on columns, (h-1)/2 on rows), which is what
Compatibility.DOCUMENTED does. Its boxes are the enclosing boxes of each box's four corners mapped through the
inverse of the matrix Keras hands scipy (captured from the call), then the flips, clipped to the image and labelled
-1 where the area vanishes (the convention of ImageDataGenerator.transformTargets); the script checks that map
against the blob centroids.

Last, "rand_augment_boxes": RandAugment's transform_bounding_boxes (Keras's own box arithmetic, no pixels) for
given picks (layer_idxes) and given draws of its three geometric operations, boxes near and across the edges of an
8x10 image in two formats.

Usage (the venv with keras 3.15.1, tensorflow-cpu 2.21, scipy; KERAS_BACKEND defaults to tensorflow):
    /tmp/kv/bin/python property-tests/scripts/keras3_golden_points.py [output.json]
The default output is api/src/test/resources/io/jdatagen/layers/golden/points.json.
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import keras  # noqa: E402
import scipy.ndimage  # noqa: E402
from keras.src.backend.tensorflow import image as tf_image  # noqa: E402
from keras.src.legacy.preprocessing import image as legacy  # noqa: E402

SIGMA, RADIUS, RING = 2.0, 8.0, 2
TOLERANCE = 0.05
PERSPECTIVE_TOLERANCE = 1e-3
HEIGHT, WIDTH = 60, 78
POINTS = [[39.3, 30.1], [16.7, 13.2], [62.4, 18.6], [22.2, 47.8], [58.9, 44.4], [14.5, 30.5], [66.25, 49.75],
          [30.6, 22.4], [48.1, 37.7], [27.75, 38.25], [51.5, 21.5]]
ERRORS = []


def num(v, digits=9):
    return float("%.*g" % (digits, float(v)))


def blob(x, y, height=HEIGHT, width=WIDTH):
    rows = np.arange(height)[:, None] + 0.5
    cols = np.arange(width)[None, :] + 0.5
    r2 = (rows - y) ** 2 + (cols - x) ** 2
    return np.where(r2 <= RADIUS * RADIUS, np.exp(-r2 / (2 * SIGMA * SIGMA)), 0.0).astype(np.float32)


def blobs(points=POINTS, height=HEIGHT, width=WIDTH):
    return np.stack([blob(x, y, height, width) for x, y in points])[..., None]


def measure(out):
    """(visible, [x, y]) of one output image (h, w): the centroid, or None for a cut blob."""
    v = np.asarray(out, np.float64)
    total = v.sum()
    if total == 0:
        return False, None
    ring = v.copy()
    ring[RING:-RING, RING:-RING] = 0
    if ring.sum() > 0:
        return None, None
    rows = np.arange(v.shape[0])[:, None] + 0.5
    cols = np.arange(v.shape[1])[None, :] + 0.5
    return True, [(v * cols).sum() / total, (v * rows).sum() / total]


def record(inputs, outputs, exact=None, projective=False):
    """The golden points of one case; exact(x, y) -> (x', y') checks the measurement where the map is known. For a
    projective map the centroid is not the image of the centre (see centroid_through), so the expected point is the
    exact map's, and the measured centroid, kept as "centroid", must equal the centroid the exact map predicts."""
    out, ambiguous = [], 0
    for (x, y), img in zip(inputs, outputs):
        visible, at = measure(img)
        if visible is None:
            ambiguous += 1
            continue
        entry = {"point": [x, y], "visible": visible}
        if visible:
            entry["expected"] = [num(at[0]), num(at[1])]
            if projective:
                ex, ey = exact(x, y)
                entry["expected"] = [num(ex), num(ey)]
                entry["centroid"] = [num(at[0]), num(at[1])]
                px, py = centroid_through(exact, x, y)
                ERRORS.append(max(abs(px - at[0]), abs(py - at[1])))
            elif exact is not None:
                ex, ey = exact(x, y)
                ERRORS.append(max(abs(ex - at[0]), abs(ey - at[1])))
        out.append(entry)
    return out, ambiguous


def centroid_through(f, x, y, step=0.05):
    """The centroid a blob at (x, y) has after the map f when the warp resamples values (no change of mass): the
    output intensity at f(p) is the blob's at p, so the centroid is sum f(p) I(p) |J_f(p)| / sum I(p) |J_f(p)| over
    the blob, which for a non-affine f differs from f((x, y)) by about sigma^2 times f's second derivatives."""
    t = np.arange(-RADIUS, RADIUS + step / 2, step)
    dx, dy = np.meshgrid(t, t)
    keep = dx * dx + dy * dy <= RADIUS * RADIUS
    px, py = x + dx[keep], y + dy[keep]
    weight = np.exp(-(dx[keep] ** 2 + dy[keep] ** 2) / (2 * SIGMA * SIGMA))
    fx, fy = np.vectorize(f)(px, py)
    h = 1e-4
    fxx, fyx = np.vectorize(f)(px + h, py)
    fxy, fyy = np.vectorize(f)(px, py + h)
    jac = np.abs((fxx - fx) * (fyy - fy) - (fxy - fx) * (fyx - fy)) / (h * h)
    w = weight * jac
    return (fx * w).sum() / w.sum(), (fy * w).sum() / w.sum()


def tf_affine_exact(matrix):
    """The forward map of TF's projective transform: output (col, row) reads input (a0 c + a1 r + a2, ...)."""
    a = np.asarray(matrix, np.float64).reshape(-1)
    m = np.array([[a[0], a[1], a[2]], [a[3], a[4], a[5]], [a[6], a[7], 1.0]])
    inv = np.linalg.inv(m)

    def f(x, y):
        p = inv @ np.array([x - 0.5, y - 0.5, 1.0])
        return p[0] / p[2] + 0.5, p[1] / p[2] + 0.5
    return f


def plain(config):
    return json.loads(json.dumps(config))


def run_layer(layer, transformation, n, given, exact=None, projective=False):
    images = blobs()
    out = np.asarray(layer.transform_images(images, transformation, training=True))[..., 0]
    points, ambiguous = record(POINTS, out, exact, projective)
    return {"config": plain(layer.get_config()), "image": [HEIGHT, WIDTH], "output": list(out.shape[1:3]),
            "transformation": given, "points": points, "ambiguous": ambiguous}


def tile(v, n):
    a = np.asarray(v, np.float32)
    return keras.ops.convert_to_tensor(np.repeat(a[None], n, axis=0))


def layers():
    n = len(POINTS)
    shape = (n, HEIGHT, WIDTH, 1)
    out = {}

    def add(name, case):
        out.setdefault(name, {"tolerance": TOLERANCE, "cases": []})["cases"].append(case)

    for mode, flip in [("horizontal", True), ("vertical", True), ("horizontal_and_vertical", True),
                       ("horizontal", False)]:
        layer = keras.layers.RandomFlip(mode)
        t = {"flips": keras.ops.convert_to_tensor(np.full((n, 1, 1, 1), flip)), "input_shape": shape}
        h = mode != "vertical" and flip
        v = mode != "horizontal" and flip
        add("RandomFlip", run_layer(layer, t, n, {"flips": flip}, lambda x, y, h=h, v=v: (
            WIDTH - x if h else x, HEIGHT - y if v else y)))
    for angle in [30.0, -75.0, 180.0]:
        layer = keras.layers.RandomRotation(0.5, fill_mode="constant", fill_value=0.0)
        angles = keras.ops.convert_to_tensor(np.full((n,), angle, np.float32))
        m = layer._compute_affine_matrix(center_x=0.5, center_y=0.5, angle=angles,
                                         translate_x=keras.ops.zeros([n]), translate_y=keras.ops.zeros([n]),
                                         scale=keras.ops.ones([n]), shear_x=keras.ops.zeros([n]),
                                         shear_y=keras.ops.zeros([n]), height=HEIGHT, width=WIDTH)
        t = {"angle": angles, "rotation_matrix": m, "image_height": HEIGHT, "image_width": WIDTH, "batch_size": n}
        add("RandomRotation", run_layer(layer, t, n, {"angle": angle}, tf_affine_exact(np.asarray(m)[0])))
    for tr in [[0.1, -0.15], [-0.3, 0.25], [0.45, 0.0], [0.6, -0.55]]:
        layer = keras.layers.RandomTranslation(0.5, 0.5, fill_mode="constant", fill_value=0.0)
        t = {"translations": tile(tr, n), "input_shape": shape}
        m = layer._get_translation_matrix(t["translations"])
        add("RandomTranslation", run_layer(layer, t, n, {"translations": tr}, tf_affine_exact(np.asarray(m)[0])))
    for hz, wz in [(0.7, 0.8), (1.3, 1.25), (0.6, 1.4)]:
        layer = keras.layers.RandomZoom((-0.5, 0.5), (-0.5, 0.5), fill_mode="constant", fill_value=0.0)
        t = {"height_zoom": tile([hz], n), "width_zoom": tile([wz], n), "input_shape": shape}
        zooms = np.concatenate([np.asarray(t["width_zoom"]), np.asarray(t["height_zoom"])], axis=1)
        m = layer._get_zoom_matrix(zooms.astype(np.float32), HEIGHT, WIDTH)
        add("RandomZoom", run_layer(layer, t, n, {"height_zoom": hz, "width_zoom": wz},
                                    tf_affine_exact(np.asarray(m)[0])))
    for sx, sy in [(0.3, 0.0), (-0.2, 0.25), (0.1, -0.4)]:
        layer = keras.layers.RandomShear(0.5, 0.5, fill_mode="constant", fill_value=0.0)
        t = {"shear_factor": tile([sx, sy], n), "input_shape": shape}
        m = layer._get_shear_matrix(t["shear_factor"])
        add("RandomShear", run_layer(layer, t, n, {"shear_factor": [sx, sy]}, tf_affine_exact(np.asarray(m)[0])))
    for (h, w), (top, left) in [((45, 60), (7, 12)), ((36, 36), (24, 42)), ((60, 78), (0, 0))]:
        layer = keras.layers.RandomCrop(h, w)
        add("RandomCrop", run_layer(layer, (top, left), n, {"start": [top, left]},
                                    lambda x, y, top=top, left=left: (x - left, y - top)))
    for h, w in [(45, 60), (30, 75)]:
        layer = keras.layers.CenterCrop(h, w)
        top, left = (HEIGHT - h) // 2, (WIDTH - w) // 2
        add("CenterCrop", run_layer(layer, {"input_shape": shape}, n, {},
                                    lambda x, y, top=top, left=left: (x - left, y - top)))
    for (h, w), crop in [((45, 58), False), ((90, 96), False), ((54, 54), True)]:
        layer = keras.layers.Resizing(h, w, crop_to_aspect_ratio=crop)

        def exact(x, y, h=h, w=w, crop=crop):
            if not crop:
                return x * w / WIDTH, y * h / HEIGHT
            # crop_to_aspect_ratio: the centred window of the output's aspect ratio, then the resize
            ch = min(HEIGHT, int(WIDTH * h / w))
            cw = min(WIDTH, int(HEIGHT * w / h))
            top, left = (HEIGHT - ch) // 2, (WIDTH - cw) // 2
            return (x - left) * w / cw, (y - top) * h / ch
        add("Resizing", run_layer(layer, (HEIGHT, WIDTH), n, {}, exact))
    corners = np.array([[0, 0], [WIDTH - 1, 0], [0, HEIGHT - 1], [WIDTH - 1, HEIGHT - 1]], np.float32)
    for factors in [[[0, 0], [0.2, 0], [0, -0.15], [-0.1, 0.1]], [[0.05, 0.1], [-0.15, 0.05], [0.1, -0.1],
                                                                  [-0.05, -0.2]]]:
        layer = keras.layers.RandomPerspective(factor=1.0, scale=0.5, fill_value=0.0)
        end = corners + corners * np.array(factors, np.float32)
        t = {"apply_perspective": keras.ops.convert_to_tensor(np.ones((n,), bool)),
             "start_points": tile(corners, n), "end_points": tile(end, n), "input_shape": shape}
        homography = tf_image.compute_homography_matrix(np.asarray(t["start_points"]), np.asarray(t["end_points"]))
        case = run_layer(layer, t, n, {"apply_perspective": True, "start_points": corners.tolist(),
                                       "end_points": [[num(v) for v in p] for p in end]},
                         tf_affine_exact(np.asarray(homography, np.float32)[0]), projective=True)
        out.setdefault("RandomPerspective", {
            "tolerance": PERSPECTIVE_TOLERANCE, "why": "not affine, so a blob's centroid is not the image of its"
            " centre: the expected points are the exact map of the homography Keras samples through (float32"
            " coefficients, inverted in double), whose predicted centroids the measured ones (\"centroid\") match;"
            " ours invert the same float32 coefficients in double", "cases": []})["cases"].append(case)
    return out


BOXES = [[12.0, 9.0, 30.0, 22.5], [45.5, 33.0, 69.0, 54.5], [0.0, 0.0, 78.0, 60.0], [66.0, 3.0, 77.0, 13.5],
         [4.5, 45.0, 18.0, 59.0]]
GENERATOR_PARAMS = [
    {"theta": 25.0}, {"theta": -90.0}, {"tx": 4.5, "ty": -6.25}, {"tx": -45.0, "ty": 0.0}, {"shear": 15.0},
    {"zx": 0.8, "zy": 1.25}, {"zx": 1.6, "zy": 0.7}, {"flip_horizontal": True}, {"flip_vertical": True},
    {"theta": -40.0, "tx": -3.0, "ty": 5.0, "shear": 10.0, "zx": 1.1, "zy": 0.9, "flip_horizontal": True},
    {"theta": 12.0, "tx": 2.0, "ty": 3.0, "zx": 0.6, "zy": 0.6, "flip_vertical": True},
]


def generator_case(params, documented):
    gen = legacy.ImageDataGenerator(fill_mode="constant", cval=0.0, interpolation_order=1)
    captured = []
    original_affine = legacy.scipy.ndimage.interpolation.affine_transform

    def capture(x, matrix, offset, **kw):
        captured.append((np.array(matrix, np.float64), np.array(offset, np.float64)))
        return original_affine(x, matrix, offset, **kw)
    original_center = legacy.transform_matrix_offset_center
    legacy.scipy.ndimage.interpolation.affine_transform = capture
    if documented:
        legacy.transform_matrix_offset_center = lambda m, x, y: original_center(m, y, x)
    try:
        outs = [gen.apply_transform(img, dict(params))[..., 0] for img in blobs()]
    finally:
        legacy.scipy.ndimage.interpolation.affine_transform = original_affine
        legacy.transform_matrix_offset_center = original_center
    if captured:
        matrix, offset = captured[0]
        inverse = np.linalg.inv(matrix)
    else:
        matrix, offset, inverse = np.eye(2), np.zeros(2), np.eye(2)

    def forward(x, y):
        r, c = inverse @ (np.array([y - 0.5, x - 0.5]) - offset)
        if params.get("flip_horizontal"):
            c = WIDTH - 1 - c
        if params.get("flip_vertical"):
            r = HEIGHT - 1 - r
        return c + 0.5, r + 0.5
    points, ambiguous = record(POINTS, outs, forward)
    boxes, labels = [], []
    for i, (x1, y1, x2, y2) in enumerate(BOXES):
        ps = [forward(x, y) for x, y in [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]]
        xs = [min(max(p[0], 0.0), WIDTH) for p in ps]
        ys = [min(max(p[1], 0.0), HEIGHT) for p in ps]
        box = [min(xs), min(ys), max(xs), max(ys)]
        boxes.append([num(v) for v in box])
        labels.append(i + 1 if (box[2] - box[0]) * (box[3] - box[1]) > 0 else -1)
    return {"params": params, "image": [HEIGHT, WIDTH, 1], "points": points, "ambiguous": ambiguous,
            "scipy_matrix": matrix.tolist(), "scipy_offset": offset.tolist(),
            "boxes": BOXES, "labels": list(range(1, len(BOXES) + 1)), "expected_boxes": boxes,
            "expected_labels": labels}


RA_HEIGHT, RA_WIDTH = 8, 10
RA_BOXES = np.array([[0, 0, 3, 2], [7, 5, 10, 8], [2, 1, 6.5, 7], [-1, 3, 4, 9.5], [1, 6, 9, 7.5], [-1, -1, -1, -1]],
                    np.float32)
RA_LABELS = np.array([1, 2, 3, 4, 5, -1], np.int32)
RA_GEOMETRIC = {"random_shear": ("shear_factor", [[0.3, -0.2]]), "random_translation": ("translations",
                                                                                         [[0.25, -0.125]]),
                "random_rotation": ("angle", [40.0])}


def rand_augment_boxes():
    """RandAugment.transform_bounding_boxes for given picks (layer_idxes) and given geometric draws: Keras walks
    its eleven operations in its order and moves the boxes by each picked one once."""
    from keras.utils import bounding_boxes as bb
    cases = []
    for num_ops, picks in [(2, [0, 2]), (2, [2, 0]), (2, [1, 1]), (2, [3, 5]), (2, [2, 10]), (3, [1, 0, 4]),
                           (3, [2, 1, 2])]:
        for fmt in ["xyxy", "rel_yxyx"]:
            layer = keras.layers.RandAugment(num_ops=num_ops, bounding_box_format=fmt)
            images = np.zeros((1, RA_HEIGHT, RA_WIDTH, 3), np.float32)
            t = layer.get_random_transformation(images, training=True, seed=keras.random.SeedGenerator(1))
            t["layer_idxes"] = keras.ops.convert_to_tensor(np.array(picks, np.int32))
            given = {}
            for name, (key, value) in RA_GEOMETRIC.items():
                t["transforms"][name] = dict(t["transforms"][name])
                t["transforms"][name][key] = keras.ops.convert_to_tensor(np.array(value, np.float32))
                given[name] = {key: value[0]}
            inp = np.asarray(bb.convert_format(RA_BOXES.copy(), "xyxy", fmt, height=RA_HEIGHT, width=RA_WIDTH))
            boxes = {"boxes": keras.ops.convert_to_tensor(inp[None].copy()),
                     "labels": keras.ops.convert_to_tensor(RA_LABELS[None].copy())}
            out = layer.transform_bounding_boxes(boxes, t, training=True)
            cases.append({"config": plain(layer.get_config()), "format": fmt, "image": [RA_HEIGHT, RA_WIDTH],
                          "layer_idxes": picks, "transforms": given,
                          "boxes": [[num(v) for v in b] for b in inp], "labels": RA_LABELS.tolist(),
                          "expected_boxes": [[num(v) for v in b] for b in np.asarray(out["boxes"])[0]],
                          "expected_labels": np.asarray(out["labels"])[0].astype(int).tolist()})
    return {"tolerance": 1e-4, "why": "Keras rotates the corners with float32 sines and cosines, ours in double:"
            " ~1e-6 of coordinates up to ~20", "cases": cases}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "api", "src", "test", "resources", "io", "jdatagen", "layers",
        "golden", "points.json")
    layer_cases = layers()
    layer_error = max(ERRORS)
    ERRORS.clear()
    generator = {"tolerance": TOLERANCE, "box_tolerance": 1e-6,
                 "box_why": "the boxes are the exact map in double; ours in double: rounding only",
                 "keras_reference": [generator_case(p, False) for p in GENERATOR_PARAMS],
                 "documented": [generator_case(p, True) for p in GENERATOR_PARAMS]}
    generator_error = max(ERRORS)
    assert layer_error < TOLERANCE / 2 and generator_error < TOLERANCE / 2, (layer_error, generator_error)
    doc = {"meta": {"keras": keras.__version__, "backend": keras.backend.backend(), "sigma": SIGMA,
                    "radius": RADIUS, "border_ring": RING, "tolerance": TOLERANCE,
                    "why": "the intensity centroid of a Gaussian blob (sigma 2 px) after a bilinear warp sits on the"
                           " mapped centre up to the resampling's discretization error (measured_error, against the"
                           " exact map where the script knows it), at most half of 0.05 px",
                    "measured_error": {"layers": num(layer_error, 3), "generator": num(generator_error, 3)}},
           "layers": layer_cases, "generator": generator, "rand_augment_boxes": rand_augment_boxes()}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    total = sum(len(c["points"]) for layer in layer_cases.values() for c in layer["cases"])
    print("wrote", path, "layer points", total, "errors", layer_error, generator_error)


if __name__ == "__main__":
    main()
