package io.jdatagen.image;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import java.util.Objects;

/**
 * How {@link AffineTransforms} resamples: image axes, fill mode and value, interpolation order,
 * geometry convention and backend. Immutable; the {@code with*} methods return copies.
 *
 * @param axes the image's axes
 * @param fillMode boundary handling
 * @param cval the constant fill value (Keras's {@code cval})
 * @param interpolation nearest (order 0) or bilinear (order 1)
 * @param compatibility geometry convention
 * @param backend the backend, or null for the process-wide selection ({@link Backends#current()})
 */
public record WarpOptions(ImageAxes axes, FillMode fillMode, double cval, Interpolation interpolation,
        Compatibility compatibility, Backend backend) {

    /**
     * Rejects null settings (other than the backend).
     */
    public WarpOptions {
        Objects.requireNonNull(axes, "axes");
        Objects.requireNonNull(fillMode, "fillMode");
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(compatibility, "compatibility");
    }

    /**
     * {@return channels-last axes, nearest fill, cval 0, bilinear, {@link Compatibility#DOCUMENTED}, the
     * selected backend} (Keras's function defaults to channels-first axes; pass them explicitly when porting
     * such calls.)
     */
    public static WarpOptions defaults() {
        return new WarpOptions(ImageAxes.CHANNELS_LAST, FillMode.NEAREST, 0, Interpolation.BILINEAR,
                Compatibility.DOCUMENTED, null);
    }

    /**
     * {@return Keras's function arguments ({@code axes, fill_mode, cval, order}) in the given convention}
     */
    public static WarpOptions of(ImageAxes axes, FillMode fillMode, double cval, int order,
            Compatibility compatibility) {
        return new WarpOptions(axes, fillMode, cval, Interpolation.fromOrder(order), compatibility, null);
    }

    /**
     * {@return a copy with other axes}
     */
    public WarpOptions withAxes(ImageAxes newAxes) {
        return new WarpOptions(newAxes, fillMode, cval, interpolation, compatibility, backend);
    }

    /**
     * {@return a copy with another fill mode and value}
     */
    public WarpOptions withFill(FillMode mode, double value) {
        return new WarpOptions(axes, mode, value, interpolation, compatibility, backend);
    }

    /**
     * {@return a copy with another interpolation}
     */
    public WarpOptions withInterpolation(Interpolation newInterpolation) {
        return new WarpOptions(axes, fillMode, cval, newInterpolation, compatibility, backend);
    }

    /**
     * {@return a copy with another geometry convention}
     */
    public WarpOptions withCompatibility(Compatibility newCompatibility) {
        return new WarpOptions(axes, fillMode, cval, interpolation, newCompatibility, backend);
    }

    /**
     * {@return a copy running on the given backend (null: the process-wide selection)}
     */
    public WarpOptions withBackend(Backend newBackend) {
        return new WarpOptions(axes, fillMode, cval, interpolation, compatibility, newBackend);
    }

    /** {@return the backend to run on: the one set, or the process-wide selection} */
    public Backend resolvedBackend() {
        return backend != null ? backend : Backends.current();
    }

    /** {@return the resampling settings of a warp with these options (the period of wrap from the compatibility)} */
    io.jdatagen.augment.Resampling resampling() {
        return new io.jdatagen.augment.Resampling(interpolation, fillMode, cval, compatibility.wrapConvention());
    }
}
