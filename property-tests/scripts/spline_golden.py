#!/usr/bin/env python3
"""Writes the spline-order and fill-mode golden cases of the property suite.

Every case is one call of scipy.ndimage.affine_transform (what Keras's apply_affine_transform runs
on each channel plane) on a float32 plane: orders 0 to 5, every boundary mode scipy accepts, three
transforms that send coordinates well outside the image. Pixels whose value changes when the
offset moves by 1e-4 px are listed as fragile (a float32 coordinate may fall on the other side of
a rounding or boundary decision there).

Usage: python3 property-tests/scripts/spline_golden.py [output.json]
(needs numpy and scipy; the default output is the test resource the suite reads)
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy import ndimage

ORDERS = range(6)
MODES = ["constant", "nearest", "reflect", "wrap", "mirror", "grid-wrap", "grid-constant", "grid-mirror"]
CVAL = 37.5
PERTURBATION = 1e-4


def transforms():
    """(name, 2x2 matrix, offset): output (row, col) -> input coordinate, as scipy takes them."""
    out = []
    for name, theta, zoom, shift in [("rot25_zoom0.8", 25.0, 0.8, (1.3, -2.2)),
                                     ("rot-70_zoom1.3", -70.0, 1.3, (-3.1, 4.4)),
                                     ("shear_shift", 0.0, 1.0, (6.7, -7.9))]:
        t = np.deg2rad(theta)
        m = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]]) * zoom
        if name == "shear_shift":
            m = np.array([[1.0, 0.35], [-0.2, 1.1]])
        out.append((name, m, np.array(shift)))
    return out


def main(path):
    rng = np.random.RandomState(20261129)
    planes = {"P6x7": rng.uniform(0, 255, (6, 7)).astype(np.float32),
              "P5x9": rng.uniform(-20, 300, (5, 9)).astype(np.float32)}
    cases = []
    for input_name, plane in planes.items():
        for t_name, m, off in transforms():
            for order in ORDERS:
                for mode in MODES:
                    want = ndimage.affine_transform(plane, m, off, order=order, mode=mode, cval=CVAL)
                    fragile = np.zeros(want.shape, dtype=bool)
                    for d0, d1 in [(PERTURBATION, 0), (-PERTURBATION, 0), (0, PERTURBATION), (0, -PERTURBATION)]:
                        moved = ndimage.affine_transform(plane, m, off + np.array([d0, d1]), order=order, mode=mode,
                                                         cval=CVAL)
                        scale = max(1.0, float(np.abs(want).max()))
                        fragile |= np.abs(moved.astype(np.float64) - want) > 1e-2 * scale
                    cases.append({
                        "id": f"{input_name}_{t_name}_{mode}_o{order}",
                        "input": input_name, "order": order, "mode": mode, "cval": CVAL,
                        "matrix": m.tolist(), "offset": off.tolist(),
                        "output": [float(v) for v in want.ravel()],
                        "fragile": [int(i) for i in np.flatnonzero(fragile.ravel())],
                    })
    doc = {
        "meta": {"generator": "property-tests/scripts/spline_golden.py", "numpy": np.__version__,
                 "scipy": scipy.__version__,
                 "call": "scipy.ndimage.affine_transform(plane, matrix, offset, order, mode, cval), float32 in and out",
                 "fragile": f"pixels that move by more than 1% of the value range when the offset moves {PERTURBATION} px"},
        "inputs": {k: {"shape": list(v.shape), "data": [float(x) for x in v.ravel()]} for k, v in planes.items()},
        "cases": cases,
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "src", "test", "resources", "io", "jdatagen", "golden", "splines.json")
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(default))
