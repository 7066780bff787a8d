package org.roadcoder.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.FramePooling;

/**
 * Frame outputs pooled per 100-m segment the way {@code SegmentCoder} codes a segment: with the model's
 * {@link FramePooling} (a frame-level model's: the mean over its frames for an exclusive block, the
 * maximum for a flag; a segment-level model's: the pooling it was trained with). Scoring the pooled
 * rows with the {@code Evaluator} therefore scores the segment codes.
 */
public final class SegmentPooling {

    /** One row per segment, in order of first appearance, with the segment ids. */
    public record Pooled(List<String> segmentIds, double[][] rows) {
    }

    private SegmentPooling() {
    }

    /** Pooled as a frame-level model's segments are ({@link FramePooling#frameDefault()}). */
    public static Pooled pool(OutputLayout layout, List<SurveyFrame> frames, double[][] frameRows) {
        return pool(layout, FramePooling.frameDefault(), frames, frameRows);
    }

    public static Pooled pool(OutputLayout layout, FramePooling pooling, List<SurveyFrame> frames,
            double[][] frameRows) {
        Map<String, List<double[]>> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < frameRows.length; i++) {
            bySegment.computeIfAbsent(frames.get(i).segmentId(), k -> new ArrayList<>()).add(frameRows[i]);
        }
        int[] blocks = layout.blocks().stream().mapToInt(OutputLayout.Block::size).toArray();
        double[][] out = new double[bySegment.size()][];
        int s = 0;
        for (List<double[]> rows : bySegment.values()) {
            out[s++] = pooling.poolProbabilities(blocks, rows.toArray(double[][]::new));
        }
        return new Pooled(List.copyOf(bySegment.keySet()), out);
    }
}
