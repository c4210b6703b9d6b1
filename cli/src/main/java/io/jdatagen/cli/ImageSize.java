package io.jdatagen.cli;

import io.jdatagen.io.PixelLimit;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An image size given as {@code HEIGHTxWIDTH} (e.g. {@code 224x224}).
 *
 * @param height rows, >= 1
 * @param width columns, >= 1
 */
record ImageSize(int height, int width) {
    /** As {@code {height, width}}. */
    int[] toArray() {
        return new int[] {height, width};
    }

    /** As given on the command line: {@code HEIGHTxWIDTH}. */
    @Override
    public String toString() {
        return height + "x" + width;
    }

    /** Parses {@code HEIGHTxWIDTH}. */
    static final class Converter implements ITypeConverter<ImageSize> {
        @Override
        public ImageSize convert(String value) {
            String[] parts = value.toLowerCase(Locale.ROOT).split("x", -1);
            try {
                if (parts.length == 2) {
                    int h = Integer.parseInt(parts[0].trim());
                    int w = Integer.parseInt(parts[1].trim());
                    PixelLimit limit = PixelLimit.defaults();
                    if (h >= 1 && w >= 1 && limit.limited() && (long) h * w > limit.refuseAbove()) {
                        throw new TypeConversionException("expected HEIGHTxWIDTH of at most " + limit.refuseAbove()
                                + " pixels, twice the image pixel limit (-D" + PixelLimit.PROPERTY + "=N raises it);"
                                + " got '" + value + "' = " + (long) h * w + " pixels");
                    }
                    if (h >= 1 && w >= 1) {
                        return new ImageSize(h, w);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected HEIGHTxWIDTH with both >= 1 (e.g. 224x224); got '" + value
                    + "'");
        }
    }
}
