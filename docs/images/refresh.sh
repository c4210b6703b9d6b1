#!/usr/bin/env bash
# Redraws the README's pictures from committed inputs:
#   docs/images/preview.jpg          the augmentation preview grid (PreviewGrid, as `jdatagen preview` draws
#                                    it) of the photos in docs/images/photos/, by bench's ReadmePreview
#   docs/images/warp-throughput.png  the chart of bench/reports/warp-scaling/results.json (the figures the
#                                    README quotes), by bench's ReadmeChart
#   docs/gallery.md, docs/images/gallery/*.png
#                                    the gallery of the Keras 3 layers: each registered layer on the first two
#                                    photos, one PNG per layer, by bench's LayerGallery
# With --photos it first redraws the photos themselves (docs/images/photos.py; needs python3 with numpy
# and Pillow). The preview and the gallery use the reference backend and the imageio codec, so that it does not depend
# on the machine: the same inputs give the same pictures.
# Usage: docs/images/refresh.sh [--photos]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --photos ]; then
  python3 docs/images/photos.py
fi
mvn -B -q -DskipTests -pl bench -am package
java -Djdatagen.backend=reference -Djdatagen.codec=imageio -cp bench/target/benchmarks.jar \
  io.jdatagen.bench.readme.ReadmePreview docs/images/photos docs/images/preview.jpg
java -cp bench/target/benchmarks.jar io.jdatagen.bench.readme.ReadmeChart \
  bench/reports/warp-scaling/results.json docs/images/warp-throughput.png
java -Djdatagen.backend=reference -Djdatagen.codec=imageio -cp bench/target/benchmarks.jar \
  io.jdatagen.bench.readme.LayerGallery docs/images/photos docs/images/gallery docs/gallery.md
