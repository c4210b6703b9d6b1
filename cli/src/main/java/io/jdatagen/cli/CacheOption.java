package io.jdatagen.cli;

import io.jdatagen.flow.CacheOptions;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --cache} and {@code --cache-file} options of the commands that read an image folder
 * more than once: the flow's decoded-sample cache ({@link CacheOptions}), so that passes after the
 * first only augment. Off unless one of them is given.
 */
final class CacheOption {
    /** The forms a usage error lists. */
    static final String FORMS = "a whole number of bytes >= 0 with an optional unit: B, KB, MB, GB, TB (powers of"
            + " 1,000) or KiB, MiB, GiB, TiB (powers of 1,024), e.g. 0, 512MB, 2GiB";

    @Option(names = "--cache", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Keep each image as loaded (decoded, resized) after its first read: up to SIZE bytes on the"
                    + " heap, such as 512MB or 2GiB (KB, MB, GB, TB count in powers of 1,000, KiB, MiB, GiB, TiB in"
                    + " powers of 1,024), the rest in a spill file; 0 spills everything. The batches are the same"
                    + " bytes as without a cache.")
    Long size;

    @Option(names = "--cache-file", paramLabel = "PATH",
            description = "The spill file of the cache, kept for later runs over the same images (default with"
                    + " --cache: a temporary file deleted at the end). Alone, it implies --cache 0.")
    Path file;

    /** {@return the cache the options ask for, or null when neither option was given} */
    CacheOptions options() {
        if (size == null && file == null) {
            return null;
        }
        CacheOptions options = CacheOptions.inMemory(size == null ? 0 : size);
        return file == null ? options : options.spillTo(file);
    }

    /** {@link ByteSize#parse}, its refusal a usage error that names the value and {@link #FORMS}. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return ByteSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected " + FORMS + "; got '" + value + "'");
            }
        }
    }
}
