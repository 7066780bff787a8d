package org.roadcoder.search;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.ui.listener.ArbiterStatusListener;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;

/**
 * Makes a search visible in DL4J's UI server: every candidate's training as a training-UI session
 * ({@code candidate-0}, {@code candidate-1}, ...) and the search itself in Arbiter's pages (session
 * {@value #SEARCH_SESSION}: configuration, candidates, scores), all in one stats file that
 * {@code roadcoder ui} serves. Or nothing, for tests that do not need it.
 */
public final class TrainingListeners implements AutoCloseable {

    /** The session under which Arbiter's pages show the search. */
    public static final String SEARCH_SESSION = "search";

    /** Iterations between two training-UI reports of a candidate: the default of {@code train}'s
     *  {@code training.stats_every}, which bounds the stats file's growth (~35 KB a report for a VGG11). */
    public static final int REPORT_EVERY = 10;

    private final StatsStorage storage;

    private TrainingListeners(StatsStorage storage) {
        this.storage = storage;
    }

    public static TrainingListeners none() {
        return new TrainingListeners(null);
    }

    /** Writes every candidate's training statistics, and the search's, to {@code file} (DL4J's file stats storage). */
    public static TrainingListeners toStatsFile(Path file) {
        File f = file.toFile();
        return new TrainingListeners(new FileStatsStorage(f));
    }

    /** The session id under which candidate {@code index} appears in the training UI. */
    public static String sessionId(int index) {
        return "candidate-" + index;
    }

    /** Adds a stats listener for candidate {@code index} to the graph that is being trained. */
    void attach(ComputationGraph trained, int index) {
        if (storage != null) {
            trained.addListeners(new StatsListener(storage, REPORT_EVERY, sessionId(index)));
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
            storage.close();
        }
    }
}
