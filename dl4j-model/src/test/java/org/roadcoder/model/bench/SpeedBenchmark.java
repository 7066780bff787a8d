package org.roadcoder.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 4's speed benchmark: images/s of DL4J and of PyTorch (2 threads) on the same networks, in one
 * run, as ratios. Each case runs in a fresh child JVM (its peak memory is its own) beside a PyTorch
 * process, their timed steps interleaved ({@link InterleavedCase}) because the machine is shared; the
 * load averages are printed beside every case. Images/s come from the median step time.
 *
 * <pre>mvn -B -q -pl dl4j-model test-compile exec:exec@speed-bench [-Dbench.args="--repeats 2 ..."]</pre>
 *
 * Options: {@value SpeedSettings#USAGE}.
 */
public final class SpeedBenchmark {

    private SpeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        SpeedSettings s = SpeedSettings.parse(words(args));
        System.out.printf("roadcoder speed benchmark: %s%n", s.describe());
        System.out.printf("machine: %d cores, load %s, Java %s; PyTorch via %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                s.torch() ? s.python() : "(off)");
        System.out.println();
        System.out.println(SpeedRow.HEADER);
        List<SpeedRow> rows = new ArrayList<>();
        for (int r = 0; r < s.repeats(); r++) {
            for (SpeedCase c : s.cases()) {
                for (SpeedRow row : InterleavedCase.run(c, s)) {
                    rows.add(row);
                    System.out.println(row.markdown());
                }
            }
        }
        System.out.println();
        double peak = StepFlops.measuredPeakGigaflops();
        System.out.printf(Locale.ROOT, "Arithmetic throughput (convolutions and dense layers), against this machine's "
                + "measured ceiling, ND4J sgemm 4096^3 on 2 cores: %.0f GFLOP/s:%n", peak);
        System.out.println("| case | DL4J layout | GFLOP per image | DL4J GFLOP/s | PyTorch GFLOP/s | DL4J % of peak "
                + "| PyTorch % of peak |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (SpeedRow row : rows) {
            double d = StepFlops.gigaflops(row.c(), row.batch(), row.batch() / row.dl4jImagesPerSecond());
            double t = StepFlops.gigaflops(row.c(), row.batch(), row.batch() / row.torchImagesPerSecond());
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.1f | %.1f | %.0f%% | %.0f%% |%n", row.c().id(),
                    row.format(), StepFlops.perImage(row.c()) / 1e9, d, t, 100 * d / peak, 100 * t / peak);
        }
        System.out.println();
        rows.forEach(row -> row.failures().forEach(System.out::println));
        System.out.println(SpeedRow.summary(rows));
    }

    /** Maven passes {@code -Dbench.args} as one argument (or an empty one): split it into words. */
    static String[] words(String[] args) {
        return java.util.Arrays.stream(args).flatMap(a -> java.util.Arrays.stream(a.trim().split("\\s+")))
                .filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** The kernel's 1, 5 and 15 minute load averages ("?" where /proc is missing). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.format(Locale.ROOT, "%s/%s/%s", f[0], f[1], f[2]);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
