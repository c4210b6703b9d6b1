package io.jdatagen.augment;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import java.util.Objects;

/**
 * How a pipeline's warp samples the source: interpolation, the fill outside the source and the period
 * convention of {@link FillMode#WRAP}.
 *
 * @param interpolation the interpolation of the augmentation warp (and of the resize before it)
 * @param fillMode what the warp reads outside the source
 * @param fillValue the value read outside the source with {@link FillMode#CONSTANT}, in source units
 * @param wrapConvention the period of {@link FillMode#WRAP}
 */
public record Resampling(Interpolation interpolation, FillMode fillMode, double fillValue,
        WrapConvention wrapConvention) {
    /** Rejects nulls. */
    public Resampling {
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(fillMode, "fillMode");
        Objects.requireNonNull(wrapConvention, "wrapConvention");
    }

    /** {@code plan} with these settings. */
    WarpPlan.Builder applyTo(WarpPlan.Builder plan) {
        return plan.interpolation(interpolation).fill(fillMode, fillValue).wrapConvention(wrapConvention);
    }
}
