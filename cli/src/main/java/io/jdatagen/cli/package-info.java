/**
 * The command-line tool {@code jdatagen} (picocli): {@code demo}, {@code preview},
 * {@code augment} and {@code backends}. Entry point: {@link io.jdatagen.cli.Jdatagen#main}. It lives in
 * its own artifact, {@code jdatagen-cli} (with the runnable jar), so picocli, the progress bar and
 * an SLF4J binding never reach users of {@code jdatagen-api}.
 */
package io.jdatagen.cli;
