package org.roadcoder.app.train;

import org.roadcoder.app.config.RunConfig;
import org.roadcoder.data.image.Augmentation;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.model.transfer.LearningRateSchedule;

/**
 * How the {@link Trainer} runs.
 *
 * @param iterator         batch size, input size, preset, workers, prefetch (no augmentation: that is below)
 * @param augmentation     training augmentation, or null
 * @param epochs           the last epoch to run (a resumed run continues up to it)
 * @param patience         epochs without a better validation macro-F1 before stopping
 * @param divergenceFactor an epoch mean loss above this times the first epoch's is divergence
 * @param seed             seeds shuffling, augmentation and dropout per epoch, so a resumed epoch is the same
 * @param maxBatches       training and validation batches per epoch at most; 0 for all (tests use 2)
 * @param segmentsPerBatch 0 to train on frames; otherwise train on whole segments, this many per batch
 *                         (a segment-level network: frames, frame mask in; segment labels out)
 * @param keepLast         keep every epoch's network as the run's model (the last one wins; no early stopping)
 *                         instead of the best validated one
 * @param schedule         how the learning rates move over the {@code epochs} (set on the network by {@link Trainer#fit})
 * @param segmentFill      segment-level training: single frames of other segments added to each batch, trained
 *                         frame by frame only ({@code training.segment_fill})
 * @param wholePooledOnly  segment-level training: the whole segments' frames train only the pooled groups
 *                         ({@code training.segment_frames: pooled})
 */
public record TrainerOptions(IteratorOptions iterator, Augmentation augmentation, int epochs, int patience,
        double divergenceFactor, long seed, int maxBatches, int segmentsPerBatch, boolean keepLast, LearningRateSchedule schedule,
        int segmentFill, boolean wholePooledOnly) {

    public TrainerOptions {
        if (epochs < 1 || patience < 1 || maxBatches < 0 || !(divergenceFactor > 1) || segmentsPerBatch < 0
                || segmentFill < 0) {
            throw new IllegalArgumentException("bad trainer options: epochs " + epochs + ", patience " + patience
                    + ", max batches " + maxBatches + ", divergence factor " + divergenceFactor
                    + ", segments per batch " + segmentsPerBatch + ", segment fill " + segmentFill);
        }
    }

    /** How the {@link Trainer} fits a network configured by {@code config}; {@code maxBatches} 0 for all. */
    public static TrainerOptions of(RunConfig config, int maxBatches) {
        return new TrainerOptions(config.iteratorOptions(), config.data().augmentation(), config.training().epochs(),
                config.training().patience(), config.training().divergenceFactor(), config.training().seed(),
                maxBatches, config.training().segmentLevel() ? config.training().segmentsPerBatch() : 0,
                config.training().keepLast(), config.training().schedule(),
                config.training().segmentLevel() ? config.training().segmentFill() : 0,
                config.training().segmentLevel() && config.training().wholeSegmentsTrainPooledOnly());
    }

    /** The iterator of training epoch {@code epoch} (0-based): shuffled and augmented from its own seed. */
    public IteratorOptions forEpoch(int epoch) {
        return iterator.withSeed(seed * 1_000_003L + epoch).forTraining(augmentation);
    }

    public boolean segmentLevel() {
        return segmentsPerBatch > 0;
    }
}
