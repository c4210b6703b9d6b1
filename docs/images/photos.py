"""Writes the README preview's source photos: four natural-looking scenes drawn procedurally
(fractal noise, no downloaded data), 192x144 JPEGs under docs/images/photos/.

Usage: python3 docs/images/photos.py   (numpy and Pillow; the same files every run)
"""
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

W, H = 192, 144
OUT = Path(__file__).resolve().parent / "photos"


def fbm2(rng, h, w, octaves=6, base=4, persistence=0.5):
    """Fractal (value) noise in 0..1: bilinearly upsampled random grids, summed over octaves."""
    total = np.zeros((h, w))
    amp, norm = 1.0, 0.0
    for o in range(octaves):
        n = base * 2 ** o
        grid = rng.random((n + 1, n + 1))
        img = Image.fromarray((grid * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
        total += amp * np.asarray(img, dtype=float) / 255
        norm += amp
        amp *= persistence
    t = total / norm
    return (t - t.min()) / (t.max() - t.min())


def fbm1(rng, n, octaves=7, base=3, persistence=0.55):
    """Fractal noise along one axis, in 0..1."""
    x = np.linspace(0, 1, n)
    total = np.zeros(n)
    amp, norm = 1.0, 0.0
    for o in range(octaves):
        k = base * 2 ** o
        pts = rng.random(k + 1)
        total += amp * np.interp(x * k, np.arange(k + 1), pts)
        norm += amp
        amp *= persistence
    t = total / norm
    return (t - t.min()) / (t.max() - t.min())


def lerp(a, b, t):
    t = np.asarray(t)[..., None]
    return np.asarray(a, float) * (1 - t) + np.asarray(b, float) * t


def mountains(rng):
    y = np.linspace(0, 1, H)[:, None] * np.ones((1, W))
    sky = lerp([70, 120, 190], [200, 220, 235], y / 0.6)
    clouds = fbm2(rng, H, W, base=3)
    sky = lerp(sky, [245, 245, 248], np.clip((clouds - 0.55) * 2.5, 0, 1) * (1 - y))
    img = sky
    layers = [(0.30, 0.22, [120, 135, 165], True), (0.45, 0.18, [85, 100, 115], False),
              (0.60, 0.14, [55, 75, 60], False)]
    for base, amp, color, snow in layers:
        ridge = base + amp * (fbm1(rng, W) - 0.5) * 2
        rows = np.arange(H)[:, None] / H
        mask = rows > ridge[None, :]
        shade = fbm2(rng, H, W, base=8)
        col = lerp(color, np.array(color) * 0.6, shade)
        if snow:
            depth = rows - ridge[None, :]
            col = lerp(col, [240, 243, 250], np.clip((0.07 - depth) / 0.05, 0, 1) * (shade > 0.35))
        img = np.where(mask[..., None], col, img)
    lake = 0.74
    rows = np.arange(H)
    top = int(lake * H)
    for r in range(top, H):
        src = 2 * top - r - 1
        ripple = (fbm1(rng, W, octaves=4, base=6) - 0.5) * 3
        cols = np.clip(np.arange(W) + ripple.astype(int), 0, W - 1)
        img[r] = img[max(src, 0), cols] * 0.75 + np.array([20, 35, 55]) * 0.25
    grass = fbm2(rng, H, W, base=16)
    shore = np.clip((rows[:, None] / H - 0.9) * 12, 0, 1) * np.ones((1, W))
    img = lerp(img, lerp([60, 90, 35], [110, 140, 50], grass), shore)
    return img


def sunset(rng):
    y = np.linspace(0, 1, H)[:, None] * np.ones((1, W))
    x = np.linspace(0, 1, W)[None, :] * np.ones((H, 1))
    horizon = 0.58
    sky = lerp([60, 40, 100], [250, 150, 70], np.clip(y / horizon, 0, 1) ** 1.3)
    sx, sy = 0.62, horizon - 0.08
    d = np.sqrt(((x - sx) * W / H) ** 2 + (y - sy) ** 2)
    sky = lerp(sky, [255, 230, 160], np.exp(-d * 7) * 0.9)
    sky = np.where((d < 0.06)[..., None], [255, 245, 210], sky)
    clouds = fbm2(rng, H, W, base=3)
    streak = np.clip((clouds - 0.5) * 3, 0, 1) * np.exp(-((y - 0.3) / 0.15) ** 2)
    sky = lerp(sky, [120, 60, 90], streak * 0.8)
    img = sky.copy()
    top = int(horizon * H)
    for r in range(top, H):
        src = 2 * top - r - 1
        depth = (r - top) / (H - top)
        waves = fbm1(rng, W, octaves=5, base=8)
        shift = ((waves - 0.5) * (2 + 10 * depth)).astype(int)
        cols = np.clip(np.arange(W) + shift, 0, W - 1)
        row = img[max(src, 0), cols]
        img[r] = row * (0.8 - 0.35 * depth) + np.array([15, 25, 50]) * (0.2 + 0.35 * depth)
    land = 0.52 + 0.06 * (fbm1(rng, W, base=2) - 0.5) - 0.08 * np.clip(0.35 - np.linspace(0, 1, W), 0, 1) * 3
    mask = (y > land[None, :]) & (y < horizon) & (x < 0.45)
    img = np.where(mask[..., None], [35, 25, 45], img)
    return img


def dunes(rng):
    y = np.linspace(0, 1, H)[:, None] * np.ones((1, W))
    x = np.linspace(0, 1, W)
    img = lerp([80, 140, 210], [215, 225, 232], y / 0.4)
    rows = np.arange(H)[:, None] / H
    layers = [(0.40, 0.04, [205, 160, 115], 1.5), (0.55, 0.07, [215, 155, 100], 1.1), (0.74, 0.10, [225, 150, 85], 0.8)]
    for base, amp, color, freq in layers:
        p1, p2 = rng.random(2)
        ridge = base + amp * (0.7 * np.sin(2 * np.pi * (freq * x + p1)) + 0.3 * np.sin(2 * np.pi * (2.3 * freq * x + p2)))
        slope = np.gradient(ridge, x)
        lit = np.clip(0.5 - slope * 0.8, 0.0, 1.0)[None, :]
        depth = rows - ridge[None, :]
        near = np.exp(-np.clip(depth, 0, None) * 8)
        col = lerp(np.array(color) * 0.6, np.array(color) * 1.08, lit * near + 0.55 * (1 - near))
        grain = fbm2(rng, H, W, base=6, octaves=3)
        col *= (0.95 + 0.08 * grain)[..., None]
        img = np.where((depth > 0)[..., None], col, img)
    return img


def pebbles(rng):
    n = 70
    pts = rng.random((n, 2)) * [H, W]
    sizes = rng.uniform(0.8, 1.25, n)
    colors = rng.choice(np.array([[170, 160, 150], [120, 115, 110], [200, 190, 175], [140, 120, 100],
                                  [90, 95, 100], [185, 170, 140]]), n)
    rows, cols = np.mgrid[0:H, 0:W]
    d = np.full((n, H, W), np.inf)
    for i, (py, px) in enumerate(pts):
        d[i] = np.hypot(rows - py, cols - px) / sizes[i]
    order = np.sort(d, axis=0)
    nearest = np.argmin(d, axis=0)
    edge = np.clip((order[1] - order[0]) / 6, 0, 1)
    py, px = pts[nearest, 0], pts[nearest, 1]
    dy, dx = (rows - py), (cols - px)
    light = np.clip(0.75 - (dx + dy) / 60, 0.4, 1.05) * (0.35 + 0.65 * np.sqrt(edge))
    grain = fbm2(rng, H, W, base=32, octaves=2)
    img = colors[nearest] * light[..., None] * (0.9 + 0.2 * grain)[..., None]
    return img


def main():
    OUT.mkdir(exist_ok=True)
    rng = np.random.default_rng(2026)
    for name, draw in [("1-mountains", mountains), ("2-sunset", sunset), ("3-dunes", dunes), ("4-pebbles", pebbles)]:
        pixels = np.clip(draw(rng), 0, 255).astype(np.uint8)
        image = Image.fromarray(pixels).filter(ImageFilter.GaussianBlur(0.6))
        image.save(OUT / f"{name}.jpg", quality=88, optimize=True)
        print(OUT / f"{name}.jpg", (OUT / f"{name}.jpg").stat().st_size, "bytes")


if __name__ == "__main__":
    main()
