package org.roadcoder.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.runtime.Dl4jRuntime;

/**
 * Where a DL4J training step spends its time (issue 7): runs a speed case's training steps under Java
 * Flight Recorder, samples the training thread every 10 ms whether it is in Java or in native code
 * (oneDNN, ND4J ops), and attributes each sample to a phase (forward, backward, updater), a layer type
 * and the innermost layer-level method. Prints one table; the PyTorch counterpart is
 * {@code dl4j-model/src/test/python/profile_step.py}.
 *
 * <pre>
 * mvn -B -q -pl dl4j-model test-compile exec:exec@train-profile -Dbench.args="--case train-vgg11bn-128"
 * </pre>
 */
public final class TrainingProfile {

    private static final int STEPS = 6;

    private TrainingProfile() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Dl4jRuntime.configure();
        SpeedSettings settings = SpeedSettings.parse(SpeedBenchmark.words(args));
        SpeedCase c = settings.cases().get(0);
        int batch = settings.batchFor(c);
        OutputLayout layout = TestLayouts.roadcoder();
        ComputationGraph net = SpeedNetwork.forTraining(c, settings, layout);
        INDArray x = SpeedNetwork.randomInput(c, settings, batch);
        DataSet data = new DataSet(x, TestLayouts.randomLabels(layout, batch, 7, settings.dtype()));
        for (int i = 0; i < settings.warmupFor(c); i++) {
            net.fit(data);
            System.out.printf(Locale.ROOT, "after warm-up step %d: peak resident %.0f MB, resident now %.0f MB%n", i + 1,
                    Dl4jSpeedRun.peakMegabytes(), org.bytedeco.javacpp.Pointer.physicalBytes() / 1048576.0);
        }
        PeakWatch peak = PeakWatch.start(Thread.currentThread());
        Path file = Files.createTempFile("roadcoder-profile", ".jfr");
        int steps = STEPS * Math.max(4, c.passes()); // enough samples for the narrow networks' short steps
        long[] stepNanos = new long[steps];
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.GarbageCollection");
            recording.start();
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                net.fit(data);
                stepNanos[i] = System.nanoTime() - t0;
            }
            recording.stop();
            recording.dump(file);
        }
        double step = Arrays.stream(stepNanos).sorted().toArray()[steps / 2] / 1e9;
        System.out.printf(Locale.ROOT, "case %s, batch %d, format %s: median step %.3f s (%.2f img/s), %d steps sampled, "
                + "helper %s%n", c.id(), batch, settings.format(), step, batch / step, steps, SpeedNetwork.helperOf(net));
        print(RecordingFile.readAllEvents(file), step);
        Files.delete(file);
        printMemory(net);
        System.out.println(peak.stop());
    }

    /** Where the resident memory is: ND4J workspaces (activations, gradients), parameters, heap, the rest. */
    private static void printMemory(ComputationGraph net) throws IOException {
        System.out.println();
        System.out.println("| memory | MB |");
        System.out.println("|---|---|");
        long workspaces = 0;
        for (org.nd4j.linalg.api.memory.MemoryWorkspace ws : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            workspaces += ws.getCurrentSize();
            System.out.printf(Locale.ROOT, "| workspace %s | %.0f |%n", ws.getId(), ws.getCurrentSize() / 1e6);
        }
        long params = net.params().length() * 4;
        long updater = net.getUpdater() == null || net.getUpdater().getStateViewArray() == null ? 0
                : net.getUpdater().getStateViewArray().length() * 4;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "| all workspaces | %.0f |%n", workspaces / 1e6);
        System.out.printf(Locale.ROOT, "| parameters + their gradients | %.0f |%n", 2 * params / 1e6);
        System.out.printf(Locale.ROOT, "| updater state (Adam) | %.0f |%n", updater / 1e6);
        System.out.printf(Locale.ROOT, "| Java heap committed (used) | %.0f (%.0f) |%n", rt.totalMemory() / 1e6,
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
        System.out.printf(Locale.ROOT, "| JavaCPP off-heap total (physical) | %.0f (%.0f) |%n",
                org.bytedeco.javacpp.Pointer.totalBytes() / 1e6, org.bytedeco.javacpp.Pointer.physicalBytes() / 1e6);
        System.out.printf(Locale.ROOT, "| process peak resident (VmHWM) | %.0f |%n", Dl4jSpeedRun.peakMegabytes() * 1.048576);
    }

    private static void print(List<RecordedEvent> events, double step) {
        Map<String, Integer> rows = new TreeMap<>();
        Map<String, Integer> phases = new TreeMap<>();
        double gcSeconds = 0;
        int total = 0;
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("jdk.GarbageCollection")) {
                gcSeconds += e.getDuration("sumOfPauses").toNanos() / 1e9;
                continue;
            }
            if (e.getStackTrace() == null || e.getThread("sampledThread") == null
                    || !"main".equals(e.getThread("sampledThread").getJavaName())) {
                continue;
            }
            Sample s = Sample.of(e.getStackTrace().getFrames());
            rows.merge(s.phase + " | " + s.layer + " | " + s.detail, 1, Integer::sum);
            phases.merge(s.phase, 1, Integer::sum);
            total++;
        }
        int n = total;
        System.out.printf(Locale.ROOT, "%d samples on the training thread; GC pauses %.3f s in all%n%n", n, gcSeconds);
        System.out.println("| phase | share | s per step |");
        System.out.println("|---|---|---|");
        phases.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(r -> System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.3f |%n", r.getKey(),
                        100.0 * r.getValue() / n, step * r.getValue() / n));
        System.out.println();
        System.out.println("| phase | layer | innermost layer-level call > the call it makes | share | s per step |");
        System.out.println("|---|---|---|---|---|");
        List<Map.Entry<String, Integer>> sorted = rows.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).collect(Collectors.toList());
        for (Map.Entry<String, Integer> r : sorted) {
            if (100.0 * r.getValue() / n < 0.3) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.3f |%n", r.getKey(), 100.0 * r.getValue() / n,
                    step * r.getValue() / n);
        }
    }

    /** One sample's attribution, from its stack (frame 0 innermost). */
    private record Sample(String phase, String layer, String detail) {

        static Sample of(List<RecordedFrame> frames) {
            List<String> names = new ArrayList<>();
            for (RecordedFrame f : frames) {
                names.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
            String phase = "other";
            if (names.stream().anyMatch(n -> n.contains(".updater.") || n.contains("StepFunction"))) {
                phase = "updater";
            } else if (names.stream().anyMatch(n -> n.endsWith("calcBackpropGradients"))) {
                phase = "backward";
            } else if (names.stream().anyMatch(n -> n.contains("ffToLayerActivations") || n.endsWith(".activate"))) {
                phase = "forward";
            }
            String layer = "-";
            String detail = names.isEmpty() ? "-" : shortName(names.get(0));
            for (int i = names.size() - 1; i >= 0; i--) {
                if (isLayer(names.get(i))) {
                    layer = simpleClass(names.get(i));
                    break;
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (isLayer(name) || name.contains(".layers.mkldnn.") || name.contains(".updater.")
                        || name.contains(".learning.") || name.contains(".lossfunctions.")
                        || name.startsWith("org.roadcoder")) {
                    detail = shortName(name) + (i > 0 ? " > " + shortName(names.get(i - 1)) : "");
                    break;
                }
            }
            return new Sample(phase, layer, detail);
        }

        private static boolean isLayer(String name) {
            return (name.startsWith("org.deeplearning4j.nn.layers.") && !name.contains(".mkldnn."))
                    || name.startsWith("org.roadcoder.model.layers.");
        }

        private static String simpleClass(String name) {
            String type = name.substring(0, name.lastIndexOf('.'));
            return type.substring(type.lastIndexOf('.') + 1);
        }

        private static String shortName(String name) {
            String type = name.substring(0, name.lastIndexOf('.'));
            return type.substring(type.lastIndexOf('.') + 1) + name.substring(name.lastIndexOf('.'));
        }
    }
}
