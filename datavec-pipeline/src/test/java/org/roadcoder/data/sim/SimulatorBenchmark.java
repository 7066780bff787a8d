package org.roadcoder.data.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.roadcoder.data.TestFiles;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Frames per second of the simulator on one thread at 224x224, rendering, noise, JPEG and disk
 * included (floor: 100 frames/s). Not a unit test: run it on a quiet machine with
 * {@code mvn -q -pl datavec-pipeline exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.roadcoder.data.sim.SimulatorBenchmark [-Dexec.args="roads size"]}.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int roads = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 224;
        LabelSchema schema = LabelSchema.load(TestFiles.defaultSchema());
        SimulatorOptions options = SimulatorOptions.defaults().withRoads(roads, 3000).withSize(size, size);
        Path warm = Files.createTempDirectory("sim-warmup");
        new SurveySimulator(schema, options.withRoads(2, 1000).withSeed(1)).run(warm, false, (d, n, f) -> { });
        Path dir = Files.createTempDirectory("sim-bench");
        SurveySummary s = new SurveySimulator(schema, options).run(dir, false, (d, n, f) -> { });
        System.out.printf(Locale.ROOT, "%d frames at %dx%d in %.2f s: %.1f frames/s on one thread%n",
                s.frames(), size, size, s.seconds(), s.framesPerSecond());
        delete(warm);
        delete(dir);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
