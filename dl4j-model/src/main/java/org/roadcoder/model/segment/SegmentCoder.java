package org.roadcoder.model.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;

/**
 * Turns the frame outputs of one segment (ten frames, one every 10 m) into the segment's code from
 * their {@link SegmentPooling pooled row}: an exclusive group takes the category with the highest mean
 * probability over the frames; a flag is present if its maximum probability reaches its threshold.
 * Equal means go to the lower index.
 */
public final class SegmentCoder {

    private final OutputLayout layout;
    private final Thresholds thresholds;

    public SegmentCoder(OutputLayout layout, Thresholds thresholds) {
        this.layout = layout;
        this.thresholds = thresholds;
    }

    public SegmentCode code(INDArray frameProbabilities) {
        return code(frameProbabilities.rank() == 1 ? new double[][] {frameProbabilities.toDoubleVector()}
                : frameProbabilities.toDoubleMatrix());
    }

    /** @param frames one row of output probabilities per frame of the segment, in any order */
    public SegmentCode code(double[][] frames) {
        double[] pooled = SegmentPooling.pool(layout, frames);
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() == OutputLayout.Kind.SIGMOID) {
                double max = pooled[b.offset()];
                categories.put(b.name(), max >= thresholds.of(b.name()) ? 1 : 0);
                scores.put(b.name(), max);
            } else {
                int best = 0;
                double bestMean = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < b.size(); c++) {
                    double mean = pooled[b.offset() + c];
                    if (mean > bestMean) {
                        bestMean = mean;
                        best = c;
                    }
                }
                categories.put(b.name(), best);
                scores.put(b.name(), bestMean);
            }
        }
        return new SegmentCode(categories, scores);
    }
}
