package org.roadcoder.app.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.report.MajorityBaseline;
import org.roadcoder.app.config.TrainingConfig;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.search.stats.BackgroundStatsRouter;
import org.roadcoder.app.ui.StatsFiles;
import org.roadcoder.search.stats.TrainingStats;
import org.roadcoder.app.ui.UiServer;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.split.RoadSplit;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.inference.PriorCorrection;

/**
 * One training run from configuration to a saved model: reads the survey, splits it by road, builds
 * (or restores) the network, lets the {@link Trainer} fit it while a {@link RunRecorder} keeps the
 * files, then tunes the flag thresholds on the validation roads and stores them in the model.
 */
public final class TrainingJob {

    private final RunFolder run;
    private final RunConfig config;
    private final int maxBatches;
    private final PrintWriter out;
    private final PrintWriter err;
    private UiServer ui;
    private RoadSplit pinnedSplit;
    private Trainer.EpochFit epochFit;
    private Map<String, String> trainedOn;

    public TrainingJob(RunFolder run, RunConfig config, int maxBatches, PrintWriter out, PrintWriter err) {
        this.run = run;
        this.config = config;
        this.maxBatches = maxBatches;
        this.out = out;
        this.err = err;
    }

    /** Shows the run's training stats live in {@code server} (null for none); they are written to a file anyway. */
    public void showIn(UiServer server) {
        this.ui = server;
    }

    /**
     * Trains on these roads instead of a split drawn by {@code data.split_seed}: the review bench pins its arms
     * to one split, so every arm validates on the same roads and every reviewed segment is trained on.
     */
    public TrainingJob optSplit(RoadSplit split) {
        this.pinnedSplit = split;
        return this;
    }

    /**
     * Fits the epochs with {@code fit} instead of on this machine (spark-train), recording {@code where} in
     * provenance.json; everything else (split, network, validation, checkpoints, thresholds) is the local train's.
     */
    public TrainingJob optEpochFit(Trainer.EpochFit fit, Map<String, String> where) {
        this.epochFit = fit;
        this.trainedOn = where;
        return this;
    }

