package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roadcoder.data.sim.SimulatorOptions;
import org.roadcoder.data.sim.SurveySimulator;
import org.roadcoder.data.sim.SurveySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roadcoder simulate --out DIR}: writes a synthetic survey with frame-level truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic drive-through survey: frames, the coders' 100-m labels (segments.csv),",
                "what each frame really shows (frames_truth.csv), and a bar chart of the label counts.",
                "The same options and seed give the same bytes."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty survey folder.")
    Path out;

    @Option(names = "--roads", paramLabel = "N", description = "Number of roads (default: ${DEFAULT-VALUE}).")
    int roads = SimulatorOptions.DEFAULT_ROADS;

    @Option(names = "--road-length-m", paramLabel = "M",
            description = "Length of each road in metres, a multiple of 100 (default: ${DEFAULT-VALUE}).")
    int roadLengthM = SimulatorOptions.DEFAULT_ROAD_LENGTH_M;

    @Option(names = "--size", paramLabel = "PX", description = "Frame width and height (default: ${DEFAULT-VALUE}).")
    int size = SimulatorOptions.DEFAULT_SIZE;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SimulatorOptions.DEFAULT_SEED;

    @Option(names = "--coder-error-rate", paramLabel = "RATE",
            description = "Share of segment labels the coder gets wrong (default: ${DEFAULT-VALUE}).")
    double coderErrorRate = SimulatorOptions.DEFAULT_CODER_ERROR_RATE;

    @Option(names = "--jpeg-quality", paramLabel = "Q", description = "JPEG quality 1-100 (default: ${DEFAULT-VALUE}).")
    int jpegQuality = SimulatorOptions.DEFAULT_JPEG_QUALITY;

    @Option(names = "--weight", paramLabel = "GROUP=CATEGORY=X", mapFallbackValue = "1",
            description = "Make a category X times as frequent, e.g. --weight median_type=wire_rope_safety_barrier=3.")
    Map<String, String> weights = Map.of();

    @Option(names = "--overwrite", description = "Replace a survey previously simulated into --out.")
    boolean overwrite;

    @Mixin
    SchemaOption schema;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        SimulatorOptions options;
        try {
            options = new SimulatorOptions(roads, roadLengthM, size, size, seed, coderErrorRate, jpegQuality,
                    categoryWeights());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SurveySimulator simulator = new SurveySimulator(schema.load(), options);
        w.printf("simulating %d roads of %d m (%d frames at %dx%d, seed %d) into %s%n", roads, roadLengthM,
                options.totalFrames(), size, size, seed, out);
        int every = Math.max(1, roads / 10);
        SurveySummary s = simulator.run(out, overwrite, (done, total, frames) -> {
            if (done % every == 0 || done == total) {
                w.printf("  road %d/%d, %d frames%n", done, total, frames);
                w.flush();
            }
        });
        w.printf(Locale.ROOT, "wrote %d frames in %.1f s: %.1f frames/s on one thread%n", s.frames(), s.seconds(),
                s.framesPerSecond());
        w.println();
        w.print(s.counts().table());
        w.printf("%nlabel counts chart: %s%n", out.resolve(SurveySimulator.CHART));
        w.flush();
        return ExitCodes.OK;
    }

    /** {@code group=category -> X} from {@code --weight group=category=X}; picocli splits at the first '='. */
    private Map<String, Double> categoryWeights() {
        Map<String, Double> m = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : weights.entrySet()) {
            String v = e.getValue();
            int eq = v.lastIndexOf('=');
            try {
                m.put(e.getKey() + "=" + v.substring(0, eq), Double.parseDouble(v.substring(eq + 1)));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("--weight " + e.getKey() + "=" + v
                        + ": expected GROUP=CATEGORY=X, e.g. median_type=wire_rope_safety_barrier=3");
            }
        }
        return m;
    }
}
