package org.roadcoder.app.scoring;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.roadcoder.data.iterate.FrameIterator;
import org.roadcoder.data.iterate.FrameIterators;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.inference.InferenceNet;

/**
 * Runs a network over frames in their given order, batch by batch, without augmentation or
 * shuffling: what validation, evaluation and prediction share. Memory stays that of one batch
 * unless the caller keeps the rows. Batches come from the pipeline in NCHW; an NHWC network
 * ({@link InferenceNet}) permutes them itself.
 */
public final class FrameScorer {

    /** Receives each batch's probabilities (and labels, null for unlabelled frames). */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(int firstFrame, INDArray probabilities, INDArray labels);
    }

    /** All probabilities and labels, one row per frame scored. */
    public record Scores(double[][] probabilities, double[][] labels) {
        public int size() {
            return probabilities.length;
        }
    }

    private FrameScorer() {
    }

    /** @param maxBatches stop after this many batches; 0 for all */
    public static int run(InferenceNet net, List<SurveyFrame> frames, List<String> outputNames,
            IteratorOptions options, int maxBatches, BatchConsumer consumer) {
        IteratorOptions plain = new IteratorOptions(options.batchSize(), options.height(), options.width(),
                options.preset(), null, false, options.seed(), options.prefetch(), options.workers());
        FrameIterator it = FrameIterators.create(frames, outputNames, plain);
        int first = 0;
        int batches = 0;
        try {
            while (it.hasNext() && (maxBatches <= 0 || batches < maxBatches)) {
                DataSet batch = it.next();
                INDArray p = net.output(batch.getFeatures());
                consumer.accept(first, p, batch.getLabels());
                first += (int) p.size(0);
                batches++;
            }
        } finally {
            it.close();
        }
        return first;
    }

    /** Scores labelled frames and keeps every row. */
    public static Scores score(InferenceNet net, List<SurveyFrame> frames, List<String> outputNames,
            IteratorOptions options, int maxBatches) {
        List<double[]> p = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        run(net, frames, outputNames, options, maxBatches, (first, probs, labels) -> {
            for (double[] row : probs.toDoubleMatrix()) {
                p.add(row);
            }
            if (labels != null) {
                for (double[] row : labels.toDoubleMatrix()) {
                    y.add(row);
                }
            }
        });
        return new Scores(p.toArray(double[][]::new), y.toArray(double[][]::new));
    }
}
