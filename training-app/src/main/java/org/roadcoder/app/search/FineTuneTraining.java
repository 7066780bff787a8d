package org.roadcoder.app.search;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.model.inference.PriorCorrection;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.train.NetworkFactory;
import org.roadcoder.app.train.Trainer;
import org.roadcoder.app.train.TrainerOptions;
import org.roadcoder.app.train.TrainingState;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.search.CandidateTraining;

/**
 * Full fine-tuning per candidate: the network {@code train} builds from the configuration, with the
 * candidate's head, fitted on the survey's training frames by the same {@link Trainer} (augmentation,
 * early stopping, divergence checks). Like {@code train}, a candidate keeps its epoch with the best
 * validation macro-F1, and that macro-F1 is its score.
 */
final class FineTuneTraining implements CandidateTraining {

    /**
     * What a finished candidate started from and which epoch it kept, for its run folder.
     *
     * @param weightsUsed the backbone weights it really started from
     * @param weightsNote why they differ from the configured ones, or null
     */
    record Kept(WeightsSpec weightsUsed, String weightsNote, int bestEpoch) {
    }

    private final RunConfig config;
    private final OutputLayout layout;
    private final List<String> outputNames;
    private final List<SurveyFrame> train;
    private final List<SurveyFrame> validation;
    private final int maxBatches;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<Integer, Kept> kept = new ConcurrentHashMap<>();

    /** @param maxBatches training and validation batches per epoch at most; 0 for all */
    FineTuneTraining(RunConfig config, OutputLayout layout, List<String> outputNames, List<SurveyFrame> train,
                     List<SurveyFrame> validation, int maxBatches, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.layout = layout;
        this.outputNames = outputNames;
        this.train = train;
        this.validation = validation;
        this.maxBatches = maxBatches;
        this.out = out;
        this.err = err;
    }

    /** The configuration of one candidate: the search's, with the candidate's head. */
    static RunConfig withHead(RunConfig config, HeadOptions head) {
        return new RunConfig(config.model().withHead(head.hidden(), head.dropRate(), head.classifierLr()),
                config.data(), config.training());
    }

    @Override
    public Trained train(HeadOptions head, Progress progress) {
        RunConfig c = withHead(config, head);
        NetworkFactory.Built built = NetworkFactory.build(c, layout, outputNames, WeightsSource.defaults(), err);
        progress.watch(built.net());
        ComputationGraph[] best = new ComputationGraph[1];
        Trainer trainer = new Trainer(layout, outputNames, TrainerOptions.of(c, maxBatches), out);
        TrainingState end = trainer.fit(built.net(), train, validation, TrainingState.start(),
                (net, state, loss, val, seconds) -> {
                    boolean better = state.bestEpoch() == state.epoch();
                    if (better) {
                        best[0] = net.clone();
                    }
                    out.printf("  epoch %d/%d: loss %.4f, validation macro-F1 %.4f%s, %.1f s%n", state.epoch(),
                            c.training().epochs(), loss, val.metric("macro_f1"), better ? " (best)" : "", seconds);
                    out.flush();
                    progress.epochDone();
                });
        kept.put(progress.candidate(), new Kept(built.used(), built.note(), end.bestEpoch()));
        return new Trained(best[0], end.bestMacroF1());
    }

    /**
     * Flag thresholds of a trained candidate {@code net}, tuned on the validation frames as {@code train} tunes them,
     * and the prior correction of its exclusive groups over this search's training frames, as {@code train} makes it.
     */
    Finish finish(ComputationGraph net) {
        Trainer.Tuned tuned = new Trainer(layout, outputNames, TrainerOptions.of(config, maxBatches), out)
                .tuneThresholds(net, validation);
        return new Finish(tuned.thresholds(), TrainingJob.priorCorrection(config, layout, TrainingJob.labels(train),
                tuned.validation().probabilities(), tuned.validation().labels()).chosen());
    }

    /** What a finished candidate is saved with. */
    record Finish(Thresholds thresholds, PriorCorrection correction) {
    }

    /** What candidate {@code index} started from and which epoch it kept; null before it finished. */
    Kept kept(int index) {
        return kept.get(index);
    }
}
