package org.roadcoder.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.core.storage.StatsStorage;
import org.roadcoder.search.stats.BackgroundStatsRouter;
import org.roadcoder.search.stats.TrainingStats;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.train.NetworkFactory;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.runtime.Dl4jRuntime;

/**
 * What DL4J's training-UI statistics cost a training step (issue 13): trains a network of the issue's
 * size on one random batch with a {@link StatsListener} writing to a stats file, as {@code train} does,
 * and times the listener's own calls ({@link TimedListener}) apart from the rest of the step. A report
 * (every {@code training.stats_every} iterations) costs {@code report} seconds, an iteration without
 * one {@code between}; the overhead at a reporting interval N is {@code (report / N + between) / step}.
 * Then times whole steps without the listener and with it at a few intervals ({@code --every}), in
 * alternated blocks, as a check that nothing outside the listener's calls changes.
 *
 * <pre>
 * mvn -B -q -pl training-app -am test-compile exec:exec@stats-cost -Dbench.args="--width 0.25 --size 128"
 * </pre>
 */
public final class StatsListenerCost {

    private StatsListenerCost() {
    }

    public static void main(String[] args) throws IOException {
        Dl4jRuntime.configure();
        Map<String, String> a = Arguments.parse(args, Map.of("--width", "0.25", "--size", "128", "--hidden", "300",
                "--batch", "16", "--steps", "30", "--blocks", "4", "--every", "0,1,10,50", "--stock", "on"));
        double width = Double.parseDouble(a.get("--width"));
        int size = Integer.parseInt(a.get("--size"));
        int batch = Integer.parseInt(a.get("--batch"));
        int steps = Integer.parseInt(a.get("--steps"));
        LabelSchema schema = LabelSchema.load(Path.of("data/labels.yaml"));
        OutputLayout layout = Layouts.of(schema);
        ModelConfig model = ConfigLoader.load(null, List.of("model.backbone=vgg11-bn", "model.weights=random",
                "model.width_multiplier=" + width, "model.input_size=" + size, "model.hidden=" + a.get("--hidden"),
                "model.dropout=0.5", "model.loss=bce", "model.feature_lr=0.0001", "model.classifier_lr=0.001"))
                .model();
        ComputationGraph net = NetworkFactory.build(model, layout, 42, WeightsSource.defaults(),
                new PrintWriter(System.err, true)).net();
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, size, size).muli(255);
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, layout.size()).gt(0.5).castTo(DataType.FLOAT);
        DataSet data = new DataSet(x, y);
        Path dir = Files.createTempDirectory("roadcoder-stats-cost");
        System.out.printf(Locale.ROOT, "VGG11-BN width %s, %d px, batch %d, %,d parameters; load %s%n", width, size,
                batch, net.numParams(), load());
        for (int i = 0; i < 3; i++) {
            net.fit(data);
        }
        // 1. the listener's own time, reporting every iteration and (almost) never
        boolean withStock = "on".equals(a.get("--stock"));
        FileStatsStorage file = new FileStatsStorage(dir.resolve("stock.bin").toFile());
        Split stock = withStock ? listenerSeconds(net, data, new StatsListener(file, 1), steps) : new Split(0, 1);
        file.close();
        Split memory = withStock ? listenerSeconds(net, data, new StatsListener(new InMemoryStatsStorage(), 1), steps)
                : new Split(0, 1);
        file = new FileStatsStorage(dir.resolve("roadcoder.bin").toFile());
        BackgroundStatsRouter background = new BackgroundStatsRouter(file);
        Split every1 = listenerSeconds(net, data, TrainingStats.listener(background, 1), steps);
        background.close();
        file.close();
        file = new FileStatsStorage(dir.resolve("never.bin").toFile());
        background = new BackgroundStatsRouter(file);
        Split never = listenerSeconds(net, data, TrainingStats.listener(background, Integer.MAX_VALUE), steps);
        background.close();
        file.close();
        double step = every1.outside();
        System.out.printf(Locale.ROOT, "DL4J's StatsListener(file, 1), what train ran: %.4f s per report, %.1f%% of "
                + "the step outside it (%.4f s)%n", stock.listener(), 100 * stock.listener() / stock.outside(),
                stock.outside());
        System.out.printf(Locale.ROOT, "the same into an in-memory storage (computing the report alone): %.4f s, "
                + "%.1f%%%n", memory.listener(), 100 * memory.listener() / memory.outside());
        System.out.printf(Locale.ROOT, "roadcoder's listener (TrainingStats: no histograms, BackgroundStatsRouter): "
                + "%.4f s per report, %.2f%% of the step (%.4f s); an iteration without a report: %.5f s (%.3f%%)%n",
                every1.listener(), 100 * every1.listener() / step, step, never.listener(),
                100 * never.listener() / never.outside());
        System.out.printf(Locale.ROOT, "in process CPU time (less distorted by other processes): DL4J's listener "
                + "%.4f s per report, %.1f%% of the step's %.4f s; roadcoder's %.4f s, %.2f%% of %.4f s%n",
                stock.listenerCpu(), 100 * stock.listenerCpu() / stock.outsideCpu(), stock.outsideCpu(),
                every1.listenerCpu(), 100 * every1.listenerCpu() / every1.outsideCpu(), every1.outsideCpu());
        System.out.println("roadcoder's listener:");
        System.out.println("| stats_every | overhead, wall time | overhead, process CPU time | score-chart points per "
                + "1,000 iterations |");
        System.out.println("|---|---|---|---|");
        for (int n : List.of(1, 2, 5, 10, 20, 50, 100)) {
            System.out.printf(Locale.ROOT, "| %d | %.2f%% | %.2f%% | %d |%n", n,
                    100 * (every1.listener() / n + never.listener()) / step,
                    100 * (every1.listenerCpu() / n + never.listenerCpu()) / every1.outsideCpu(), 1000 / n);
        }
        // 2. whole steps in alternated blocks (ABC CBA ...): no listener, and the listener at some intervals
        int blocks = Integer.parseInt(a.get("--blocks"));
        if (blocks == 0) {
            return;
        }
        List<Integer> variants = Arrays.stream(a.get("--every").split(",")).map(Integer::valueOf).toList();
        double[][] seconds = new double[variants.size()][blocks];
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < variants.size(); k++) {
                int v = b % 2 == 0 ? k : variants.size() - 1 - k;
                seconds[v][b] = blockSeconds(net, data, dir.resolve("block" + b + "-" + v + ".bin"), variants.get(v),
                        steps);
            }
        }
        System.out.printf(Locale.ROOT, "whole steps, %d alternated blocks of %d steps (0 = no listener); load %s%n",
                blocks, steps, load());
        System.out.println("| stats_every | s per step (median block) | against no listener (median of block ratios) |");
        System.out.println("|---|---|---|");
        for (int k = 0; k < variants.size(); k++) {
            double[] ratios = new double[blocks];
            int row = k;
            Arrays.setAll(ratios, b -> seconds[row][b] / seconds[0][b]);
            System.out.printf(Locale.ROOT, "| %s | %.4f | %+.1f%% |%n", variants.get(k) == 0 ? "none" : variants.get(k),
                    median(seconds[k]), 100 * (median(ratios) - 1));
        }
    }

    /** Median seconds per step spent in the listener's calls and outside them, wall and process CPU. */
    private record Split(double listener, double outside, double listenerCpu, double outsideCpu) {
        Split(double listener, double outside) {
            this(listener, outside, 0, 1);
        }
    }

    private static Split listenerSeconds(ComputationGraph net, DataSet data, StatsListener listener, int steps) {
        double[] inListener = new double[steps];
        double[] outside = new double[steps];
        double[] cpuIn = new double[steps];
        double[] cpuOut = new double[steps];
        try {
            TimedListener timed = new TimedListener(listener);
            net.setListeners(timed);
            for (int i = 0; i < steps; i++) {
                timed.reset();
                double c0 = TimedListener.processCpuSeconds();
                long t0 = System.nanoTime();
                net.fit(data);
                double total = (System.nanoTime() - t0) / 1e9;
                inListener[i] = timed.seconds();
                outside[i] = total - timed.seconds();
                cpuIn[i] = timed.cpuSeconds();
                cpuOut[i] = TimedListener.processCpuSeconds() - c0 - timed.cpuSeconds();
            }
        } finally {
            net.setListeners();
        }
        // a run that (almost) never reports still reports at its first iteration, with the initialisation report
        boolean everyIteration = listener.getUpdateConfig().reportingFrequency() == 1;
        int from = everyIteration ? 0 : 1;
        return new Split(median(Arrays.copyOfRange(inListener, from, steps)), median(outside),
                median(Arrays.copyOfRange(cpuIn, from, steps)), median(cpuOut));
    }

    /** Seconds per step over {@code steps} steps, with a stats listener reporting every {@code every} (0: none). */
    private static double blockSeconds(ComputationGraph net, DataSet data, Path statsFile, int every, int steps) {
        FileStatsStorage stats = new FileStatsStorage(statsFile.toFile());
        BackgroundStatsRouter router = new BackgroundStatsRouter(stats);
        try {
            if (every > 0) {
                net.setListeners(TrainingStats.listener(router, every));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.fit(data);
            }
            return (System.nanoTime() - t0) / 1e9 / steps;
        } finally {
            net.setListeners();
            router.close();
            close(stats);
        }
    }

    private static void close(StatsStorage stats) {
        try {
            stats.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return "?";
        }
    }
}
