package org.roadcoder.spark;

import java.io.Serializable;

/**
 * One frame's probabilities, by its index in the survey, as an executor sends it back; or, instead of
 * the rest of a partition, the error that stopped it (the user's data was wrong: retrying cannot help).
 */
public record ScoredFrame(int index, double[] probabilities, String error) implements Serializable {

    static ScoredFrame scored(int index, double[] probabilities) {
        return new ScoredFrame(index, probabilities, null);
    }

    static ScoredFrame failed(String error) {
        return new ScoredFrame(-1, null, error);
    }
}
