package io.jdatagen.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the tool answers a usage error (an unknown option, a bad option value, a missing argument):
 * one line naming the command and the problem, picocli's suggestions for a mistyped name if it has
 * any, and a hint to the command's {@code --help}, instead of picocli's default of the whole usage
 * after the message. Exits with {@link ExitStatus#USAGE}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + name + " --help' for the options.");
        err.flush();
        return ExitStatus.USAGE;
    }
}
