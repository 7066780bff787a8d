package org.roadcoder.data.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.roadcoder.data.iterate.FrameIterators;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;

/**
 * Input pipeline benchmark: CSV read + validation + DataVec join, then JPEG decode + resize +
 * normalise + batch at 224x224, in frames/second; and peak resident memory for 1,000 vs 10,000
 * frames, each in a fresh child JVM with the same options. Run from the repository root:
 * {@code mvn -q -pl datavec-pipeline test-compile exec:exec@pipeline-bench}.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.dir", "/tmp/roadcoder-bench"));
        LabelSchema schema = LabelSchema.load(Path.of("data/labels.yaml").toAbsolutePath());
        if (args.length == 2 && args[0].equals("--child")) {
            child(root, schema, Integer.parseInt(args[1]));
            return;
        }
        System.out.printf("cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Path survey = SyntheticSurvey.create(root, 2000, 224);
        long t0 = System.nanoTime();
        Survey s = Survey.load(survey, schema, ReadOptions.defaults());
        double csvSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("CSV read + validate + join: %d frames in %.2f s (%.0f frames/s)%n",
                s.frames().size(), csvSeconds, s.frames().size() / csvSeconds);
        IteratorOptions base = IteratorOptions.defaults().withBatchSize(32);
        measure("1 decode thread, no prefetch ", s, schema, base.withWorkers(1).withPrefetch(0));
        measure("2 decode threads, no prefetch", s, schema, base.withWorkers(2).withPrefetch(0));
        measure("2 decode threads, prefetch 2 ", s, schema, base.withWorkers(2).withPrefetch(2));
        measure("prefetch 2, augmentation on  ", s, schema,
                base.withWorkers(2).withPrefetch(2).forTraining(org.roadcoder.data.image.Augmentation.defaults()));

        long small = peakRss(root, 1000);
        long large = peakRss(root, 10000);
        System.out.printf("peak RSS, one epoch: 1,000 frames %d MB, 10,000 frames %d MB, ratio %.2f%n",
                small >> 10, large >> 10, (double) large / small);
    }

    private static void measure(String label, Survey s, LabelSchema schema, IteratorOptions options) {
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT and OpenCV
            DataSetIterator it = FrameIterators.create(s.frames(), schema.outputNames(), options);
            long t0 = System.nanoTime();
            int n = 0;
            while (it.hasNext()) {
                DataSet ds = it.next();
                n += ds.numExamples();
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            if (round == 1) {
                System.out.printf("decode+resize+normalise+batch, 224x224, batch 32, %s: %.0f frames/s%n", label, n / sec);
            }
        }
    }

    private static void child(Path root, LabelSchema schema, int frames) throws IOException {
        Survey s = Survey.load(SyntheticSurvey.create(root, frames, 224), schema, ReadOptions.defaults());
        DataSetIterator it = FrameIterators.create(s.frames(), schema.outputNames(),
                IteratorOptions.defaults().withBatchSize(32).withWorkers(2).withPrefetch(2));
        int n = 0;
        while (it.hasNext()) {
            n += it.next().numExamples();
        }
        Runtime rt = Runtime.getRuntime();
        System.err.printf("  %d frames: heap committed %d MB, used %d MB; JavaCPP native %d MB tracked, %d MB physical%n",
                frames, rt.totalMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20,
                org.bytedeco.javacpp.Pointer.totalBytes() >> 20, org.bytedeco.javacpp.Pointer.physicalBytes() >> 20);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println(n + " " + line.replaceAll("\\D", ""));
            }
        }
    }

    /** Peak resident set (kB) of a fresh JVM that reads a survey of {@code frames} and iterates it once. */
    private static long peakRss(Path root, int frames) throws Exception {
        SyntheticSurvey.create(root, frames, 224);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), PipelineBenchmark.class.getName(), "--child", "" + frames));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed (its errors are above)");
        }
        String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        if (Integer.parseInt(parts[0]) != frames) {
            throw new IllegalStateException("child iterated " + parts[0] + " frames, expected " + frames);
        }
        return Long.parseLong(parts[1]);
    }
}
