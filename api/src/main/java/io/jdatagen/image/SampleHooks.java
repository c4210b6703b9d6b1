package io.jdatagen.image;

import io.jdatagen.flow.SampleFunction;

/**
 * The context-aware hooks of a generator (mltk's): one run on each resized image before its
 * augmentation, one run on each augmented image first in standardization. Either may be null.
 *
 * @param preAugmentation run after the resize, before augmentation
 * @param preprocessing run after augmentation, before rescale and normalisation
 */
record SampleHooks(SampleFunction preAugmentation, SampleFunction preprocessing) {
    static final SampleHooks NONE = new SampleHooks(null, null);
}
