package io.jdatagen.flow;

import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageReadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What directory and data-frame sources share: the file-name white list, the loader, the skip policy. */
final class FileSources {
    /** Keras's {@code white_list_formats}, matched as a case-insensitive suffix with no dot check. */
    static final List<String> WHITE_LIST = List.of("png", "jpg", "jpeg", "bmp", "ppm", "tif", "tiff");
    private static final Logger LOG = LoggerFactory.getLogger(FileSources.class);

    private FileSources() {
    }

    /** Whether {@code name} ends with a white-listed extension (Keras: {@code lower().endswith(...)}). */
    static boolean isWhiteListed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : WHITE_LIST) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    static ImageFileReader loader(FlowOptions o) {
        return new ImageFileReader(o.codec != null ? o.codec : ImageCodecs.current(), o.colorMode, o.targetSize,
                o.interpolation, o.keepAspectRatio, o.exifOrientation, o.reducedDecode, o.pixelLimit);
    }

    /**
     * {@return every option that shapes a loaded image, as the key a sample cache file is written
     * with: {@code kind} (what one entry holds), the codec, color mode, target size, filter, aspect,
     * EXIF, reduced-decode and pixel-limit settings}
     *
     * @param kind what the flow caches per sample, e.g. the resized image or the image and its mask
     * @param o the flow's options
     * @param loader the reader the flow decodes with
     */
    static String cacheKey(String kind, FlowOptions o, ImageFileReader loader) {
        return kind + ";codec=" + loader.codec().name() + ";colorMode=" + o.colorMode.configName() + ";targetSize="
                + o.targetSize[0] + "x" + o.targetSize[1] + ";interpolation=" + o.interpolation.configName()
                + ";keepAspectRatio=" + o.keepAspectRatio + ";exifOrientation=" + o.exifOrientation
                + ";reducedDecode=" + o.reducedDecode + ";maxImagePixels=" + o.pixelLimit.warnAbove();
    }

    /**
     * The indices of {@code paths} that {@code loader} can load; the others are added to
     * {@code skipped} and reported in one warning.
     */
    static List<Integer> readable(List<Path> paths, ImageFileReader loader, List<Path> skipped) {
        return readable(paths.size(), i -> loader.load(paths.get(i)), skipped);
    }

    /**
     * The indices in {@code [0, count)} whose samples {@code load} reads; the files of the others
     * (as their {@link ImageReadException} names them) are added to {@code skipped} and reported in
     * one warning.
     */
    static List<Integer> readable(int count, IntConsumer load, List<Path> skipped) {
        List<Integer> kept = new ArrayList<>(count);
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                load.accept(i);
                kept.add(i);
            } catch (ImageReadException e) {
                skipped.addAll(e.paths());
                reasons.add(e.getMessage());
            }
        }
        if (!reasons.isEmpty()) {
            LOG.warn("Skipped {} unreadable image file(s):\n  {}", reasons.size(),
                    reasons.stream().collect(Collectors.joining("\n  ")));
        }
        return kept;
    }
}
