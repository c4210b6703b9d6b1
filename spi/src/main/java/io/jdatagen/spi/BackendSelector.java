package io.jdatagen.spi;

import io.jdatagen.core.OptionNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Chooses a backend among providers: a requested name wins (and fails loudly if unknown or
 * unavailable); otherwise the available provider with the highest priority. Each provider is
 * probed once per selector.
 */
public final class BackendSelector {
    /**
     * A provider with the result of its probe.
     *
     * @param provider the provider probed
     * @param availability whether it can run here, and why not
     */
    public record ProviderStatus(BackendProvider provider, Availability availability) {
        /** {@return the provider's name} */
        public String name() {
            return provider.name();
        }

        /** {@return the provider's priority} */
        public int priority() {
            return provider.priority();
        }
    }

    /**
     * The outcome of a selection.
     *
     * @param backend the created backend
     * @param requested whether the backend was named explicitly
     * @param explanation one line: what was chosen, and what was skipped and why
     */
    public record Selection(Backend backend, boolean requested, String explanation) {
    }

    private final List<ProviderStatus> statuses;

    /**
     * Probes each provider once and orders them by priority (highest first), then name.
     */
    public BackendSelector(List<? extends BackendProvider> providers) {
        List<ProviderStatus> list = new ArrayList<>();
        for (BackendProvider p : providers) {
            list.add(new ProviderStatus(p, safeProbe(p)));
        }
        list.sort(Comparator.comparingInt(ProviderStatus::priority).reversed()
                .thenComparing(ProviderStatus::name));
        this.statuses = List.copyOf(list);
    }

    private static Availability safeProbe(BackendProvider p) {
        try {
            Availability a = p.probe();
            return a != null ? a : Availability.unavailable("probe returned no answer");
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("probe failed: " + e, e);
        }
    }

    /** {@return every provider with its probe result, highest priority first} */
    public List<ProviderStatus> statuses() {
        return statuses;
    }

    /**
     * Selects the named backend, or the best available one when {@code requested} is null or blank.
     *
     * @return the selection
     * @throws IllegalArgumentException if the named backend is unknown or unavailable; the message
     *     lists every provider with its priority and reason
     */
    public Selection select(String requested) {
        if (requested != null && !requested.isBlank()) {
            String name = requested.trim().toLowerCase(Locale.ROOT);
            for (ProviderStatus s : statuses) {
                if (s.name().equalsIgnoreCase(name)) {
                    if (!s.availability().available()) {
                        throw new IllegalArgumentException("backend '" + name + "' was requested but is"
                                + " unavailable: " + s.availability().reason() + ". Providers: "
                                + listing(), s.availability().cause());
                    }
                    return new Selection(s.provider().create(), true,
                            "jdatagen backend: " + name + " (requested)");
                }
            }
            throw new IllegalArgumentException("backend '" + requested + "' was requested but no such"
                    + " backend exists." + OptionNames.hint(requested, statuses.stream().map(ProviderStatus::name)
                            .toList()) + " Providers: " + listing());
        }
        for (ProviderStatus s : statuses) {
            if (s.availability().available()) {
                String skipped = statuses.stream().filter(o -> o != s && !o.availability().available())
                        .map(o -> o.name() + " (" + o.availability().reason() + ")")
                        .collect(Collectors.joining("; "));
                return new Selection(s.provider().create(), false, "jdatagen backend: chose " + s.name()
                        + " (priority " + s.priority() + ", " + s.availability().reason() + ")"
                        + (skipped.isEmpty() ? "" : "; skipped " + skipped));
            }
        }
        throw new IllegalStateException("no jdatagen backend is available. Providers: " + listing());
    }

    /** {@return every provider as {@code name (priority P, available|unavailable: reason)}} */
    public String listing() {
        if (statuses.isEmpty()) {
            return "none found on the class path";
        }
        return statuses.stream().map(s -> s.name() + " (priority " + s.priority() + ", "
                + (s.availability().available() ? "available: " : "unavailable: ")
                + s.availability().reason() + ")").collect(Collectors.joining("; "));
    }

    /**
     * {@return a table of providers: name, priority, availability and reason, with the one named {@code
     * selected} marked by {@code *}}
     */
    public String describe(String selected) {
        int nameWidth = Math.max(7, statuses.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String format = "%-1s %-" + nameWidth + "s %8s  %-11s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "", "backend", "priority", "status", "reason"));
        for (ProviderStatus s : statuses) {
            sb.append(String.format(Locale.ROOT, format, s.name().equals(selected) ? "*" : "",
                    s.name(), s.priority(), s.availability().available() ? "available" : "unavailable",
                    s.availability().reason()));
        }
        return sb.toString();
    }
}
