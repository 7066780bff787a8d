package org.roadcoder.data.split;

/**
 * Shares of the roads for training, validation and test.
 *
 * @param train      share of roads to train on, greater than 0
 * @param validation share of roads for validation (early stopping, thresholds), may be 0
 * @param test       share of roads held out for the final scores, may be 0
 */
public record SplitFractions(double train, double validation, double test) {

    public SplitFractions {
        if (!(train > 0 && train <= 1) || !(validation >= 0) || !(test >= 0)) {
            throw new IllegalArgumentException("split fractions must be train in (0, 1], validation and test >= 0; got "
                    + train + "/" + validation + "/" + test);
        }
        if (Math.abs(train + validation + test - 1) > 1e-6) {
            throw new IllegalArgumentException("split fractions must add up to 1, got " + train + " + " + validation
                    + " + " + test + " = " + (train + validation + test));
        }
    }

    /** 70 / 15 / 15. */
    public static SplitFractions defaults() {
        return new SplitFractions(0.70, 0.15, 0.15);
    }

    /** The least number of roads that gives every non-zero share at least one road. */
    public int minimumRoads() {
        return 1 + (validation > 0 ? 1 : 0) + (test > 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return Math.round(train * 100) + "/" + Math.round(validation * 100) + "/" + Math.round(test * 100);
    }
}
