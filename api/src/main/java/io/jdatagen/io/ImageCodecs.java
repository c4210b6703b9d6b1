package io.jdatagen.io;

import io.jdatagen.core.OptionNames;
import io.jdatagen.spi.Availability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds image codecs with {@link ServiceLoader} and picks one: the one named by
 * {@code -Djdatagen.codec=NAME} (or {@code JDATAGEN_CODEC}), else the available one with the
 * highest priority ({@code opencv} when its libraries are on the class path, else {@code imageio}).
 */
public final class ImageCodecs {
    /** System property naming the codec. */
    public static final String PROPERTY = "jdatagen.codec";
    /** Environment variable naming the codec (the property wins). */
    public static final String ENVIRONMENT = "JDATAGEN_CODEC";
    private static final Logger LOG = LoggerFactory.getLogger(ImageCodecs.class);
    private static List<Status> statuses;
    private static ImageCodec current;

    /**
     * A provider and what its probe said.
     *
     * @param provider the codec's provider
     * @param availability whether it can run here, and why not
     */
    public record Status(ImageCodecProvider provider, Availability availability) {
    }

    private ImageCodecs() {
    }

    /** {@return the process-wide codec (selected once, logged once)} */
    public static synchronized ImageCodec current() {
        if (current == null) {
            String requested = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
            current = requested == null || requested.isBlank() ? automatic() : named(requested);
            LOG.info("jdatagen image codec: {}{}", current.name(),
                    requested == null || requested.isBlank() ? " (automatic)" : " (requested)");
        }
        return current;
    }

    /**
     * {@return the codec called {@code name}}
     *
     * @throws IllegalArgumentException naming the codecs there are, if none has that name or it is
     *     not available here (with the reason)
     */
    public static ImageCodec named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Status s : statuses()) {
            if (s.provider().name().equalsIgnoreCase(wanted)) {
                if (!s.availability().available()) {
                    throw new IllegalArgumentException("image codec '" + wanted + "' is not available: "
                            + s.availability().reason());
                }
                return s.provider().create();
            }
        }
        throw new IllegalArgumentException(OptionNames.unknown("image codec", name, statuses().stream()
                .map(s -> s.provider().name()).toList()).getMessage() + " (" + listing() + ")");
    }

    /** {@return every codec found, with its availability, highest priority first} */
    public static synchronized List<Status> statuses() {
        if (statuses == null) {
            List<Status> found = new ArrayList<>();
            for (ImageCodecProvider p : ServiceLoader.load(ImageCodecProvider.class,
                    ImageCodecs.class.getClassLoader())) {
                found.add(new Status(p, probe(p)));
            }
            found.sort(Comparator.comparingInt((Status s) -> -s.provider().priority()));
            statuses = List.copyOf(found);
        }
        return statuses;
    }

    /** {@return one line per codec: name, priority, availability and reason} */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Status s : statuses()) {
            sb.append(String.format(Locale.ROOT, "  %-8s priority %4d  %-11s %s%n", s.provider().name(),
                    s.provider().priority(), s.availability().available() ? "available" : "unavailable",
                    s.availability().reason()));
        }
        return sb.toString();
    }

    private static ImageCodec automatic() {
        for (Status s : statuses()) {
            if (s.availability().available()) {
                return s.provider().create();
            }
        }
        throw new IllegalStateException("no image codec is available; codecs: " + listing());
    }

    private static String listing() {
        return statuses().stream().map(s -> s.provider().name() + " (" + s.availability().reason() + ")")
                .collect(Collectors.joining(", "));
    }

    private static Availability probe(ImageCodecProvider p) {
        try {
            return p.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("probe failed: " + e);
        }
    }
}
