package org.roadcoder.data.iterate;

import java.util.List;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.roadcoder.data.survey.SurveyFrame;

/** Makes frame iterators, with asynchronous prefetch when the options ask for it. */
public final class FrameIterators {

    private FrameIterators() {
    }

    /**
     * An iterator over {@code frames}; with {@code options.prefetch() > 0} batches are prepared on a
     * background thread ({@link AsyncDataSetIterator}) while the caller trains on the current one.
     */
    public static DataSetIterator create(List<SurveyFrame> frames, List<String> labelNames, IteratorOptions options) {
        SurveyFrameIterator base = new SurveyFrameIterator(frames, labelNames, options);
        return options.prefetch() > 0 ? new AsyncDataSetIterator(base, options.prefetch(), true) : base;
    }
}
