package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadcoder.app.predict.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roadcoder predict RUN SURVEY --out DIR}: codes a survey that needs no labels. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Codes a survey (frames.csv and images; labels not needed) with a trained run.",
                "Writes DIR/frame_predictions.csv (one probability per output and frame) and DIR/segment_codes.csv "
                        + "(segments.csv format with category names, plus <group>_irap codes and <group>_score)."})
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    PredictInputs inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0", description = "Code at most N batches (tests).")
    int maxBatches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PredictInputs.Loaded in = inputs.load(stdout);
        Predictor.Result r = Predictor.predict(in.model(), in.survey(), in.acceptance(), out, maxBatches);
        stdout.printf("coded %d frames and %d segments in %.1f s (%.1f frames/s, network in %s) -> %s%n", r.frames(),
                r.segments(), r.seconds(), r.framesPerSecond(), r.layout(), out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
