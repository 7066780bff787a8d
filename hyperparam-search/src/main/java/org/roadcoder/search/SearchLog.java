package org.roadcoder.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Every candidate's outcome, in the order they finished, and the best trained network so far.
 * Thread-safe: Arbiter may run candidates concurrently.
 */
final class SearchLog {

    private final boolean minimize;
    private final List<CandidateRecord> records = new ArrayList<>();
    private ComputationGraph best;
    private CandidateRecord bestRecord;

    SearchLog(boolean minimize) {
        this.minimize = minimize;
    }

    synchronized void add(CandidateRecord r, ComputationGraph trained) {
        records.add(r);
        if (!r.failed() && !Double.isNaN(r.score()) && (bestRecord == null || better(r.score(), bestRecord.score()))) {
            best = trained;
            bestRecord = r;
        }
    }

    private boolean better(double a, double b) {
        return minimize ? a < b : a > b;
    }

    /** Best first; failed candidates last, by index. */
    synchronized List<CandidateRecord> ranked() {
        Comparator<CandidateRecord> byScore = Comparator.comparingDouble(CandidateRecord::score);
        if (!minimize) {
            byScore = byScore.reversed();
        }
        Comparator<CandidateRecord> order = Comparator.comparing(CandidateRecord::failed).thenComparing(byScore)
                .thenComparingInt(CandidateRecord::index);
        List<CandidateRecord> out = new ArrayList<>(records);
        out.sort(order);
        return out;
    }

    synchronized ComputationGraph best() {
        return best;
    }

    synchronized CandidateRecord bestRecord() {
        return bestRecord;
    }
}
