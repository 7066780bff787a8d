package org.roadcoder.model.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;

/**
 * Turns the frame outputs of one segment (ten frames, one every 10 m) into the segment's code from
 * their {@link SegmentPooling pooled row}, pooled the way the model pools frames ({@link FramePooling}): with a frame-level model's pooling
 * ({@link FramePooling#frameDefault()}) an exclusive group takes the category with the highest mean
 * probability over the frames and a flag is present if any frame reaches its threshold (maximum
 * probability), since coders record the highest risk seen anywhere in the segment; a segment-level
 * model codes with the pooling it was trained with. An exclusive group takes its pooled argmax (ties to
 * the lower index); a flag is present when its pooled probability reaches its threshold.
 */
public final class SegmentCoder {

    private final OutputLayout layout;
    private final Thresholds thresholds;
    private final FramePooling pooling;

    /** A frame-level model's coder ({@link FramePooling#frameDefault()}). */
    public SegmentCoder(OutputLayout layout, Thresholds thresholds) {
        this(layout, thresholds, FramePooling.frameDefault());
    }

    public SegmentCoder(OutputLayout layout, Thresholds thresholds, FramePooling pooling) {
        this.layout = layout;
        this.thresholds = thresholds;
        this.pooling = pooling;
    }

    public SegmentCode code(INDArray frameProbabilities) {
        return code(frameProbabilities.rank() == 1 ? new double[][] {frameProbabilities.toDoubleVector()}
                : frameProbabilities.toDoubleMatrix());
    }

    /** @param frames one row of output probabilities per frame of the segment, in any order */
    public SegmentCode code(double[][] frames) {
        double[] pooled = SegmentPooling.pool(layout, pooling, frames);
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() == OutputLayout.Kind.SIGMOID) {
                double p = pooled[b.offset()];
                categories.put(b.name(), p >= thresholds.of(b.name()) ? 1 : 0);
                scores.put(b.name(), p);
            } else {
                int best = b.argmax(pooled);
                categories.put(b.name(), best);
                scores.put(b.name(), pooled[b.offset() + best]);
            }
        }
        return new SegmentCode(categories, scores);
    }
}
