package org.roadcoder.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;

/**
 * Frame outputs pooled per 100-m segment the way {@code SegmentCoder} codes a segment: the mean over
 * its frames for an exclusive block (its argmax is the coded category), the maximum for a flag (coded
 * present when it reaches the threshold). Scoring the pooled rows with the {@code Evaluator} therefore
 * scores the segment codes.
 */
public final class SegmentPooling {

    /** One row per segment, in order of first appearance, with the segment ids. */
    public record Pooled(List<String> segmentIds, double[][] rows) {
    }

    private SegmentPooling() {
    }

    public static Pooled pool(OutputLayout layout, List<SurveyFrame> frames, double[][] frameRows) {
        Map<String, List<double[]>> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < frameRows.length; i++) {
            bySegment.computeIfAbsent(frames.get(i).segmentId(), k -> new ArrayList<>()).add(frameRows[i]);
        }
        double[][] out = new double[bySegment.size()][];
        int s = 0;
        for (List<double[]> rows : bySegment.values()) {
            out[s++] = pool(layout, rows);
        }
        return new Pooled(List.copyOf(bySegment.keySet()), out);
    }

    static double[] pool(OutputLayout layout, List<double[]> rows) {
        double[] out = new double[layout.size()];
        for (OutputLayout.Block b : layout.blocks()) {
            for (int c = b.offset(); c < b.end(); c++) {
                double acc = b.kind() == OutputLayout.Kind.SIGMOID ? Double.NEGATIVE_INFINITY : 0;
                for (double[] r : rows) {
                    acc = b.kind() == OutputLayout.Kind.SIGMOID ? Math.max(acc, r[c]) : acc + r[c];
                }
                out[c] = b.kind() == OutputLayout.Kind.SIGMOID ? acc : acc / rows.size();
            }
        }
        return out;
    }
}
