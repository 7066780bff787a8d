package org.roadcoder.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.roadcoder.data.image.Augmentation;
import org.roadcoder.data.image.ImagePreset;
import org.roadcoder.data.split.SplitFractions;
import org.roadcoder.data.survey.LabelSource;

/**
 * The {@code data:} section: how frames become batches and how roads are split.
 *
 * @param preset   input normalisation (vgg, torchvision, unit), shared by training and prediction
 * @param labels   segments (the coders' 100-m labels, as in the proof of concept) or truth (frames_truth.csv)
 * @param split    shares of roads for training, validation and test
 * @param splitSeed seeds which roads go where; separate from {@code training.seed}, so comparing training
 *                  seeds keeps the same test roads
 * @param augment  random crop and colour jitter on training batches
 * @param workers  threads decoding images
 * @param prefetch batches prepared ahead while the network trains
 */
@JsonPropertyOrder({"preset", "labels", "split", "split_seed", "augment", "workers", "prefetch"})
public record DataConfig(String preset, String labels, SplitConfig split, @JsonProperty("split_seed") long splitSeed,
        boolean augment, int workers, int prefetch) {

    /** @see SplitFractions */
    public record SplitConfig(double train, double validation, double test) {
        public SplitConfig {
            try {
                new SplitFractions(train, validation, test);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("data.split", e.getMessage());
            }
            ConfigException.require(validation > 0, "data.split.validation",
                    "must be positive: early stopping and thresholds are chosen on validation roads");
        }

        public SplitFractions fractions() {
            return new SplitFractions(train, validation, test);
        }
    }

    public DataConfig {
        ConfigException.require(split != null, "data.split", "is required");
        presetKind(preset);
        ConfigException.require("segments".equals(labels) || "truth".equals(labels), "data.labels",
                "expected segments or truth, got " + labels);
        ConfigException.require(workers >= 1, "data.workers", "must be at least 1, got " + workers);
        ConfigException.require(prefetch >= 0, "data.prefetch", "must be 0 or more, got " + prefetch);
    }

    public ImagePreset presetKind() {
        return presetKind(preset);
    }

    /** Which labels training reads: segments.csv or frames_truth.csv. */
    public LabelSource labelSource() {
        return "truth".equals(labels) ? LabelSource.FRAME_TRUTH : LabelSource.SEGMENTS;
    }

    public Augmentation augmentation() {
        return augment ? Augmentation.defaults() : null;
    }

    private static ImagePreset presetKind(String id) {
        ConfigException.require(id != null, "data.preset", "is required");
        try {
            return ImagePreset.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("data.preset", e.getMessage());
        }
    }
}
