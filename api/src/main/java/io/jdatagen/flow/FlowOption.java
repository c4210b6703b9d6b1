package io.jdatagen.flow;

/**
 * The options of {@link FlowOptions} that only some flows use, each with the group of flows that
 * accepts it; an option set explicitly for a flow outside its group is an error that names it.
 * Options not listed here (batch size, shuffle, seed, subset, saving, augment) apply to every flow.
 */
enum FlowOption {
    IGNORE_CLASS_SPLIT("ignoreClassSplit", Group.ARRAY),
    TARGET_SIZE("targetSize", Group.FILES),
    COLOR_MODE("colorMode", Group.FILES),
    INTERPOLATION("interpolation", Group.FILES),
    KEEP_ASPECT_RATIO("keepAspectRatio", Group.FILES),
    CODEC("codec", Group.FILES),
    EXIF_ORIENTATION("exifOrientation", Group.FILES),
    REDUCED_DECODE("reducedDecode", Group.FILES),
    SKIP_UNREADABLE("skipUnreadable", Group.FILES),
    MAX_IMAGE_PIXELS("maxImagePixels", Group.FILES),
    CACHE("cache", Group.FILES),
    RESIZE_IN_WARP("resizeInWarp", Group.LABELS),
    CLASS_MODE("classMode", Group.LABELS),
    CLASSES("classes", Group.LABELS),
    FOLLOW_LINKS("followLinks", Group.DIRECTORY),
    MAX_SAMPLES_PER_CLASS("maxSamplesPerClass", Group.CLASS_DIRECTORY),
    FILE_LISTER("fileLister", Group.CLASS_DIRECTORY),
    TARGETS("targets", Group.CLASS_DIRECTORY),
    DIRECTORY("directory", Group.DATAFRAME),
    X_COL("xCol", Group.DATAFRAME),
    Y_COL("yCol", Group.DATAFRAME),
    WEIGHT_COL("weightCol", Group.DATAFRAME),
    VALIDATE_FILENAMES("validateFilenames", Group.DATAFRAME),
    MASK_FILL_VALUE("maskFillValue", Group.SEGMENTATION),
    MASK_COLOR_MODE("maskColorMode", Group.SEGMENTATION);

    /** Which flows accept an option. */
    enum Group {
        /** {@code flow} on arrays. */
        ARRAY,
        /** Every flow that reads image files. */
        FILES,
        /** Flows of single images, with class labels or without (directories, data frames). */
        LABELS,
        /** Flows that walk folders (directories, segmentation folders). */
        DIRECTORY,
        /** {@code flowFromDirectory} only (one class per sub-folder). */
        CLASS_DIRECTORY,
        /** {@code flowFromDataframe}. */
        DATAFRAME,
        /** Image and mask pairs. */
        SEGMENTATION
    }

    private final String builderName;
    private final Group group;

    FlowOption(String builderName, Group group) {
        this.builderName = builderName;
        this.group = group;
    }

    /** The builder method that sets the option. */
    String builderName() {
        return builderName;
    }

    /** The flows that accept it. */
    Group group() {
        return group;
    }
}
