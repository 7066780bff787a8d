package org.roadcoder.data.iterate;

import java.util.List;
import org.roadcoder.data.survey.SurveyFrame;

/** Makes frame iterators, with asynchronous prefetch when the options ask for it. */
public final class FrameIterators {

    private FrameIterators() {
    }

    /**
     * An iterator over {@code frames}; with {@code options.prefetch() > 0} batches are prepared on a
     * background thread ({@link PrefetchIterator}) while the caller trains on the current one, and
     * each batch is valid until the next call to {@code next()}. Close it when done: it owns threads.
     */
    public static FrameIterator create(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options) {
        SurveyFrameIterator base = new SurveyFrameIterator(frames, labelNames, options);
        return options.prefetch() > 0 ? new PrefetchIterator(base, options.prefetch()) : base;
    }

    /**
     * Segment batches over {@code frames} ({@link SegmentBatchIterator}), prefetched like frame batches;
     * {@code options.batchSize()} is ignored for the segment count.
     */
    public static FrameIterator segments(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options,
            int segmentsPerBatch) {
        return segments(frames, labelNames, options, segmentsPerBatch, 0);
    }

    /** The same with {@code fillFrames} single frames of other segments in each batch ({@link SegmentBatchIterator}). */
    public static FrameIterator segments(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options,
            int segmentsPerBatch, int fillFrames) {
        SegmentBatchIterator base = new SegmentBatchIterator(frames, labelNames, options, segmentsPerBatch, fillFrames);
        return options.prefetch() > 0 ? new PrefetchIterator(base, options.prefetch()) : base;
    }
}
