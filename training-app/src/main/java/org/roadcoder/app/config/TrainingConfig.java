package org.roadcoder.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code training:} section.
 *
 * @param batchSize        frames per batch
 * @param epochs           most passes over the training roads
 * @param patience         epochs without a better validation macro-F1 before stopping early
 * @param seed             one seed for split, initialisation, shuffling, augmentation and dropout
 * @param divergenceFactor stop when an epoch's mean loss exceeds this many times the first epoch's
 * @param statsEvery       iterations between two reports of DL4J's training-UI statistics (score chart,
 *                         parameter and update summaries); each report costs a fraction of a step
 *                         (docs/performance.md), so not every iteration
 */
@JsonPropertyOrder({"batch_size", "epochs", "patience", "seed", "divergence_factor", "stats_every"})
public record TrainingConfig(
        @JsonProperty("batch_size") int batchSize,
        int epochs,
        int patience,
        long seed,
        @JsonProperty("divergence_factor") double divergenceFactor,
        @JsonProperty("stats_every") int statsEvery) {

    public TrainingConfig {
        ConfigException.require(batchSize >= 1, "training.batch_size", "must be at least 1, got " + batchSize);
        ConfigException.require(epochs >= 1, "training.epochs", "must be at least 1, got " + epochs);
        ConfigException.require(patience >= 1, "training.patience", "must be at least 1, got " + patience);
        ConfigException.require(divergenceFactor > 1, "training.divergence_factor",
                "must be greater than 1, got " + divergenceFactor);
        ConfigException.require(statsEvery >= 1, "training.stats_every", "must be at least 1, got " + statsEvery);
    }
}
