package org.roadcoder.search.stats;

import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.api.StatsUpdateConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsInitializationConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;

/**
 * The DL4J training-UI listener roadcoder trains with (train and search): DL4J's {@link StatsListener}
 * reporting every {@code training.stats_every} iterations, with everything the overview page draws (score,
 * update to parameter ratios from the mean magnitudes, standard deviations, learning rates, memory, timing)
 * but no histograms. DL4J's histogram op took 99% of a report's time, as long as a whole training step of a
 * 1/4-width VGG11-BN at 128 px (JFR, {@code docs/performance.md}); only the model page's histogram panels
 * need them.
 */
public final class TrainingStats {

    private TrainingStats() {
    }

    /** A listener that reports to {@code router} every {@code every} iterations, under a new session id. */
    public static StatsListener listener(StatsStorageRouter router, int every) {
        return listener(router, every, null);
    }

    /** The same under {@code sessionId} (null: a new random one). */
    public static StatsListener listener(StatsStorageRouter router, int every, String sessionId) {
        DefaultStatsUpdateConfiguration update = new DefaultStatsUpdateConfiguration.Builder().reportingFrequency(every)
                .build();
        return new StatsListener(router, new DefaultStatsInitializationConfiguration(true, true, true),
                new NoHistograms(update), sessionId, null);
    }

    /**
     * DL4J's update configuration without histograms. Its builder's switches are not enough: M2.1's
     * {@code DefaultStatsUpdateConfiguration.collectHistograms(Gradients)} returns the gradients' standard
     * deviation switch, so gradient histograms were computed unless the overview's gradient standard
     * deviations went too.
     */
    private record NoHistograms(StatsUpdateConfiguration stock) implements StatsUpdateConfiguration {

        @Override
        public boolean collectHistograms(StatsType type) {
            return false;
        }

        @Override
        public int reportingFrequency() {
            return stock.reportingFrequency();
        }

        @Override
        public boolean collectPerformanceStats() {
            return stock.collectPerformanceStats();
        }

        @Override
        public boolean collectMemoryStats() {
            return stock.collectMemoryStats();
        }

        @Override
        public boolean collectGarbageCollectionStats() {
            return stock.collectGarbageCollectionStats();
        }

        @Override
        public boolean collectLearningRates() {
            return stock.collectLearningRates();
        }

        @Override
        public int numHistogramBins(StatsType type) {
            return stock.numHistogramBins(type);
        }

        @Override
        public boolean collectMean(StatsType type) {
            return stock.collectMean(type);
        }

        @Override
        public boolean collectStdev(StatsType type) {
            return stock.collectStdev(type);
        }

        @Override
        public boolean collectMeanMagnitudes(StatsType type) {
            return stock.collectMeanMagnitudes(type);
        }
    }
}
