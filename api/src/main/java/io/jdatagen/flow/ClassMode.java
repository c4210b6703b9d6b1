package io.jdatagen.flow;

import io.jdatagen.core.OptionNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a file source yields as targets (Keras's {@code class_mode}). */
public enum ClassMode {
    /** One-hot (multi-hot for multi-label rows) float vectors. */
    CATEGORICAL,
    /** Class index 0 or 1 as a float. */
    BINARY,
    /** Class index as a float. */
    SPARSE,
    /** The images themselves (autoencoders); a copy of the inputs. */
    INPUT,
    /** One target per {@code y} column (data frames only). */
    MULTI_OUTPUT,
    /** The {@code y} column values as they are (data frames only). */
    RAW,
    /** No targets. */
    NONE;

    private static final Logger LOG = LoggerFactory.getLogger(ClassMode.class);

    /** {@return Keras's spelling ({@code categorical}, ..., and {@code none} for Python's None)} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses Keras's spelling under {@link OptionNames}' rule, case and surrounding blanks ignored
     * ({@code null} or {@code "none"} is {@link #NONE}; {@code "other"} is Keras's deprecated alias
     * of {@code "raw"}, accepted with its warning).
     *
     * @return the class mode
     * @throws IllegalArgumentException for an unknown name, with Keras's message listing the names and
     *     a hint when one is close
     */
    public static ClassMode fromName(String name) {
        if (name == null) {
            return NONE;
        }
        if (name.strip().equalsIgnoreCase("other")) {
            LOG.warn("`class_mode` \"other\" is deprecated, please use `class_mode` \"raw\".");
            return RAW;
        }
        List<ClassMode> modes = Arrays.asList(values());
        return OptionNames.find(name, modes, ClassMode::configName).orElseThrow(() -> new IllegalArgumentException(
                "Invalid class_mode: " + name + "; expected one of: {categorical, binary, sparse, input,"
                        + " multi_output, raw, none}" + OptionNames.hint(name, modes.stream()
                                .map(ClassMode::configName).toList()).replaceFirst("^ ", ". ")));
    }

    /** Whether targets are built from class indices (categorical, binary, sparse). */
    boolean usesClasses() {
        return this == CATEGORICAL || this == BINARY || this == SPARSE;
    }
}
