package org.roadcoder.model.segment;

import java.util.List;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.ThresholdTuner;
import org.roadcoder.model.metrics.Thresholds;

/**
 * Flag thresholds for both decisions a model makes: frame thresholds tuned on the frames, segment
 * thresholds tuned on the segments (each flag pooled over a segment's frames as the model pools them, for a
 * frame-level model the maximum, as {@link SegmentPooling}
 * pools it and {@link SegmentCoder} decides, against the segment's pooled label). A segment's maximum is
 * higher than a typical frame's, so a frame threshold applied to it codes too many segments present.
 */
public final class SegmentThresholds {

    private SegmentThresholds() {
    }

    /** A frame-level model's thresholds ({@link FramePooling#frameDefault()}). */
    public static Thresholds tune(OutputLayout layout, List<String> segmentIds, double[][] p, double[][] y) {
        return tune(layout, FramePooling.frameDefault(), segmentIds, p, y);
    }

    /**
     * @param pooling    how the model pools its frames into a segment (a segment-level model's trained pooling)
     * @param segmentIds the segment of every row of {@code p} (probabilities) and {@code y} (labels)
     */
    public static Thresholds tune(OutputLayout layout, FramePooling pooling, List<String> segmentIds, double[][] p,
            double[][] y) {
        Thresholds frame = ThresholdTuner.tune(layout, p, y);
        SegmentPooling.Pooled sp = SegmentPooling.pool(layout, pooling, segmentIds, p);
        SegmentPooling.Pooled sy = SegmentPooling.pool(layout, segmentIds, y);
        return new Thresholds(frame.flags(), ThresholdTuner.tune(layout, sp.rows(), sy.rows()).flags());
    }
}
