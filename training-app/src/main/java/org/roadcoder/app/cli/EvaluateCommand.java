package org.roadcoder.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.roadcoder.app.report.EvaluationRun;
import org.roadcoder.app.report.MajorityBaseline;
import org.roadcoder.app.report.ReportData;
import org.roadcoder.app.report.ReportWriter;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder evaluate RUN SURVEY}: scores a trained run and writes metrics.json, report.html and charts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores a trained run on a survey's test roads (or another split, or a whole survey).",
                "Writes DIR/metrics.json, DIR/report.html (self-contained) and PNG charts: precision-recall "
                        + "scatter, a confusion matrix per exclusive group, label counts; frame- and segment-level "
                        + "scores next to the majority-class baseline."})
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder written by train.")
    Path run;

    @Parameters(index = "1", paramLabel = "SURVEY", description = "Labelled survey folder.")
    Path survey;

    @Option(names = "--split", defaultValue = "auto", paramLabel = "PART",
            description = "test, validation, train (roads of the run's split; the run's own survey only) or all. "
                    + "Default: test on the run's survey, all on another.")
    String split;

    @Option(names = "--labels", defaultValue = "segments", paramLabel = "SOURCE", converter = LabelSourceConverter.class,
            description = "Frame labels to score against: segments (coders' segments.csv) or truth (frames_truth.csv).")
    LabelSource labels;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: RUN/eval-PART).")
    Path out;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0", description = "Score at most N batches (tests).")
    int maxBatches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return evaluate(run, survey, split, labels, out, maxBatches, spec.commandLine().getOut());
    }

    /** Evaluates {@code run} on {@code survey}; also what {@code train --evaluate} runs after training. */
    static int evaluate(Path run, Path survey, String split, LabelSource labels, Path out, int maxBatches,
            PrintWriter stdout) throws IOException {
        if (labels == LabelSource.NONE) {
            throw new DataException(null, "evaluate needs labels: --labels segments or truth");
        }
        TrainedModel model = TrainedModel.load(run);
        Provenance p = Provenance.read(model.run().provenance());
        boolean sameSurvey = Files.isDirectory(survey) && Files.isDirectory(Path.of(p.survey()))
                && Files.isSameFile(survey, Path.of(p.survey()));
        String part = split.equals("auto") ? (sameSurvey && !p.split().get("test").isEmpty() ? "test" : "all") : split;
        if (!part.equals("all") && !p.split().containsKey(part)) {
            throw new DataException(null, "--split " + split + ": expected test, validation, train, all or auto");
        }
        if (!part.equals("all") && !sameSurvey) {
            throw new DataException(survey, "--split " + part + " names roads of the run's own survey " + p.survey()
                    + "; use --split all to evaluate another survey");
        }
        Survey s = Survey.load(survey, model.schema(), ReadOptions.defaults().withLabels(labels));
        List<SurveyFrame> frames = part.equals("all") ? s.frames() : onRoads(s.frames(), p.split().get(part));
        if (frames.isEmpty()) {
            throw new DataException(survey, "no frames on the " + part + " roads " + p.split().get(part));
        }
        MajorityBaseline reference = baseline(run, p, sameSurvey ? s : null, model);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("run", run.toString());
        context.put("survey", survey.toString());
        context.put("split", part);
        context.put("roads", part.equals("all") ? s.roadIds() : p.split().get(part));
        context.put("labels", labels == LabelSource.SEGMENTS ? "segments" : "truth");
        context.put("weights", p.weightsUsed().equals(p.weightsRequested()) ? p.weightsUsed()
                : p.weightsUsed() + " (configured " + p.weightsRequested() + "; " + p.weightsNote() + ")");
        context.put("trained_epochs", p.epochs());
        context.put("best_epoch", p.bestEpoch());
        ReportData d = EvaluationRun.run(model, frames, segmentLabels(survey, labels, s, model), reference, context,
                maxBatches);
        Path dir = out != null ? out : run.resolve("eval-" + part);
        ReportWriter.write(d, model.schema(), dir);
        stdout.printf("frames (%d): macro-F1 %.4f, majority baseline %.4f; mean flag F1 %.4f%n", d.frameCount(),
                d.frames().metric("macro_f1"), d.frameBaseline().metric("macro_f1"), d.frames().metric("mean_flag_f1"));
        if (d.segments() != null) {
            stdout.printf("segments (%d): macro-F1 %.4f, majority baseline %.4f; mean flag F1 %.4f%n", d.segmentCount(),
                    d.segments().metric("macro_f1"), d.segmentBaseline().metric("macro_f1"),
                    d.segments().metric("mean_flag_f1"));
        }
        stdout.println("report: " + dir.resolve(ReportWriter.REPORT));
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The coders' label vector of every segment (segments.csv), read again if frames carry frame truth. */
    private static Map<String, float[]> segmentLabels(Path survey, LabelSource labels, Survey s, TrainedModel model) {
        Survey bySegment = s;
        if (labels != LabelSource.SEGMENTS) {
            if (!Files.exists(survey.resolve("segments.csv"))) {
                return Map.of();
            }
            bySegment = Survey.load(survey, model.schema(), ReadOptions.defaults());
        }
        Map<String, float[]> out = new HashMap<>();
        bySegment.frames().forEach(f -> out.putIfAbsent(f.segmentId(), f.labels()));
        return out;
    }

    /**
     * The majority baseline of the run's training roads: saved by train, or (runs from before it was
     * saved) counted again on the training roads of the run's own survey.
     */
    private static MajorityBaseline baseline(Path run, Provenance p, Survey own, TrainedModel model) {
        RunFolder folder = new RunFolder(run);
        if (Files.exists(folder.baseline())) {
            return MajorityBaseline.read(folder.baseline(), model.schema().outputNames());
        }
        Survey trained = own != null ? own : Survey.load(Path.of(p.survey()), model.schema(),
                ReadOptions.defaults().withLabels("truth".equals(p.labels()) ? LabelSource.FRAME_TRUTH
                        : LabelSource.SEGMENTS));
        return MajorityBaseline.of(Layouts.of(model.schema()), rows(onRoads(trained.frames(), p.split().get("train"))));
    }

    private static List<SurveyFrame> onRoads(List<SurveyFrame> frames, List<String> roads) {
        Set<String> wanted = Set.copyOf(roads);
        return frames.stream().filter(f -> wanted.contains(f.roadId())).toList();
    }

    private static double[][] rows(List<SurveyFrame> frames) {
        double[][] y = new double[frames.size()][];
        for (int i = 0; i < y.length; i++) {
            float[] v = frames.get(i).labels();
            y[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                y[i][j] = v[j];
            }
        }
        return y;
    }
}
