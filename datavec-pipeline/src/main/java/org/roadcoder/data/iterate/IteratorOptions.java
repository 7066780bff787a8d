package org.roadcoder.data.iterate;

import java.util.Objects;
import org.roadcoder.data.image.Augmentation;
import org.roadcoder.data.image.ImagePreset;

/**
 * How frames become batches. Defaults in {@link #defaults()}.
 *
 * @param batchSize    frames per batch
 * @param height       image height after resizing
 * @param width        image width after resizing
 * @param preset       input normalisation, shared with prediction
 * @param augmentation training augmentation, or {@code null} for none (evaluation, prediction)
 * @param shuffle      shuffle frames every epoch
 * @param seed         seed for shuffling and augmentation: same seed, same batches
 * @param prefetch     batches prepared ahead on a background thread (0 = none)
 * @param workers      threads decoding the images of one batch
 */
public record IteratorOptions(int batchSize, int height, int width, ImagePreset preset, Augmentation augmentation,
                              boolean shuffle, long seed, int prefetch, int workers) implements java.io.Serializable {

    public IteratorOptions {
        Objects.requireNonNull(preset, "preset");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (height < 8 || width < 8) {
            throw new IllegalArgumentException("image size must be at least 8x8, got " + height + "x" + width);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must be 0 or more, got " + prefetch);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /** Batches of 16 at 224x224, VGG preprocessing, no augmentation, no shuffling, 2 batches prefetched. */
    public static IteratorOptions defaults() {
        return new IteratorOptions(16, 224, 224, ImagePreset.VGG, null, false, 42L, 2,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The same options for training: shuffled every epoch and augmented. */
    public IteratorOptions forTraining(Augmentation aug) {
        return new IteratorOptions(batchSize, height, width, preset, aug, true, seed, prefetch, workers);
    }

    public IteratorOptions withBatchSize(int n) {
        return new IteratorOptions(n, height, width, preset, augmentation, shuffle, seed, prefetch, workers);
    }

    public IteratorOptions withSize(int h, int w) {
        return new IteratorOptions(batchSize, h, w, preset, augmentation, shuffle, seed, prefetch, workers);
    }

    public IteratorOptions withPreset(ImagePreset p) {
        return new IteratorOptions(batchSize, height, width, p, augmentation, shuffle, seed, prefetch, workers);
    }

    public IteratorOptions withSeed(long s) {
        return new IteratorOptions(batchSize, height, width, preset, augmentation, shuffle, s, prefetch, workers);
    }

    public IteratorOptions withPrefetch(int n) {
        return new IteratorOptions(batchSize, height, width, preset, augmentation, shuffle, seed, n, workers);
    }

    public IteratorOptions withWorkers(int n) {
        return new IteratorOptions(batchSize, height, width, preset, augmentation, shuffle, seed, prefetch, n);
    }
}
