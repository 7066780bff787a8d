package org.roadcoder.spark;

import java.util.ArrayList;
import java.util.List;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * Cuts a survey into partitions of whole segments, in survey order: a segment's frames never span two
 * partitions, so segment codes can be pooled from the frames in order, as the local command does.
 */
public final class SegmentPartitions {

    private SegmentPartitions() {
    }

    /** About {@code partitions} runs of consecutive frames of roughly equal size, cut only between segments. */
    public static List<List<SparkFrame>> split(List<SurveyFrame> frames, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions " + partitions + ": expected at least 1");
        }
        int target = Math.max(1, (int) Math.ceil(frames.size() / (double) partitions));
        List<List<SparkFrame>> out = new ArrayList<>();
        List<SparkFrame> current = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            SurveyFrame f = frames.get(i);
            boolean newSegment = i > 0 && !f.segmentId().equals(frames.get(i - 1).segmentId());
            if (newSegment && current.size() >= target) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(SparkFrame.of(i, f));
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
