package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.predict.PredictAcceptance;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code predict} and {@code spark-predict} share (a picocli mixin): the run, the survey to code, how bad
 * frames are handled and the acceptance target; and loading them the same way.
 */
public final class PredictInputs {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder written by train.")
    Path run;

    @Parameters(index = "1", paramLabel = "SURVEY", description = "Survey folder to code.")
    Path survey;

    @Option(names = "--skip-bad-frames", description = "Leave out frames with missing or corrupt images, reporting each.")
    boolean skipBadFrames;

    @Option(names = "--target-precision", paramLabel = "P", defaultValue = Acceptance.DEFAULT_TARGET,
            description = "Precision the accepted codes of each attribute reach on the run's validation roads; "
                    + "the thresholds this needs mark each code accepted or review (default: ${DEFAULT-VALUE}).")
    double targetPrecision;

    /** The trained run, the survey read without labels (its warnings printed) and the acceptance thresholds. */
    public record Loaded(Path run, TrainedModel model, Survey survey, Acceptance acceptance) {}

    public Loaded load(PrintWriter stdout) {
        TrainedModel model = TrainedModel.load(run);
        Survey s = Survey.load(survey, model.schema(), new ReadOptions(LabelSource.NONE, skipBadFrames, skipBadFrames));
        s.report().warnings().forEach(p -> stdout.println("warning: " + p));
        return new Loaded(run, model, s, PredictAcceptance.tune(model, targetPrecision, stdout));
    }
}
