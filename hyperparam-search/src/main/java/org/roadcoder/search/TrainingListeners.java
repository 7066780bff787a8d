package org.roadcoder.search;

import java.nio.file.Path;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.ui.listener.ArbiterStatusListener;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.roadcoder.search.stats.BackgroundStatsRouter;
import org.roadcoder.search.stats.TrainingStats;

/**
 * Makes a search visible in DL4J's UI server: every candidate's training as a training-UI session
 * ({@code candidate-0}, {@code candidate-1}, ...) and the search itself in Arbiter's pages (session
 * {@value #SEARCH_SESSION}: configuration, candidates, scores), all in one stats file that
 * {@code roadcoder ui} serves. Or nothing, for tests that do not need it. Candidates report as
 * {@code train} does: {@link TrainingStats} (no histograms) every {@code training.stats_every} iterations,
 * written by a {@link BackgroundStatsRouter}.
 */
public final class TrainingListeners implements AutoCloseable {

    /** The session under which Arbiter's pages show the search. */
    public static final String SEARCH_SESSION = "search";

    private final StatsStorage storage;
    private final BackgroundStatsRouter writer;
    private final int every;

    private TrainingListeners(StatsStorage storage, int every) {
        if (every < 0) {
            throw new IllegalArgumentException("iterations between two training-UI reports: must be 0 (none) or more, got "
                    + every);
        }
        this.storage = storage;
        this.writer = storage == null ? null : new BackgroundStatsRouter(storage);
        this.every = every;
    }

    public static TrainingListeners none() {
        return new TrainingListeners(null, 0);
    }

    /**
     * Writes the search's records to {@code file} (DL4J's file stats storage), and every candidate's training
     * statistics every {@code every} iterations (0: none, only the search's records).
     */
    public static TrainingListeners toStatsFile(Path file, int every) {
        return new TrainingListeners(new FileStatsStorage(file.toFile()), every);
    }

    /** The session id under which candidate {@code index} appears in the training UI. */
    public static String sessionId(int index) {
        return "candidate-" + index;
    }

    /** Adds a stats listener for candidate {@code index} to the graph that is being trained. */
    void attach(ComputationGraph trained, int index) {
        if (storage != null && every > 0) {
            trained.addListeners(TrainingStats.listener(writer, every, sessionId(index)));
        }
    }

    /** Waits until every candidate report so far is in the storage (a finished candidate's session is complete). */
    void flush() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** Reports the search's configuration and its candidates' status and scores, for Arbiter's pages. */
    void attach(IOptimizationRunner runner) {
        if (storage != null) {
            runner.addListeners(new ArbiterStatusListener(SEARCH_SESSION, storage));
        }
    }

    /** The storage, for tests and the UI; null when none. */
    public StatsStorage storage() {
        return storage;
    }

    @Override
    public void close() throws Exception {
        if (storage != null) {
            try {
                writer.close();
            } finally {
                storage.close();
            }
        }
    }
}
