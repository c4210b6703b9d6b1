package io.jdatagen.augment;

import java.util.Arrays;
import java.util.List;

/**
 * The parameters one sample drew for each step of a {@link StepPipeline}, null for a step that leaves it
 * unchanged (or draws after the warp). Immutable.
 */
public final class Drawn {
    private final List<Step> steps;
    private final Object[] params;

    Drawn(List<Step> steps, Object[] params) {
        this.steps = steps;
        this.params = params;
    }

    /**
     * {@return the parameters {@code step} drew, or null when it left the sample unchanged}
     *
     * @param step a step of the pipeline that drew these parameters (compared by identity)
     * @throws IllegalArgumentException if the pipeline has no such step
     */
    public Object get(Step step) {
        for (int i = 0; i < params.length; i++) {
            if (steps.get(i) == step) {
                return params[i];
            }
        }
        throw new IllegalArgumentException("step " + step.name() + " is not in this pipeline");
    }

    /** Parameters of step {@code i} in list order. */
    Object at(int i) {
        return params[i];
    }

    @Override
    public String toString() {
        return "Drawn" + Arrays.toString(params);
    }
}
