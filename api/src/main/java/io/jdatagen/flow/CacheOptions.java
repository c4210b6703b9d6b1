package io.jdatagen.flow;

import java.nio.file.Path;

/**
 * The decoded-sample cache of a file flow ({@link FileFlowOptions#cache}): each file's 8-bit image
 * after decode, EXIF orientation, color mode and resize is kept so that later epochs only augment.
 * Up to {@code memoryBytes} of pixels stay on the heap; the rest is appended to a spill file and read
 * back with positional reads. Batches are byte-identical to those of the same flow without a cache.
 *
 * <p>With {@code file} null the spill file is a temporary file, deleted when the flow is closed (and
 * at JVM exit as a fallback). A named file is kept and reused by later flows: entries whose source
 * file still has the same path, size and modification time are served from it; a file written with
 * other reading options (color mode, target size, interpolation, aspect, EXIF, reduced decode, codec,
 * pixel limit) or another format version is rebuilt; a damaged or truncated entry is decoded again.
 * A named file is locked while a flow has it open: a second flow, in this process or another, is
 * refused instead of sharing it.
 *
 * @param memoryBytes the heap budget for pixels, in bytes (0: every image goes to the spill file)
 * @param file the spill file to keep and reuse, or null for a temporary one
 */
public record CacheOptions(long memoryBytes, Path file) {
    /**
     * Checks the budget.
     *
     * @param memoryBytes the heap budget for pixels, in bytes (0: every image goes to the spill file)
     * @param file the spill file to keep and reuse, or null for a temporary one
     * @throws IllegalArgumentException if {@code memoryBytes} is negative
     */
    public CacheOptions {
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("cache memoryBytes must be >= 0; got: " + memoryBytes);
        }
    }

    /**
     * {@return a cache of {@code memoryBytes} on the heap that spills the rest to a temporary file}
     *
     * @param memoryBytes the heap budget for pixels, in bytes
     */
    public static CacheOptions inMemory(long memoryBytes) {
        return new CacheOptions(memoryBytes, null);
    }

    /**
     * {@return these options spilling to {@code spillFile}, which is kept for later runs}
     *
     * @param spillFile the file
     */
    public CacheOptions spillTo(Path spillFile) {
        return new CacheOptions(memoryBytes, spillFile);
    }
}
