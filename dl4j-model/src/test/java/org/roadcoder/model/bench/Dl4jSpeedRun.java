package org.roadcoder.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.runtime.Dl4jRuntime;

/**
 * DL4J side of the speed benchmark: one case in one layout in its own JVM, so that its peak memory
 * (VmHWM) is its own. Inference steps take an NCHW batch, as prediction does, and an NHWC network
 * permutes it inside the timed step. {@link SpeedBenchmark} launches it and drives it like the PyTorch
 * side ({@code speed_bench.py}): after the warm-up it prints {@code READY}; each {@code step} on stdin
 * runs one timed step ({@link SpeedCase#passes()} passes) and prints {@code STEP seconds}; anything
 * else ends it with one {@code RESULT key=value ...} line.
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
        INDArray x = SpeedNetwork.randomInput(c, settings, batch);
        ComputationGraph graph;
        Runnable step;
        if (c.training()) {
            ComputationGraph net = SpeedNetwork.forTraining(c, settings, layout);
            DataSet data = new DataSet(x, TestLayouts.randomLabels(layout, batch, 7, settings.dtype()));
            graph = net;
            step = () -> net.fit(data);
        } else {
            InferenceNet net = SpeedNetwork.forInference(c, settings, layout);
            graph = net.graph();
            step = settings.call() == SpeedSettings.Call.SINGLE ? () -> net.output(x)
                    : () -> net.graph().output(net.toInput(x));
        }
        Runnable timed = () -> {
            for (int pass = 0; pass < c.passes(); pass++) {
                step.run();
            }
        };
        for (int i = 0; i < settings.warmupFor(c); i++) {
            timed.run();
        }
        System.out.println("READY");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); "step".equals(command); command = commands.readLine()) {
            long t0 = System.nanoTime();
            timed.run();
            System.out.printf(Locale.ROOT, "STEP %.6f%n", (System.nanoTime() - t0) / 1e9);
            System.out.flush();
        }
        System.out.printf(Locale.ROOT, "RESULT peak_mb=%.0f threads=%d helpers=%s%n", peakMegabytes(),
                Nd4j.getEnvironment().maxThreads(), SpeedNetwork.helperOf(graph));
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
