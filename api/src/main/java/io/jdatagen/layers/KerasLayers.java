package io.jdatagen.layers;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Keras 3 image layers by class name, each made from the config Keras writes for it. Adding a layer is
 * one class with a {@code fromConfig(Map)} factory and one line in the table below.
 */
public final class KerasLayers {
    private static final Map<String, Function<Map<String, Object>, KerasLayer>> FACTORIES = table();

    private KerasLayers() {
    }

    private static Map<String, Function<Map<String, Object>, KerasLayer>> table() {
        Map<String, Function<Map<String, Object>, KerasLayer>> t = new TreeMap<>();
        // color and value layers
        t.put("Rescaling", Rescaling::fromConfig);
        t.put("Normalization", Normalization::fromConfig);
        t.put("RandomBrightness", RandomBrightness::fromConfig);
        t.put("RandomContrast", RandomContrast::fromConfig);
        t.put("RandomInvert", RandomInvert::fromConfig);
        t.put("RandomGrayscale", RandomGrayscale::fromConfig);
        t.put("Solarization", Solarization::fromConfig);
        t.put("RandomPosterization", RandomPosterization::fromConfig);
        t.put("AutoContrast", AutoContrast::fromConfig);
        t.put("RandomColorDegeneration", RandomColorDegeneration::fromConfig);
        t.put("RandomSharpness", RandomSharpness::fromConfig);
        t.put("RandomSaturation", RandomSaturation::fromConfig);
        t.put("RandomHue", RandomHue::fromConfig);
        t.put("RandomColorJitter", RandomColorJitter::fromConfig);

        // geometric layers
        t.put("RandomFlip", RandomFlip::fromConfig);
        t.put("RandomRotation", RandomRotation::fromConfig);
        t.put("RandomTranslation", RandomTranslation::fromConfig);
        t.put("RandomZoom", RandomZoom::fromConfig);
        t.put("RandomShear", RandomShear::fromConfig);
        t.put("CenterCrop", CenterCrop::fromConfig);
        t.put("RandomCrop", RandomCrop::fromConfig);
        t.put("Resizing", Resizing::fromConfig);
        t.put("RandomPerspective", RandomPerspective::fromConfig);
        t.put("RandomElasticTransform", RandomElasticTransform::fromConfig);

        // batch and other layers
        t.put("AugMix", AugMix::fromConfig);
        t.put("ContrastLimitedAdaptiveHistogramEqualization",
                ContrastLimitedAdaptiveHistogramEqualization::fromConfig);
        t.put("CutMix", CutMix::fromConfig);
        t.put("Equalization", Equalization::fromConfig);
        t.put("MaxNumBoundingBoxes", MaxNumBoundingBoxes::fromConfig);
        t.put("MixUp", MixUp::fromConfig);
        t.put("RandAugment", RandAugment::fromConfig);
        t.put("RandomErasing", RandomErasing::fromConfig);
        t.put("RandomGaussianBlur", RandomGaussianBlur::fromConfig);

        return Collections.unmodifiableMap(t);
    }

    /** {@return Keras's class names of the layers this library runs, sorted} */
    public static Set<String> classNames() {
        return FACTORIES.keySet();
    }

    /**
     * {@return the layer that Keras's {@code class_name} and {@code config} describe}
     *
     * @throws IllegalArgumentException naming an unknown class (and the known ones) or an invalid argument
     */
    public static KerasLayer fromConfig(String className, Map<String, Object> config) {
        Function<Map<String, Object>, KerasLayer> factory = FACTORIES.get(className);
        if (factory == null) {
            throw new IllegalArgumentException("unknown Keras layer '" + className + "'; known layers: "
                    + classNames());
        }
        return factory.apply(config);
    }
}
