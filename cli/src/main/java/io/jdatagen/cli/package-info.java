/**
 * The command-line tool {@code jdatagen} (picocli): {@code demo}, {@code preview},
 * {@code augment} and {@code backends}. Entry point: {@link io.jdatagen.cli.Jdatagen#main}. Only the
 * runnable jar carries picocli and the progress bar; library users never load this package.
 */
package io.jdatagen.cli;
