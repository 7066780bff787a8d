package org.roadcoder.app.predict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.segment.SegmentCode;
import org.roadcoder.model.segment.SegmentCoder;

/**
 * Collects frame outputs in survey order and codes each segment as soon as its last frame has
 * passed, so memory holds one segment, not the survey. Frames of a segment must be contiguous in
 * frames.csv (they are, one every 10 m); a segment that comes back later is an error naming the line.
 */
final class SegmentStream {

    /** A coded segment with the frames it was coded from. */
    record Coded(String segmentId, List<SurveyFrame> frames, SegmentCode code) {
    }

    private final SegmentCoder coder;
    private final Consumer<Coded> sink;
    private final Set<String> done = new HashSet<>();
    private final List<SurveyFrame> frames = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private String current;

    SegmentStream(SegmentCoder coder, Consumer<Coded> sink) {
        this.coder = coder;
        this.sink = sink;
    }

    void add(SurveyFrame frame, double[] probabilities) {
        if (!frame.segmentId().equals(current)) {
            flush();
            if (!done.add(frame.segmentId())) {
                throw new DataException(null, "frames.csv:" + frame.line() + ": column 'segment_id', value '"
                        + frame.segmentId() + "': the segment's frames are not together; sort frames.csv by segment");
            }
            current = frame.segmentId();
        }
        frames.add(frame);
        rows.add(probabilities);
    }

    void flush() {
        if (current != null && !rows.isEmpty()) {
            sink.accept(new Coded(current, List.copyOf(frames), coder.code(rows.toArray(double[][]::new))));
        }
        frames.clear();
        rows.clear();
        current = null;
    }
}
