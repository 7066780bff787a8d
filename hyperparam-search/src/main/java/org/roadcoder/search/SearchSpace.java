package org.roadcoder.search;

/**
 * What the search may try for the classifier head. Dropout is given as the DROP rate (the share
 * of units dropped, as in PyTorch); the model module converts it to DL4J's keep probability.
 *
 * @param hiddenMin  smallest hidden size (log-uniform between min and max), default 64
 * @param hiddenMax  largest hidden size, default 2048
 * @param dropMin    smallest drop rate, default 0.0
 * @param dropMax    largest drop rate, default 0.8
 * @param lrMin      smallest classifier learning rate (log-uniform), or 0 to keep the base one fixed
 * @param lrMax      largest classifier learning rate, or 0 to keep the base one fixed
 */
public record SearchSpace(int hiddenMin, int hiddenMax, double dropMin, double dropMax, double lrMin, double lrMax) {

    public SearchSpace {
        if (hiddenMin < 1 || hiddenMax < hiddenMin) {
            throw new IllegalArgumentException("hidden size range must be 1 <= min <= max, got " + hiddenMin + ".."
                    + hiddenMax);
        }
        if (!(dropMin >= 0 && dropMax < 1 && dropMin <= dropMax)) {
            throw new IllegalArgumentException("drop rate range must be 0 <= min <= max < 1, got " + dropMin + ".."
                    + dropMax);
        }
        boolean fixedLr = lrMin == 0 && lrMax == 0;
        if (!fixedLr && !(lrMin > 0 && lrMax >= lrMin)) {
            throw new IllegalArgumentException("learning rate range must be 0 < min <= max (or both 0 to keep it "
                    + "fixed), got " + lrMin + ".." + lrMax);
        }
    }

    /** Hidden size 64-2048, drop rate 0.0-0.8, learning rate fixed. */
    public static SearchSpace defaults() {
        return new SearchSpace(64, 2048, 0.0, 0.8, 0, 0);
    }

    public SearchSpace withHidden(int min, int max) {
        return new SearchSpace(min, max, dropMin, dropMax, lrMin, lrMax);
    }

    public SearchSpace withDropRate(double min, double max) {
        return new SearchSpace(hiddenMin, hiddenMax, min, max, lrMin, lrMax);
    }

    public SearchSpace withLearningRate(double min, double max) {
        return new SearchSpace(hiddenMin, hiddenMax, dropMin, dropMax, min, max);
    }

    public boolean searchesLearningRate() {
        return lrMax > 0;
    }
}
