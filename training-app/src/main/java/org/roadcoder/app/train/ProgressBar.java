package org.roadcoder.app.train;

import java.io.PrintWriter;

/**
 * One line per epoch, redrawn in place: {@code epoch 2/8 [=======>      ] 14/30 batches  loss 0.4132  ETA 0:21}.
 * Redraws at most every 200 ms; {@link #finish()} clears it for the epoch's summary line.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private final PrintWriter out;
    private final String prefix;
    private final int total;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter out, String prefix, int total) {
        this.out = out;
        this.prefix = prefix;
        this.total = Math.max(1, total);
    }

    void update(int done, double loss) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        double eta = done == 0 ? 0 : seconds / done * (total - done);
        int filled = (int) Math.round(WIDTH * (double) done / total);
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(WIDTH - filled);
        out.printf("\r%s [%s] %d/%d batches  loss %.4f  ETA %s ", prefix, bar, done, total, loss, clock(eta));
        out.flush();
    }

    void finish() {
        out.print("\r" + " ".repeat(prefix.length() + WIDTH + 60) + "\r");
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
