package io.jdatagen.flow;

import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.PixelLimit;
import io.jdatagen.io.ResizeFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of every flow that reads image files ({@code flowFromDirectory},
 * {@code flowFromDataframe}, {@code flowPairsFromDirectories}): how each file is decoded, oriented,
 * color-converted and resized, which files are left out, and the decoded-sample cache.
 *
 * @param <B> the options type that the setters return
 */
public abstract sealed class FileFlowOptions<B extends FileFlowOptions<B>> extends FlowOptions.Builder<B>
        permits LabelFlowOptions, PairDirectoryFlowOptions {
    FileFlowOptions() {
    }

    /** The size every image is resized to (default 256×256). */
    public B targetSize(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("targetSize must be two sizes >= 1 (height, width); got: "
                    + height + ", " + width);
        }
        this.targetSize = new int[] {height, width};
        return self();
    }

    /** The color mode (default rgb). */
    public B colorMode(ColorMode mode) {
        this.colorMode = Objects.requireNonNull(mode, "colorMode");
        return self();
    }

    /**
     * {@link #colorMode(ColorMode)} by Keras's name. An unknown name is reported by the flow,
     * with Keras's message, as Keras's iterators report it.
     */
    public B colorMode(String name) {
        Optional<ColorMode> mode = ColorMode.find(name);
        if (mode.isPresent()) {
            this.badColorMode = null;
            return colorMode(mode.get());
        }
        this.badColorMode = String.valueOf(name);
        return self();
    }

    /** The resampling filter when resizing (default nearest, as Keras). */
    public B interpolation(ResizeFilter filter) {
        this.interpolation = Objects.requireNonNull(filter, "interpolation");
        this.interpolationSet = true;
        return self();
    }

    /**
     * {@link #interpolation(ResizeFilter)} by Keras's name.
     */
    public B interpolation(String name) {
        return interpolation(ResizeFilter.fromName(name));
    }

    /** Crop the centre to the target's aspect ratio before resizing. */
    public B keepAspectRatio(boolean on) {
        this.keepAspectRatio = on;
        return self();
    }

    /**
     * The codec (default: {@link io.jdatagen.io.ImageCodecs#current()}).
     */
    public B codec(ImageCodec value) {
        this.codec = Objects.requireNonNull(value, "codec");
        return self();
    }

    /** Apply JPEG EXIF orientation (default true; Keras ignores it). */
    public B exifOrientation(boolean apply) {
        this.exifOrientation = apply;
        return self();
    }

    /**
     * Let the codec decode JPEGs at a reduced DCT scale (1/2, 1/4 or 1/8; the {@code opencv}
     * codec, libjpeg-turbo's scaled decoding) when both sides of the reduced image stay at least the
     * target's larger side, then resize that (default false). Faster on photos at least twice the
     * target's size, but the pixels are no longer Keras's: Pillow decodes in full, then resizes. The
     * {@code imageio} codec always decodes in full. Segmentation masks are never DCT-scaled (that
     * would blend labels): a mask whose image was decoded at {@code 1/f} takes, for each
     * {@code f × f} block, the label at the block's centre, so the pair keeps one size; an image
     * and mask are then compared at that scale (sides that round to the same reduced size pass).
     */
    public B reducedDecode(boolean on) {
        this.reducedDecode = on;
        return self();
    }

    /**
     * Decode every file at scan time and leave out the unreadable ones, reporting them (default
     * false: an unreadable file fails its batch, naming the file).
     */
    public B skipUnreadable(boolean on) {
        this.skipUnreadable = on;
        return self();
    }

    /**
     * The decompression-bomb guard, Pillow's {@code Image.MAX_IMAGE_PIXELS}: images of
     * more than {@code pixels} pixels load with a warning, of more than twice that are refused
     * from their header before any pixel is decoded (default 89,478,485, or
     * {@code -Djdatagen.maxImagePixels}; 0: no limit).
     *
     * @param pixels the warning threshold in pixels, or 0 for no limit
     */
    public B maxImagePixels(long pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("maxImagePixels must be >= 0 (0: no limit); got: " + pixels);
        }
        this.pixelLimit = new PixelLimit(pixels);
        return self();
    }

    /**
     * Keep each file's loaded 8-bit image (decoded, oriented, color-converted, resized) so
     * that later epochs only augment; batches stay byte-identical to uncached ones. The heap holds
     * up to the options' budget, the rest is spilled to a file ({@link CacheOptions}). The flow then
     * owns the file: close it ({@code FileFlow.close()}, {@code SegmentationFlow.close()}) to free
     * it. Threads of one process may share the flow; a named file is refused to a second flow.
     *
     * @param options the budget and spill file
     */
    public B cache(CacheOptions options) {
        this.cache = Objects.requireNonNull(options, "cache");
        return self();
    }
}
