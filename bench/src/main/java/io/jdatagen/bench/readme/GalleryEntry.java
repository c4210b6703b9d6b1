package io.jdatagen.bench.readme;

import java.util.List;

/**
 * One layer of the gallery: the arguments it is shown with (a config as Keras's {@code get_config()} writes
 * it, the keys left out taking Keras's defaults), strong enough for the effect to be seen on a small tile,
 * one line on what the layer does, and the values shown black and white (the layer's output range).
 *
 * @param className Keras's class name, as {@code KerasLayers.classNames()} lists it
 * @param arguments the layer's config as a JSON object
 * @param description one sentence for the gallery page
 * @param displayLow the output value drawn black
 * @param displayHigh the output value drawn white
 */
record GalleryEntry(String className, String arguments, String description, double displayLow, double displayHigh) {
    /** An entry whose output is in the photos' range, 0 to 255. */
    GalleryEntry(String className, String arguments, String description) {
        this(className, arguments, description, 0, 255);
    }

    /** The gallery's layers, one per class of {@code KerasLayers}, by class name. */
    static final List<GalleryEntry> ALL = List.of(
            new GalleryEntry("AugMix", "{\"value_range\": [0, 255], \"num_chains\": 3, \"chain_depth\": 3,"
                    + " \"factor\": 0.5, \"alpha\": 1.0, \"all_ops\": true}",
                    "Mixes the image with `num_chains` chains of 1 to 3 random operations each (weights from a"
                            + " Dirichlet, the image's share from Beta(`alpha`, `alpha`)), as in AugMix."),
            new GalleryEntry("AutoContrast", "{\"value_range\": [0, 255]}",
                    "Stretches each channel of each image so that its darkest value becomes the bottom of"
                            + " `value_range` and its brightest the top; not random."),
            new GalleryEntry("CenterCrop", "{\"height\": 56, \"width\": 56}",
                    "Crops the centre `height` × `width` of each image (an image smaller than that is resized"
                            + " to the largest window of the target's aspect); not random."),
            new GalleryEntry("ContrastLimitedAdaptiveHistogramEqualization",
                    "{\"value_range\": [0, 255], \"clip_limit\": 4.0, \"tile_grid_size\": [4, 4]}",
                    "Equalizes the histogram of each tile of a `tile_grid_size` grid, each histogram clipped at"
                            + " `clip_limit` times its mean, blending neighbouring tiles' mappings (CLAHE); not"
                            + " random."),
            new GalleryEntry("CutMix", "{\"factor\": 1.0}",
                    "Pastes into each image a rectangle of another image of the batch (a shuffle of it: possibly"
                            + " the image itself), its sides √(1 − λ) of the image's, λ drawn from Beta(α, α) and α"
                            + " from `factor`, and mixes the labels by the pasted area (shown on a batch of the two"
                            + " photos)."),
            new GalleryEntry("Equalization", "{\"bins\": 256, \"value_range\": [0, 255]}",
                    "Equalizes the histogram of each channel of each image over `bins` bins; not random."),
            new GalleryEntry("MaxNumBoundingBoxes", "{\"max_number\": 10}",
                    "Pads or truncates each image's bounding boxes to `max_number` (padding boxes and labels -1);"
                            + " the images are left as they are."),
            new GalleryEntry("MixUp", "{\"alpha\": 1.0}",
                    "Blends each image with another image of the batch (a shuffle of it: possibly the image"
                            + " itself), and the labels alike, by a weight drawn"
                            + " from Beta(`alpha`, `alpha`) (shown on a batch of the two photos)."),
            new GalleryEntry("Normalization",
                    "{\"axis\": [-1], \"mean\": [120.0, 110.0, 100.0], \"variance\": [3600.0, 3600.0, 3600.0]}",
                    "Subtracts the mean and divides by the standard deviation of each channel (given, or"
                            + " learnt by `adapt`); not random. Shown from −2 (black) to 2 (white).",
                    -2, 2),
            new GalleryEntry("RandAugment", "{\"value_range\": [0, 255], \"num_ops\": 2, \"factor\": 0.5}",
                    "Applies `num_ops` operations picked at random per image from eleven (contrast, brightness,"
                            + " rotation, shear, translation, posterization, solarization...), each with a"
                            + " magnitude drawn from `factor`."),
            new GalleryEntry("RandomBrightness", "{\"factor\": 0.4, \"value_range\": [0, 255]}",
                    "Adds to every pixel of an image one offset drawn from ±`factor` of the value range,"
                            + " then clips to the range."),
            new GalleryEntry("RandomColorDegeneration", "{\"factor\": 0.9, \"value_range\": [0, 255]}",
                    "Moves each image towards its grayscale version, `v` + `f` × (gray − `v`), `f` drawn from"
                            + " `factor` (a single number f is kept as [−f, f]: a negative `f` saturates instead),"
                            + " then clips to the value range."),
            new GalleryEntry("RandomColorJitter",
                    "{\"value_range\": [0, 255], \"brightness_factor\": 0.3, \"contrast_factor\": 0.4,"
                            + " \"saturation_factor\": [0.2, 0.8], \"hue_factor\": 0.2}",
                    "Runs RandomBrightness, RandomContrast, RandomSaturation and RandomHue in turn, each with"
                            + " its own factor."),
            new GalleryEntry("RandomContrast", "{\"factor\": [0.5, 0.5], \"value_range\": [0, 255]}",
                    "Scales each image's distance from its per-channel mean by a factor drawn from"
                            + " [1 − `factor[0]`, 1 + `factor[1]`], then clips to the value range (Keras keeps a"
                            + " single number f as [0, f], which only raises the contrast; [f, f] lowers it too)."),
            new GalleryEntry("RandomCrop", "{\"height\": 56, \"width\": 56}",
                    "Crops a `height` × `width` window at a random position of each image."),
            new GalleryEntry("RandomElasticTransform",
                    "{\"factor\": [1.0, 1.0], \"scale\": [0.5, 1.0], \"fill_mode\": \"reflect\", \"value_range\": [0, 255]}",
                    "Moves every pixel by a smooth random displacement (Gaussian noise blurred over ~`s`/20 of"
                            + " the shorter side, `s` drawn from `scale`); Keras moves rows and columns alike, so"
                            + " pixels move along the diagonal."),
            new GalleryEntry("RandomErasing", "{\"factor\": [1.0, 1.0], \"scale\": [0.1, 0.4], \"value_range\": [0, 255]}",
                    "With a probability drawn from `factor`, fills a rectangle at a random place, each side"
                            + " √`s` of the image's (`s` drawn from `scale`), with `fill_value` (Gaussian noise"
                            + " when it is null)."),
            new GalleryEntry("RandomFlip", "{\"mode\": \"horizontal_and_vertical\"}",
                    "Mirrors each image left–right and, independently, top–bottom, each with probability ½."),
            new GalleryEntry("RandomGaussianBlur",
                    "{\"factor\": [1.0, 1.0], \"kernel_size\": 7, \"sigma\": [0.5, 1.0], \"value_range\": [0, 255]}",
                    "With a probability drawn from `factor`, blurs the image with a `kernel_size` Gaussian"
                            + " kernel whose sigmas (across and down) are drawn from `sigma`."),
            new GalleryEntry("RandomGrayscale", "{\"factor\": 0.5}",
                    "Turns each image to grayscale (three equal channels) with probability `factor`."),
            new GalleryEntry("RandomHue", "{\"factor\": 0.5, \"value_range\": [0, 255]}",
                    "Turns the hue of each image by ±`f`/2 of a full turn, `f` drawn from [0, `factor`] and the"
                            + " sign at random."),
            new GalleryEntry("RandomInvert", "{\"factor\": 0.5, \"value_range\": [0, 255]}",
                    "Inverts each image (`v` ↦ `value_range[1]` − `v`) with a probability drawn from [0, `factor`]."),
            new GalleryEntry("RandomPerspective", "{\"factor\": [1.0, 1.0], \"scale\": 0.5}",
                    "Moves three corners of each image (each coordinate by up to ±`scale`/2 of itself; the top-left"
                            + " corner stays) and warps the image to match, filling with `fill_value`."),
            new GalleryEntry("RandomPosterization", "{\"factor\": [3, 5], \"value_range\": [0, 255]}",
                    "Keeps only the top few bits of each 8-bit value, their number drawn from `factor`:"
                            + " fewer tones."),
            new GalleryEntry("RandomRotation", "{\"factor\": 0.1, \"fill_mode\": \"reflect\"}",
                    "Rotates each image about its centre by an angle drawn from ±`factor` of a full turn,"
                            + " filling the corners by `fill_mode`."),
            new GalleryEntry("RandomSaturation", "{\"factor\": [0.0, 1.0], \"value_range\": [0, 255]}",
                    "Scales each image's saturation by a factor drawn from `factor` (0.5 keeps it, 0 removes"
                            + " the colour, 1 saturates fully)."),
            new GalleryEntry("RandomSharpness", "{\"factor\": [0.0, 1.0], \"value_range\": [0, 255]}",
                    "Blends each image with a smoothed version of itself by a factor drawn from `factor`:"
                            + " below 0.5 softer, above 0.5 sharper."),
            new GalleryEntry("RandomShear", "{\"x_factor\": 0.3, \"y_factor\": 0.3, \"fill_mode\": \"reflect\"}",
                    "Shears each image along x and y by amounts drawn from ±`x_factor` and ±`y_factor`,"
                            + " filling by `fill_mode`."),
            new GalleryEntry("RandomTranslation",
                    "{\"height_factor\": 0.2, \"width_factor\": 0.2, \"fill_mode\": \"constant\"}",
                    "Shifts each image by fractions of its height and width drawn from the factors, filling"
                            + " the uncovered edge by `fill_mode`."),
            new GalleryEntry("RandomZoom", "{\"height_factor\": [-0.3, 0.3], \"fill_mode\": \"reflect\"}",
                    "Zooms each image in (negative factors) or out (positive ones) by amounts drawn from the"
                            + " factors, the width as the height unless `width_factor` is given."),
            new GalleryEntry("Rescaling", "{\"scale\": 0.00392156862745098, \"offset\": 0.0}",
                    "Multiplies every value by `scale` and adds `offset`, here mapping 0–255 to 0–1; not"
                            + " random. Shown from 0 (black) to 1 (white).",
                    0, 1),
            new GalleryEntry("Resizing", "{\"height\": 56, \"width\": 56, \"interpolation\": \"bilinear\"}",
                    "Resizes each image to `height` × `width` (here squeezing the 4:3 photos square); not"
                            + " random."),
            new GalleryEntry("Solarization",
                    "{\"value_range\": [0, 255], \"addition_factor\": 0.0, \"threshold_factor\": [0.2, 0.6]}",
                    "Inverts the values above a threshold drawn from `threshold_factor` of the range (after"
                            + " adding an offset drawn from `addition_factor`)."));
}
