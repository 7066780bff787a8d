package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.Problem;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roadcoder validate SURVEY}: checks a survey against the data contract and the label schema. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a survey folder: CSV columns, ids, categories, image files.",
                "Prints every problem with its file, line, column and value; exits 4 if there are errors."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SURVEY", description = "Survey folder (frames.csv, segments.csv, images/).")
    Path survey;

    @Mixin
    SchemaOption schema;

    @Option(names = "--labels", defaultValue = "segments", paramLabel = "SOURCE",
            converter = LabelSourceConverter.class,
            description = "Labels to check: segments (coders' segments.csv), truth (frames_truth.csv) or none.")
    LabelSource labels;

    @Option(names = "--decode-images", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Decode every image to find corrupt ones (default: on).")
    boolean decodeImages;

    @Option(names = "--skip-bad-frames", description = "Leave out frames with bad images, reporting each.")
    boolean skipBadFrames;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LabelSchema labelSchema = schema.load();
        ReadOptions options = new ReadOptions(labels, decodeImages, skipBadFrames);
        Survey s = Survey.read(survey, labelSchema, options);
        ValidationReport report = s.report();
        for (Problem p : report.problems()) {
            out.println((p.isError() ? "error: " : "warning: ") + p);
        }
        out.printf("schema %s: %d groups, %d outputs%n", labelSchema.name(), labelSchema.groups().size(),
                labelSchema.outputCount());
        if (report.isValid()) {
            out.printf("survey %s: valid, %d frames, %d segments, %d roads%s%n", survey, s.frames().size(),
                    s.segments().size(), s.roadIds().size(), suffix(report));
            out.flush();
            return ExitCodes.OK;
        }
        out.printf("survey %s: %d errors%s%n", survey, report.errors().size(), suffix(report));
        out.flush();
        return ExitCodes.INVALID;
    }

    private static String suffix(ValidationReport report) {
        int w = report.warnings().size() - report.skippedFrames().size();
        String s = w > 0 ? ", " + w + (w == 1 ? " warning" : " warnings") : "";
        return report.skippedFrames().isEmpty() ? s : s + ", " + report.skippedFrames().size() + " frames skipped";
    }
}
