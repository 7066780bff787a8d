package org.roadcoder.app.train;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress within an epoch. On a terminal, one line redrawn in place, at most every 200 ms:
 * {@code epoch 2/8 [=======>      ] 14/30 batches  loss 0.4132  ETA 0:21}; {@link #finish()} clears it for the
 * epoch's summary line. Written to a file or a pipe ({@code nohup roadcoder train ... > train.log}), carriage
 * returns would pile every redraw of an epoch into one line of the log, so there it prints a plain line
 * (no bar) after the first batch, which says the epoch has started and gives a first ETA, then at most every
 * {@link #LOG_INTERVAL_NS}, and leaves each in place.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long REDRAW_NS = 200_000_000L;
    /** How often a progress line goes to a log. */
    static final long LOG_INTERVAL_NS = 30_000_000_000L;
    private final PrintWriter out;
    private final String prefix;
    private final int total;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long started;
    private long lastDraw;

    ProgressBar(PrintWriter out, String prefix, int total) {
        this(out, prefix, total, System.console() != null, System::nanoTime);
    }

    /** @param terminal whether {@code out} is a terminal (redrawn in place) or a log (plain lines) */
    ProgressBar(PrintWriter out, String prefix, int total, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.prefix = prefix;
        this.total = Math.max(1, total);
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastDraw = started;
    }

    void update(int done, double loss) {
        long now = clock.getAsLong();
        if (terminal ? done < total && now - lastDraw < REDRAW_NS
                : done >= total || done > 1 && now - lastDraw < LOG_INTERVAL_NS) {
            return; // a log gets no line for the last batch: the epoch's summary line follows at once
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        double eta = done == 0 ? 0 : seconds / done * (total - done);
        if (terminal) {
            int filled = (int) Math.round(WIDTH * (double) done / total);
            String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(WIDTH - filled);
            out.printf("\r%s [%s] %d/%d batches  loss %.4f  ETA %s ", prefix, bar, done, total, loss, clock(eta));
        } else {
            out.printf("%s: %d/%d batches  loss %.4f  ETA %s%n", prefix, done, total, loss, clock(eta));
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.print("\r" + " ".repeat(prefix.length() + WIDTH + 60) + "\r");
            out.flush();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
