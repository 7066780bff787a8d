package org.roadcoder.app.confidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.SegmentCode;
import org.roadcoder.model.segment.SegmentCoder;

/**
 * One segment's code next to its labels, for scoring confidence: whether each attribute was coded right.
 *
 * @param truth the coders' label vector (schema output order)
 */
public record CodedSegment(String segmentId, SegmentCode code, float[] truth) {

    /** Whether the code's category of {@code block} is the labelled one. */
    public boolean correct(OutputLayout.Block block) {
        int coded = code.category(block.name());
        if (block.kind() == OutputLayout.Kind.SIGMOID) {
            return (truth[block.offset()] >= 0.5f ? 1 : 0) == coded;
        }
        int best = 0;
        for (int c = 1; c < block.size(); c++) {
            if (truth[block.offset() + c] > truth[block.offset() + best]) {
                best = c;
            }
        }
        return best == coded;
    }

    /**
     * Codes every segment of scored frames as {@code predict} does.
     *
     * @param coder         the model's segment coder (segment thresholds, the model's pooling), as {@code predict} makes it
     * @param segmentIds    the segment of each frame row
     * @param probabilities one row of output probabilities per frame
     * @param labels        segment id to its label vector; segments without one are left out
     */
    public static List<CodedSegment> code(SegmentCoder coder, List<String> segmentIds,
            double[][] probabilities, Map<String, float[]> labels) {
        Map<String, List<double[]>> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            bySegment.computeIfAbsent(segmentIds.get(i), k -> new ArrayList<>()).add(probabilities[i]);
        }
        List<CodedSegment> out = new ArrayList<>();
        bySegment.forEach((id, rows) -> {
            float[] truth = labels.get(id);
            if (truth != null && truth.length > 0) {
                out.add(new CodedSegment(id, coder.code(rows.toArray(double[][]::new)), truth));
            }
        });
        return out;
    }
}
