package io.jdatagen.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks on option values, reported as usage errors naming the option. */
final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * Throws a usage error unless {@code value >= min}.
     *
     * @throws ParameterException {@code "OPTION must be >= MIN; got: VALUE"}
     */
    static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be >= " + min + "; got: " + value);
        }
    }
}
