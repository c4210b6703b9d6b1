/**
 * Turns JMH's JSON results into the Markdown report and PNG charts under {@code bench/reports/}.
 * Entry point: {@link io.jdatagen.bench.report.ReportGenerator#main}.
 */
package io.jdatagen.bench.report;
