package org.roadcoder.model.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.model.OutputLayout;

/**
 * Pools frame outputs into one row per 100-metre segment, the way coders code a segment: the mean
 * probability over its frames for every output of an exclusive group (its argmax is the coded
 * category), the maximum for a flag (coded present when it reaches the threshold: coders record the
 * highest risk seen anywhere in the segment). The one implementation of segment pooling:
 * {@link SegmentCoder} codes pooled rows, and scoring pooled rows scores the segment codes.
 */
public final class SegmentPooling {

    /** One pooled row per segment, in order of first appearance, with the segment ids. */
    public record Pooled(List<String> segmentIds, double[][] rows) {
    }

    private SegmentPooling() {
    }

    /**
     * @param segmentIds the segment of every frame row, in the rows' order
     * @param frameRows  one row of output probabilities per frame
     */
    public static Pooled pool(OutputLayout layout, List<String> segmentIds, double[][] frameRows) {
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
            out[s++] = pool(layout, rows.toArray(double[][]::new));
        }
        return new Pooled(List.copyOf(bySegment.keySet()), out);
    }

    /** @param frames one row of output probabilities per frame of one segment, at least one */
    public static double[] pool(OutputLayout layout, double[][] frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("a segment needs at least one frame");
        }
        double[] out = new double[layout.size()];
        for (double[] row : frames) {
            if (row.length != layout.size()) {
                throw new IllegalArgumentException("frame rows must have " + layout.size() + " outputs, got "
                        + row.length);
            }
        }
        for (OutputLayout.Block b : layout.blocks()) {
            boolean flag = b.kind() == OutputLayout.Kind.SIGMOID;
            for (int c = b.offset(); c < b.end(); c++) {
                double acc = flag ? Double.NEGATIVE_INFINITY : 0;
                for (double[] row : frames) {
                    acc = flag ? Math.max(acc, row[c]) : acc + row[c];
                }
                out[c] = flag ? acc : acc / frames.length;
            }
        }
        return out;
    }
}
