package org.roadcoder.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.dataset.DataSet;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.iterate.SurveyFrameIterator;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * The executor side of spark-train: makes the training batches whose numbers it is given, exactly as the local
 * trainer's iterator makes them in the same epoch (same shuffled order, same augmentation draws per position),
 * decoding the images on the executor.
 */
final class EpochBatches implements FlatMapFunction<Iterator<Integer>, DataSet> {

    private static final long serialVersionUID = 1L;
    private final Broadcast<List<SparkFrame>> frames;
    private final List<String> outputNames;
    private final IteratorOptions epoch;

    /** @param epoch the epoch's iterator options ({@code TrainerOptions.forEpoch}) */
    EpochBatches(Broadcast<List<SparkFrame>> frames, List<String> outputNames, IteratorOptions epoch) {
        this.frames = frames;
        this.outputNames = List.copyOf(outputNames);
        this.epoch = epoch.withPrefetch(0);
    }

    /** One batch at a time, as the training master consumes them: a partition's images are never all in memory. */
    @Override
    public Iterator<DataSet> call(Iterator<Integer> batches) {
        List<SurveyFrame> all = frames.value().stream().map(SparkFrame::toSurveyFrame).toList();
        SurveyFrameIterator it = new SurveyFrameIterator(all, outputNames, epoch);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = batches.hasNext();
                if (!more) {
                    it.close();
                }
                return more;
            }

            @Override
            public DataSet next() {
                it.skipTo(batches.next() * epoch.batchSize());
                return it.next();
            }
        };
    }
}
