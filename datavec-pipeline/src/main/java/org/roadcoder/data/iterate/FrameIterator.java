package org.roadcoder.data.iterate;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A frame iterator that owns threads (image decoding, prefetch): close it when done, best with
 * try-with-resources. Closing never fails.
 */
public interface FrameIterator extends DataSetIterator, AutoCloseable {

    @Override
    void close();
}
