package org.roadcoder.app.train;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.data.iterate.FrameIterator;
import org.roadcoder.data.iterate.FrameIterators;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.Evaluator;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.FramePooling;
import org.roadcoder.model.segment.SegmentNetworks;
import org.roadcoder.model.segment.SegmentThresholds;

/**
 * Fits a network epoch by epoch on training frames (or, for a segment-level network, on whole
 * segments: {@link TrainerOptions#segmentsPerBatch()}), scores validation macro-F1 after each, stops
 * early when it stops improving, and refuses to go on when the loss diverges. What happens to the
 * network after an epoch (checkpoints, the best model) is the {@link EpochListener}'s business.
 */
public final class Trainer {

    /** Called after every finished epoch, before the next begins. */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(ComputationGraph net, TrainingState state, double loss, Evaluation validation, double seconds);
    }

    /**
     * Fits one training epoch and returns its mean training loss: on this machine batch by batch (the default),
     * or elsewhere (spark-app trains it on Spark). Whatever fits the epoch, validation, early stopping, divergence
     * and the run's files are the {@link Trainer}'s.
     */
    @FunctionalInterface
    public interface EpochFit {
        double fit(ComputationGraph net, List<SurveyFrame> train, int epoch, TrainerOptions options,
                List<String> outputNames);
    }

    private final OutputLayout layout;
    private final List<String> outputNames;
    private final TrainerOptions options;
    private final PrintWriter out;
    private final EpochFit epochFit;

    public Trainer(OutputLayout layout, List<String> outputNames, TrainerOptions options, PrintWriter out) {
        this(layout, outputNames, options, out, null);
    }

    /** @param epochFit fits each epoch; null to fit it here, batch by batch */
    public Trainer(OutputLayout layout, List<String> outputNames, TrainerOptions options, PrintWriter out,
            EpochFit epochFit) {
        this.layout = layout;
        this.outputNames = outputNames;
        this.options = options;
        this.out = out;
        this.epochFit = epochFit != null ? epochFit : (net, train, epoch, o, names) -> trainEpoch(net, train, epoch);
    }

    /** Trains from {@code state} until the last epoch, early stopping or divergence; returns the final state. */
    public TrainingState fit(ComputationGraph net, List<SurveyFrame> train, List<SurveyFrame> validation,
            TrainingState state, EpochListener listener) {
        TrainingState s = state;
        options.schedule().apply(net, options.epochs() * batchesPerEpoch(train));
        while (s.epoch() < options.epochs()) {
            if (s.sinceBest() >= options.patience()) {
                return s.stopped("early stopping: no better validation score (mean F1 over all groups) for " + s.sinceBest() + " epochs");
            }
            long t0 = System.nanoTime();
            double loss = epochFit.fit(net, train, s.epoch(), options, outputNames);
            if (!Double.isFinite(loss)) {
                throw new DivergenceException("training diverged in epoch " + (s.epoch() + 1) + ": the mean loss is "
                        + loss + "; lower the learning rates");
            }
            if (s.epoch() > 0 && loss > options.divergenceFactor() * s.firstLoss()) {
                throw new DivergenceException(String.format("training diverged in epoch %d: mean loss %.4g is more "
                        + "than %.3g times the first epoch's %.4g; lower the learning rates", s.epoch() + 1, loss,
                        options.divergenceFactor(), s.firstLoss()));
            }
            Evaluation val = validate(net, validation);
            s = s.after(loss, val.metric(Evaluation.SELECTION), options.keepLast());
            listener.epochEnded(net, s, loss, val, (System.nanoTime() - t0) / 1e9);
        }
        return s.stopped("finished " + options.epochs() + " epochs");
    }

    private double trainEpoch(ComputationGraph net, List<SurveyFrame> train, int epoch) {
        Nd4j.getRandom().setSeed(options.seed() * 7_919L + epoch);
        int perBatch = options.segmentLevel() ? options.segmentsPerBatch() : options.iterator().batchSize();
        FrameIterator it = options.segmentLevel()
                ? FrameIterators.segments(train, outputNames, options.forEpoch(epoch), perBatch, options.segmentFill())
                : FrameIterators.create(train, outputNames, options.forEpoch(epoch));
        int batches = batchesPerEpoch(train);
        ProgressBar bar = new ProgressBar(out, "epoch " + (epoch + 1) + "/" + options.epochs(), batches);
        double sum = 0;
        int done = 0;
        try {
            while (it.hasNext() && done < batches) {
                DataSet batch = it.next();
                if (options.segmentLevel()) {
                    INDArray mask = batch.getFeaturesMaskArray();
                    INDArray labelMask = SegmentNetworks.trainingLabelMask(net, batch.getLabelsMaskArray(), mask,
                            options.wholePooledOnly());
                    net.fit(new MultiDataSet(new INDArray[] {batch.getFeatures(), mask},
                            new INDArray[] {SegmentNetworks.trainingLabels(net, batch.getLabels(), mask)}, null,
                            labelMask == null ? null : new INDArray[] {labelMask}));
                } else {
                    net.fit(batch);
                }
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

    /** Training batches (iterations) of one epoch over {@code train}: frames or segments per batch, {@code maxBatches} at most. */
    private int batchesPerEpoch(List<SurveyFrame> train) {
        int perBatch = options.segmentLevel() ? options.segmentsPerBatch() : options.iterator().batchSize();
        int units = options.segmentLevel() ? (int) train.stream().map(SurveyFrame::segmentId).distinct().count()
                : train.size();
        int batches = (units + perBatch - 1) / perBatch;
        return options.maxBatches() > 0 ? Math.min(batches, options.maxBatches()) : batches;
    }

    private Evaluation validate(ComputationGraph net, List<SurveyFrame> validation) {
        FrameScorer.Scores scores = score(net, validation);
        return Evaluator.evaluate(layout, scores.probabilities(), scores.labels(), Thresholds.defaults());
    }

    /**
     * Flag thresholds, what they were tuned on for the log ("412 validation frames"), and the validation frames'
     * probabilities and labels they were tuned with.
     */
    public record Tuned(Thresholds thresholds, String on, FrameScorer.Scores validation) {
    }

    /**
     * Tunes the flag thresholds of a trained {@code net} on {@code validation}, as every trained model gets them,
     * for each decision it makes: frame thresholds on the frame outputs against the frames' labels, segment
     * thresholds on the segments' pooled outputs (pooled the way the model pools: a frame-level network's
     * maximum, a segment-level network's trained pooling) against the segments' labels.
     */
    public Tuned tuneThresholds(ComputationGraph net, List<SurveyFrame> validation) {
        FrameScorer.Scores scores = score(net, validation);
        List<String> segments = validation.subList(0, scores.size()).stream().map(SurveyFrame::segmentId).toList();
        FramePooling pooling = SegmentNetworks.isSegmentLevel(net) ? SegmentNetworks.pooling(net)
                : FramePooling.frameDefault();
        return new Tuned(SegmentThresholds.tune(layout, pooling, segments, scores.probabilities(), scores.labels()),
                scores.size() + " validation frames and their " + new java.util.LinkedHashSet<>(segments).size()
                        + " segments", scores);
    }

    private FrameScorer.Scores score(ComputationGraph net, List<SurveyFrame> frames) {
        return FrameScorer.score(InferenceNet.fastest(SegmentNetworks.frameView(net)), frames, outputNames,
                options.iterator(), options.maxBatches());
    }
}