    /** A new run: writes config.yaml, labels.yaml and provenance.json before the first epoch. */
    public void start(Path surveyDir, Path schemaFile, List<String> args) {
        LabelSchema schema = LabelSchema.load(schemaFile);
        Survey survey = readSurvey(surveyDir, schema);
        RoadSplit split = pinnedSplit != null ? pinnedSplit : split(config, survey.frames());
        OutputLayout layout = Layouts.of(schema);
        NetworkFactory.Built built = NetworkFactory.build(config, layout, schema.outputNames(), WeightsSource.defaults(), err);
        try {
            Files.createDirectories(run.dir());
            AtomicFiles.write(run.labels(), tmp -> Files.copy(schemaFile, tmp));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + run.dir(), e);
        }
        AtomicFiles.writeString(run.config(), ConfigLoader.toYaml(config));
        List<SurveyFrame> trainFrames = split.frames(survey.frames(), RoadSplit.Part.TRAIN);
        MajorityBaseline.of(layout, labels(trainFrames))
                .save(run.baseline(), schema.outputNames());
        Provenance p = Provenance.start(surveyDir, schemaFile, config.data().labels(), split, config.model().weights(),
                built.used().toString(), built.note(), args).withTrainingUnit(trainingUnit(config)).withTrainedOn(trainedOn);
        p.save(run.provenance());
        out.printf("training %s on %s%s: %d roads train, %d validation, %d test; %,d parameters; run folder %s%n",
                config.model().backbone(), surveyDir, config.training().segmentLevel()
                        ? " by " + trainingUnit(config) : "", split.trainRoads().size(), split.validationRoads().size(),
                split.testRoads().size(), built.net().numParams(), run.dir());
        fit(built.net(), survey, split, schema, TrainingState.start(), p);
    }

    /** Continues a run from its checkpoint, on the survey and split it recorded. */
    public void resume(Path surveyOverride, List<String> args) {
        Provenance p = Provenance.read(run.provenance()).withInvocation(args).withTrainedOn(trainedOn);
        LabelSchema schema = LabelSchema.load(run.labels());
        Path surveyDir = surveyOverride != null ? surveyOverride : Path.of(p.survey());
        Survey survey = readSurvey(surveyDir, schema);
        RoadSplit split = new RoadSplit(p.split().get("train"), p.split().get("validation"), p.split().get("test"));
        Checkpoints.Restored restored = Checkpoints.restoreCheckpoint(run.checkpoint());
        out.printf("resuming %s after epoch %d (best so far: epoch %d, validation score %.4f)%n", run.dir(),
                restored.state().epoch(), restored.state().bestEpoch(), restored.state().bestMacroF1());
        fit(restored.net(), survey, split, schema, restored.state(), p);
    }

    private void fit(ComputationGraph net, Survey survey, RoadSplit split, LabelSchema schema, TrainingState from,
            Provenance provenance) {
        OutputLayout layout = Layouts.of(schema);
        List<SurveyFrame> train = split.frames(survey.frames(), RoadSplit.Part.TRAIN);
        List<SurveyFrame> validation = split.frames(survey.frames(), RoadSplit.Part.VALIDATION);
        int statsEvery = config.training().statsEvery();
        FileStatsStorage stats = statsEvery == 0 ? null : StatsFiles.open(run.uiStats());
        BackgroundStatsRouter statsWriter = stats == null ? null : new BackgroundStatsRouter(stats);
        if (stats != null) {
            if (ui != null) {
                ui.attach(stats);
            }
            net.setListeners(TrainingStats.listener(statsWriter, statsEvery));
        }
        TrainerOptions options = TrainerOptions.of(config, maxBatches);
        RunRecorder recorder = new RunRecorder(run, provenance, options.epochs(), out);
        Trainer trainer = new Trainer(layout, schema.outputNames(), options, out, epochFit);
        TrainingState end;
        try {
            end = trainer.fit(net, train, validation, from, recorder);
        } catch (DivergenceException e) {
            recorder.diverged(from, e.getMessage());
            throw e;
        } finally {
            net.setListeners();
            if (stats != null) {
                try {
                    statsWriter.close();
                } finally {
                    if (ui != null) {
                        ui.detach(stats);
                    }
                    stats.close();
                }
            }
        }
        recorder.finished(end);
        out.println(end.stopReason());
        ComputationGraph best = Checkpoints.restoreModel(run.model());
        // a resumed run that kept its earlier model restores it corrected: start again from the trained weights
        PriorCorrection.removeFrom(best, run.model().toFile(), layout);
        Trainer.Tuned tuned = trainer.tuneThresholds(best, validation);
        PriorCorrection.Tuned correction = priorCorrection(config, layout, labels(train), tuned.validation().probabilities(),
                tuned.validation().labels());
        Checkpoints.saveFinished(best, tuned.thresholds(), correction.chosen(), layout, run.model());
        out.printf("model: %s (epoch %d, validation score %.4f); flag thresholds tuned on %s; exclusive groups' prior"
                        + " correction: %s%n", run.model(), end.bestEpoch(), end.bestMacroF1(), tuned.on(),
                correction.describe());
        out.flush();
    }

    /**
     * The prior correction of a finished model, over the category shares of the labels it was trained on
     * ({@code trainLabels}): {@code model.prior_correction}'s exponent, or for {@code auto} the one whose correction
     * of the network's validation probabilities {@code p} scores best against {@code y} (none without validation
     * frames). Train and both kinds of search finish their models with it.
     */
    public static PriorCorrection.Tuned priorCorrection(RunConfig config, OutputLayout layout, double[][] trainLabels,
            double[][] p, double[][] y) {
        double fixed = config.model().fixedPriorCorrection();
        PriorCorrection shares = PriorCorrection.of(layout, trainLabels, Double.isNaN(fixed) ? 0 : fixed);
        if (!Double.isNaN(fixed) || p.length == 0) {
            return PriorCorrection.Tuned.fixed(shares);
        }
        return shares.tune(layout, p, y);
    }

    /** The label rows of {@code frames}, as the network trains on them. */
    public static double[][] labels(List<SurveyFrame> frames) {
        return frames.stream().map(f -> toDouble(f.labels())).toArray(double[][]::new);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private Survey readSurvey(Path dir, LabelSchema schema) {
        return Survey.load(dir, schema, ReadOptions.defaults().withLabels(config.data().labelSource()));
    }

    /** The run's road split: by {@code data.split_seed}, whatever the training seed. */
    public static RoadSplit split(RunConfig config, List<SurveyFrame> frames) {
        return RoadSplit.of(frames, config.data().split().fractions(), config.data().splitSeed());
    }

    /** {@code frame}, or {@code segment} with the pooling (and the fill frames, if any), as provenance records it. */
    public static String trainingUnit(RunConfig config) {
        if (!config.training().segmentLevel()) {
            return TrainingConfig.FRAME;
        }
        int fill = config.training().segmentFill();
        return TrainingConfig.SEGMENT + " (" + config.model().segmentPooling().describe()
                + (fill > 0 ? "; " + fill + " fill frames a batch" : "")
                + (config.training().wholeSegmentsTrainPooledOnly() ? ", whole segments train only the pooled groups" : "")
                + ")";
    }
}
