package org.roadcoder.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.runtime.Dl4jRuntime;

/**
 * DL4J side of the speed benchmark: one case in its own JVM, so that its peak memory (VmHWM) is its
 * own. {@link SpeedBenchmark} launches it; it prints one {@code RESULT key=value ...} line.
 */
public final class Dl4jSpeedRun {

    private Dl4jSpeedRun() {
    }

    public static void main(String[] args) throws IOException {
        Dl4jRuntime.configure();
        SpeedSettings settings = SpeedSettings.parse(args);
        SpeedCase c = settings.cases().get(0);
        int batch = settings.batchFor(c);
        OutputLayout layout = TestLayouts.roadcoder();
        ComputationGraph net = SpeedNetwork.build(c, settings, layout);

        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(settings.dtype(), SpeedNetwork.inputShape(c, settings, batch));
        INDArray y = TestLayouts.randomLabels(layout, batch, 7, settings.dtype());
        Runnable step = c.training() ? () -> net.fit(new DataSet(x, y)) : () -> net.output(x);
        for (int i = 0; i < settings.warmupFor(c); i++) {
            step.run();
        }
        double[] seconds = new double[settings.iterationsFor(c)];
        for (int i = 0; i < seconds.length; i++) {
            long t0 = System.nanoTime();
            step.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        double median = median(seconds);
        System.out.printf(Locale.ROOT, "RESULT images_per_s=%.4f peak_mb=%.0f median_s=%.4f min_s=%.4f max_s=%.4f "
                        + "threads=%d helpers=%s%n", batch / median, peakMegabytes(), median,
                Arrays.stream(seconds).min().orElseThrow(), Arrays.stream(seconds).max().orElseThrow(),
                Nd4j.getEnvironment().maxThreads(), SpeedNetwork.helperOf(net));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** This process's peak resident memory (Linux VmHWM), in MB; NaN where /proc is missing. */
    static double peakMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(Double.NaN);
    }
}
