package org.roadcoder.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a process reaches its peak resident memory: polls {@code /proc/self/statm} every millisecond
 * and, at each new maximum, remembers what the watched thread was doing (its innermost DL4J / roadcoder
 * frames). Native allocations (oneDNN's temporary buffers) are invisible to Java tools; this sees them.
 */
final class PeakWatch {

    private static final long PAGE = 4096;

    private final Thread watched;
    private final Thread poller;
    private volatile boolean running = true;
    private long peakBytes;
    private String peakWhere = "-";

    private PeakWatch(Thread watched) {
        this.watched = watched;
        this.poller = new Thread(this::poll, "peak-watch");
        poller.setDaemon(true);
    }

    static PeakWatch start(Thread watched) {
        PeakWatch w = new PeakWatch(watched);
        w.poller.start();
        return w;
    }

    private void poll() {
        Path statm = Path.of("/proc/self/statm");
        while (running) {
            try {
                long rss = Long.parseLong(Files.readString(statm).trim().split("\\s+")[1]) * PAGE;
                if (rss > peakBytes + (1 << 20)) {
                    peakBytes = rss;
                    peakWhere = where(watched.getStackTrace());
                }
                Thread.sleep(1);
            } catch (IOException | RuntimeException e) {
                return; // no /proc: nothing to report
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String where(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(f -> f.getClassName().startsWith("org.deeplearning4j.nn.layers")
                        || f.getClassName().startsWith("org.roadcoder.model.layers")
                        || f.getClassName().startsWith("org.deeplearning4j.nn.updater"))
                .limit(3).map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                        + f.getMethodName()).collect(Collectors.joining(" < "));
    }

    /** Stops polling; one line: the peak while watched and what the thread was doing when it was reached. */
    String stop() throws InterruptedException {
        running = false;
        poller.join();
        return String.format(Locale.ROOT, "peak resident while profiling: %.0f MB, reached in %s", peakBytes / 1048576.0,
                peakWhere.isEmpty() ? "(no layer code on the stack)" : peakWhere);
    }
}
