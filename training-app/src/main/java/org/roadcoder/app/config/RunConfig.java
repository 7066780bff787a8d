package org.roadcoder.app.config;

import java.util.Map;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.model.transfer.LearningRateSchedule;

/**
 * Everything a training run is configured with; the YAML file's three sections. {@link #defaults()}
 * is the one place defaults live: a file and {@code --set} flags only override them.
 */
public record RunConfig(ModelConfig model, DataConfig data, TrainingConfig training) {

    public RunConfig {
        ConfigException.require(model != null, "model", "section is required");
        ConfigException.require(data != null, "data", "section is required");
        ConfigException.require(training != null, "training", "section is required");
        ConfigException.require(!training.segmentLevel() || "segments".equals(data.labels()), "training.unit",
                "segment trains on the coders' segment labels and needs data.labels: segments, not " + data.labels());
    }

    /**
     * Batches for validation, evaluation, prediction and featurizing: the run's input size, preset, batch
     * size, seed, workers and prefetch, no augmentation (training adds its own per epoch).
     */
    public IteratorOptions iteratorOptions() {
        int size = model.inputSize();
        return IteratorOptions.defaults().withBatchSize(training.batchSize()).withSize(size, size)
                .withPreset(data.presetKind()).withSeed(training.seed())
                .withPrefetch(data.prefetch()).withWorkers(data.workers());
    }

    /** The proof of concept at full size: VGG16 from ImageNet at 224 px, h = 300, dropout 0.5, BCE. */
    public static RunConfig defaults() {
        return new RunConfig(
                new ModelConfig("vgg16", "imagenet", "torch", 1.0, 224, 300, 0.5, "bce", Map.of(), Map.of(),
                        ModelConfig.NO_FREEZE, 1e-4, 1e-3, SegmentPoolingConfig.defaults(),
                        ModelConfig.AUTO),
                new DataConfig("vgg", "segments", new DataConfig.SplitConfig(0.70, 0.15, 0.15), 42, true, 2, 2),
                new TrainingConfig(16, 20, 3, 42, 10, TrainingConfig.DEFAULT_STATS_EVERY, TrainingConfig.FRAME,
                        TrainingConfig.KEEP_BEST, LearningRateSchedule.CONSTANT.id(), 0,
                        TrainingConfig.SEGMENT_FRAMES_ALL));
    }
}
