package org.roadcoder.model.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.model.OutputLayout;

/**
 * Pools frame outputs into one row per 100-metre segment with a {@link FramePooling}: a frame-level
 * model's ({@link FramePooling#frameDefault()}) is the way coders code a segment, the mean probability
 * over its frames for every output of an exclusive group (its argmax is the coded category) and the
 * maximum for a flag (coded present when it reaches the threshold: coders record the highest risk seen
 * anywhere in the segment); a segment-level model's is the pooling it was trained with. The one
 * implementation of segment pooling: {@link SegmentCoder} codes pooled rows, scoring pooled rows scores
 * the segment codes, and {@link SegmentPoolVertex} trains with the same arithmetic.
 */
public final class SegmentPooling {

    /** One pooled row per segment, in order of first appearance, with the segment ids. */
    public record Pooled(List<String> segmentIds, double[][] rows) {
    }

    private SegmentPooling() {
    }

    /** Pooled as a frame-level model's segments are. */
    public static Pooled pool(OutputLayout layout, List<String> segmentIds, double[][] frameRows) {
        return pool(layout, FramePooling.frameDefault(), segmentIds, frameRows);
    }

    /**
     * @param segmentIds the segment of every frame row, in the rows' order
     * @param frameRows  one row of output probabilities per frame
     */
    public static Pooled pool(OutputLayout layout, FramePooling pooling, List<String> segmentIds,
            double[][] frameRows) {
        if (segmentIds.size() != frameRows.length) {
            throw new IllegalArgumentException(segmentIds.size() + " segment ids for " + frameRows.length
                    + " frame rows");
        }
        Map<String, List<double[]>> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < frameRows.length; i++) {
            bySegment.computeIfAbsent(segmentIds.get(i), k -> new ArrayList<>()).add(frameRows[i]);
        }
        double[][] out = new double[bySegment.size()][];
        int s = 0;
        for (List<double[]> rows : bySegment.values()) {
            out[s++] = pool(layout, pooling, rows.toArray(double[][]::new));
        }
        return new Pooled(List.copyOf(bySegment.keySet()), out);
    }

    /** Pooled as a frame-level model's segment is. */
    public static double[] pool(OutputLayout layout, double[][] frames) {
        return pool(layout, FramePooling.frameDefault(), frames);
    }

    /** @param frames one row of output probabilities per frame of one segment, at least one */
    public static double[] pool(OutputLayout layout, FramePooling pooling, double[][] frames) {
        return pooling.poolProbabilities(blockSizes(layout), frames);
    }

    /** 1 for a flag, the block's size for an exclusive block, in output order. */
    static int[] blockSizes(OutputLayout layout) {
        return layout.blocks().stream().mapToInt(OutputLayout.Block::size).toArray();
    }
}
