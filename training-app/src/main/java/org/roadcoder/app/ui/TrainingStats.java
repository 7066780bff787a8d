package org.roadcoder.app.ui;

import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsInitializationConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;

/**
 * The DL4J training-UI listener roadcoder trains with: DL4J's {@link StatsListener} reporting every
 * {@code training.stats_every} iterations, with everything the overview page draws (score, update to
 * parameter ratios from the mean magnitudes, standard deviations, learning rates, memory, timing) but
 * no histograms. DL4J's histogram op took 99% of a report's time, as long as a whole training step of a
 * 1/4-width VGG11-BN at 128 px (JFR, {@code docs/performance.md}); only the model page's histogram
 * panels need them.
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
                .collectHistogramsParameters(false).collectHistogramsGradients(false).collectHistogramsUpdates(false)
                .collectHistogramsActivations(false).build();
        return new StatsListener(router, new DefaultStatsInitializationConfiguration(true, true, true), update,
                sessionId, null);
    }
}
