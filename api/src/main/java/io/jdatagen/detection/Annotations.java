package io.jdatagen.detection;

import java.util.List;

/**
 * A data set's annotated images and its class names: label {@code c} of a box is
 * {@code classNames().get(c)}.
 *
 * @param classNames the classes, in label order (each reader says how it orders them)
 * @param images the images in the source's order, those without boxes included
 */
public record Annotations(List<String> classNames, List<AnnotatedImage> images) {
    /** Copies the lists. */
    public Annotations {
        classNames = List.copyOf(classNames);
        images = List.copyOf(images);
    }

    /** {@return these annotations with the crowd boxes left out when {@code crowd} says so} */
    Annotations apply(CrowdBoxes crowd) {
        if (crowd == CrowdBoxes.KEEP) {
            return this;
        }
        return new Annotations(classNames, images.stream().map(AnnotatedImage::withoutCrowd).toList());
    }
}
