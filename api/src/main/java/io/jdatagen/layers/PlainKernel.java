package io.jdatagen.layers;

import io.jdatagen.spi.PixelKernel;

/** The plain loops of {@link PixelKernel}, for the passes of a layer run where no backend is at hand. */
final class PlainKernel implements PixelKernel {
    static final PixelKernel INSTANCE = new PlainKernel();

    private PlainKernel() {
    }
}
