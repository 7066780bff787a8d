package org.roadcoder.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One Spark task of spark-featurize: a run of whole segments and the number of its first batch file in the store.
 *
 * @param firstBatch the index of its first feature file ({@code features-<firstBatch>.bin})
 * @param frames     its frames, with their labels, in survey order
 */
record FeaturePart(int firstBatch, List<SparkFrame> frames) implements Serializable {

    /** The batch files this part writes at {@code batchSize} frames a batch. */
    int batches(int batchSize) {
        return (frames.size() + batchSize - 1) / batchSize;
    }
}
