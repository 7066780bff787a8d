package org.roadcoder.search;

import java.time.Duration;
import java.util.Objects;

/**
 * How to search.
 *
 * @param strategy      random or grid search
 * @param maxCandidates stop after this many candidates
 * @param maxTime       stop starting candidates after this much wall time
 * @param gridSteps     values per searched dimension in a grid search
 * @param epochs        epochs each candidate trains on the saved features
 * @param score         what ranks candidates: validation macro-F1 (higher is better) or validation loss
 * @param seed          seed of the random search
 */
public record SearchOptions(Strategy strategy, int maxCandidates, Duration maxTime, int gridSteps, int epochs,
                            ScoreKind score, long seed) {

    public enum Strategy { RANDOM, GRID }

    public enum ScoreKind { MACRO_F1, LOSS }

    public SearchOptions {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(score, "score");
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("max candidates must be at least 1, got " + maxCandidates);
        }
        if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("max time must be positive, got " + maxTime);
        }
        if (gridSteps < 2) {
            throw new IllegalArgumentException("grid steps must be at least 2, got " + gridSteps);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs per candidate must be at least 1, got " + epochs);
        }
    }

    /** Random search, 12 candidates, at most 1 hour, 5 epochs each, ranked by validation macro-F1. */
    public static SearchOptions defaults() {
        return new SearchOptions(Strategy.RANDOM, 12, Duration.ofHours(1), 3, 5, ScoreKind.MACRO_F1, 42);
    }

    public SearchOptions withStrategy(Strategy s) {
        return new SearchOptions(s, maxCandidates, maxTime, gridSteps, epochs, score, seed);
    }

    public SearchOptions withMaxCandidates(int n) {
        return new SearchOptions(strategy, n, maxTime, gridSteps, epochs, score, seed);
    }

    public SearchOptions withMaxTime(Duration d) {
        return new SearchOptions(strategy, maxCandidates, d, gridSteps, epochs, score, seed);
    }

    public SearchOptions withGridSteps(int n) {
        return new SearchOptions(strategy, maxCandidates, maxTime, n, epochs, score, seed);
    }

    public SearchOptions withEpochs(int n) {
        return new SearchOptions(strategy, maxCandidates, maxTime, gridSteps, n, score, seed);
    }

    public SearchOptions withScore(ScoreKind kind) {
        return new SearchOptions(strategy, maxCandidates, maxTime, gridSteps, epochs, kind, seed);
    }
}
