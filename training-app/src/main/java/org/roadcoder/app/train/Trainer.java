package org.roadcoder.app.train;

import java.io.PrintWriter;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.data.iterate.FrameIterator;
import org.roadcoder.data.iterate.FrameIterators;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.Evaluator;
import org.roadcoder.model.metrics.ThresholdTuner;
import org.roadcoder.model.metrics.Thresholds;

/**
 * Fits a network epoch by epoch on training frames, scores validation macro-F1 after each, stops
 * early when it stops improving, and refuses to go on when the loss diverges. What happens to the
 * network after an epoch (checkpoints, the best model) is the {@link EpochListener}'s business.
 */
public final class Trainer {

    /** Called after every finished epoch, before the next begins. */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(ComputationGraph net, TrainingState state, double loss, Evaluation validation, double seconds);
    }

    private final OutputLayout layout;
    private final List<String> outputNames;
    private final TrainerOptions options;
    private final PrintWriter out;

    public Trainer(OutputLayout layout, List<String> outputNames, TrainerOptions options, PrintWriter out) {
        this.layout = layout;
        this.outputNames = outputNames;
        this.options = options;
        this.out = out;
    }

    /** Trains from {@code state} until the last epoch, early stopping or divergence; returns the final state. */
    public TrainingState fit(ComputationGraph net, List<SurveyFrame> train, List<SurveyFrame> validation,
            TrainingState state, EpochListener listener) {
        TrainingState s = state;
        while (s.epoch() < options.epochs()) {
            if (s.sinceBest() >= options.patience()) {
                return s.stopped("early stopping: no better validation macro-F1 for " + s.sinceBest() + " epochs");
            }
            long t0 = System.nanoTime();
            double loss = trainEpoch(net, train, s.epoch());
            if (s.epoch() > 0 && loss > options.divergenceFactor() * s.firstLoss()) {
                throw new DivergenceException(String.format("training diverged in epoch %d: mean loss %.4g is more "
                        + "than %.3g times the first epoch's %.4g; lower the learning rates", s.epoch() + 1, loss,
                        options.divergenceFactor(), s.firstLoss()));
            }
            Evaluation val = validate(net, validation);
            s = s.after(loss, val.metric("macro_f1"));
            listener.epochEnded(net, s, loss, val, (System.nanoTime() - t0) / 1e9);
        }
        return s.stopped("finished " + options.epochs() + " epochs");
    }

    private double trainEpoch(ComputationGraph net, List<SurveyFrame> train, int epoch) {
        Nd4j.getRandom().setSeed(options.seed() * 7_919L + epoch);
        FrameIterator it = FrameIterators.create(train, outputNames, options.forEpoch(epoch));
        int size = train.size();
        int batches = (size + options.iterator().batchSize() - 1) / options.iterator().batchSize();
        if (options.maxBatches() > 0) {
            batches = Math.min(batches, options.maxBatches());
        }
        ProgressBar bar = new ProgressBar(out, "epoch " + (epoch + 1) + "/" + options.epochs(), batches);
        double sum = 0;
        int done = 0;
        try {
            while (it.hasNext() && done < batches) {
                DataSet batch = it.next();
                net.fit(batch);
                double score = net.score();
                if (!Double.isFinite(score)) {
                    bar.finish();
                    throw new DivergenceException("training diverged in epoch " + (epoch + 1) + ", batch " + (done + 1)
                            + ": the loss is " + score + "; lower the learning rates");
                }
                sum += score;
                done++;
                bar.update(done, sum / done);
            }
        } finally {
            it.close();
        }
        bar.finish();
        return sum / Math.max(1, done);
    }

    private Evaluation validate(ComputationGraph net, List<SurveyFrame> validation) {
        FrameScorer.Scores scores = score(net, validation);
        return Evaluator.evaluate(layout, scores.probabilities(), scores.labels(), Thresholds.defaults());
    }

    /** Flag thresholds tuned on the validation frames, and how many frames they were tuned on. */
    public record Tuned(Thresholds thresholds, int frames) {
    }

    /** Tunes the flag thresholds of a trained {@code net} on {@code validation}, as every trained model gets them. */
    public Tuned tuneThresholds(ComputationGraph net, List<SurveyFrame> validation) {
        FrameScorer.Scores scores = score(net, validation);
        return new Tuned(ThresholdTuner.tune(layout, scores.probabilities(), scores.labels()), scores.size());
    }

    private FrameScorer.Scores score(ComputationGraph net, List<SurveyFrame> frames) {
        return FrameScorer.score(InferenceNet.fastest(net), frames, outputNames, options.iterator(),
                options.maxBatches());
    }
}
