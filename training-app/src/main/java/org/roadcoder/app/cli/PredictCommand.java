package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.predict.PredictAcceptance;
import org.roadcoder.app.predict.Predictor;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder predict RUN SURVEY --out DIR}: codes a survey that needs no labels. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Codes a survey (frames.csv and images; labels not needed) with a trained run.",
                "Writes DIR/frame_predictions.csv (one probability per output and frame) and DIR/segment_codes.csv "
                        + "(segments.csv format with category names, plus <group>_irap codes and <group>_score)."})
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder written by train.")
    Path run;

    @Parameters(index = "1", paramLabel = "SURVEY", description = "Survey folder to code.")
    Path survey;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--skip-bad-frames", description = "Leave out frames with missing or corrupt images, reporting each.")
    boolean skipBadFrames;

    @Option(names = "--target-precision", paramLabel = "P", defaultValue = Acceptance.DEFAULT_TARGET,
            description = "Precision the accepted codes of each attribute reach on the run's validation roads; "
                    + "the thresholds this needs mark each code accepted or review (default: ${DEFAULT-VALUE}).")
    double targetPrecision;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0", description = "Code at most N batches (tests).")
    int maxBatches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainedModel model = TrainedModel.load(run);
        Survey s = Survey.load(survey, model.schema(), new ReadOptions(LabelSource.NONE, skipBadFrames, skipBadFrames));
        s.report().warnings().forEach(p -> stdout.println("warning: " + p));
        Acceptance acceptance = PredictAcceptance.tune(model, targetPrecision, stdout);
        Predictor.Result r = Predictor.predict(model, s, acceptance, out, maxBatches);
        stdout.printf("coded %d frames and %d segments in %.1f s (%.1f frames/s, network in %s) -> %s%n", r.frames(),
                r.segments(), r.seconds(), r.framesPerSecond(), r.layout(), out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
