package io.jdatagen.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar (me.tongfei progressbar) on an interactive terminal; elsewhere (a pipe, a file,
 * a CI log) plain lines at most once a second and a last one at the end. Thread-safe.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** Starts a progress display of {@code total} steps named {@code task}; plain lines go to {@code plain}. */
    static Progress start(String task, long total, String unit, PrintWriter plain) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).showSpeed();
        if (interactive()) {
            b.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK);
        } else {
            b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000)
                    .setConsumer(new DelegatingProgressBarConsumer(new LinePrinter(plain), 100));
        }
        b.setUnit(" " + unit, 1);
        return new Progress(b.build());
    }

    /** Advances by {@code n} steps. */
    void step(long n) {
        bar.stepBy(n);
    }

    @Override
    public void close() {
        bar.close();
    }

    /** Prints each rendered line once: the bar re-renders unchanged lines on refresh and on close. */
    private static final class LinePrinter implements Consumer<String> {
        private final PrintWriter out;
        private String last;

        LinePrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void accept(String line) {
            String stripped = line.strip();
            if (!stripped.equals(last)) {
                out.println(stripped);
                out.flush();
                last = stripped;
            }
        }
    }

    /** Whether standard input and output are a terminal (JDK 22+ says so through {@code Console.isTerminal}). */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
