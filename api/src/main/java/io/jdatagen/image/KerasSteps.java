package io.jdatagen.image;

import io.jdatagen.augment.BrightnessShift;
import io.jdatagen.augment.ChannelShift;
import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.KerasFlips;
import io.jdatagen.augment.MeanContrast;
import io.jdatagen.augment.NoiseStep;
import io.jdatagen.augment.Step;
import io.jdatagen.spi.MatrixKernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Keras's {@code ImageDataGenerator} as a list of steps: the one place that writes down Keras's order,
 * and the translation between what the steps draw and Keras's parameter dict ({@link TransformParameters}).
 */
final class KerasSteps {
    private final KerasAffineStep affine;
    private final KerasFlips flips;
    private final ChannelShift channelShift;
    private final BrightnessShift brightness;
    private final List<Step> mltk = new ArrayList<>();
    private final Step standardize;

    KerasSteps(GeneratorOptions o, Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics,
            MatrixKernel kernel) {
        ImageAxes axes = ImageAxes.of(o.dataFormat());
        this.affine = new KerasAffineStep(o, axes, o.compatibility());
        this.flips = new KerasFlips(o.horizontalFlip(), o.verticalFlip());
        this.channelShift = new ChannelShift(o.channelShiftRange());
        this.brightness = new BrightnessShift(o.brightnessRange(), false);
        if (o.contrastRange() != null) {
            mltk.add(new MeanContrast(o.contrastRange()[0], o.contrastRange()[1]));
        }
        if (!o.noise().isEmpty()) {
            mltk.add(new NoiseStep(o.noise()));
        }
        this.standardize = StandardizeStep.of(standardizer, statistics, kernel);
    }

    /**
     * The generator's steps in order, which is also the order of the draws: Keras's rotation, shifts
     * ({@link Compatibility} decides which is drawn first), shear and zoom as one geometric step; the two
     * flip coins (drawn whatever the flags); the user's geometric steps, which join the same warp; Keras's
     * channel shift and brightness; mltk's contrast and noise (drawn after the warp); the user's
     * color-linear, pixel and batch steps; and standardize.
     */
    List<Step> steps(List<Step> user) {
        List<Step> steps = new ArrayList<>(List.of(affine, flips));
        user.stream().filter(s -> s instanceof GeometricStep<?>).forEach(steps::add);
        steps.add(channelShift);
        steps.add(brightness);
        steps.addAll(mltk);
        user.stream().filter(s -> !(s instanceof GeometricStep<?>)).forEach(steps::add);
        steps.add(standardize);
        return steps;
    }

    /** {@return what Keras's steps drew, as Keras's parameter dict (user steps are not in it)} */
    TransformParameters parameters(Drawn drawn) {
        KerasAffineStep.Affine a = (KerasAffineStep.Affine) drawn.get(affine);
        if (a == null) {
            a = KerasAffineStep.Affine.IDENTITY;
        }
        KerasFlips.Flips f = (KerasFlips.Flips) drawn.get(flips);
        Double shift = (Double) drawn.get(channelShift);
        Double factor = (Double) drawn.get(brightness);
        return new TransformParameters(a.theta(), a.tx(), a.ty(), a.shear(), a.zx(), a.zy(),
                f != null && f.horizontal(), f != null && f.vertical(),
                shift == null ? OptionalDouble.empty() : OptionalDouble.of(shift),
                factor == null ? OptionalDouble.empty() : OptionalDouble.of(factor));
    }

    /** {@return Keras's parameter dict {@code p} as parameters of Keras's steps} */
    Map<Step, Object> given(TransformParameters p) {
        Map<Step, Object> m = new HashMap<>();
        m.put(affine, new KerasAffineStep.Affine(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy()));
        if (p.flipHorizontal() || p.flipVertical()) {
            m.put(flips, new KerasFlips.Flips(p.flipHorizontal(), p.flipVertical()));
        }
        p.channelShiftIntensity().ifPresent(v -> m.put(channelShift, v));
        p.brightness().ifPresent(v -> m.put(brightness, v));
        return m;
    }
}
