package org.roadcoder.search;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;

/**
 * Makes every candidate's training visible in the DL4J training UI: one session per candidate
 * ({@code candidate-0}, {@code candidate-1}, ...) in one stats file, which {@code roadcoder ui}
 * serves. Or nothing, for tests that do not need it.
 */
public final class TrainingListeners implements AutoCloseable {

    private final StatsStorage storage;

    private TrainingListeners(StatsStorage storage) {
        this.storage = storage;
    }

    public static TrainingListeners none() {
        return new TrainingListeners(null);
    }

    /** Writes every candidate's training statistics to {@code file} (DL4J's file stats storage). */
    public static TrainingListeners toStatsFile(Path file) {
        File f = file.toFile();
        return new TrainingListeners(new FileStatsStorage(f));
    }

    /** The session id under which candidate {@code index} appears in the UI. */
    public static String sessionId(int index) {
        return "candidate-" + index;
    }

    /** Adds a stats listener for candidate {@code index} to the graph that is being trained. */
    public void attach(ComputationGraph trained, int index) {
        if (storage != null) {
            trained.addListeners(new StatsListener(storage, 1, sessionId(index)));
        }
    }

    /** The storage, for tests and the UI; null when none. */
    public StatsStorage storage() {
        return storage;
    }

    @Override
    public void close() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }
}
