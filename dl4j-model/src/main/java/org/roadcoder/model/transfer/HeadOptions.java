package org.roadcoder.model.transfer;

/**
 * The new classifier and how the backbone trains under it.
 *
 * @param hidden       width of the two hidden layers (the proof of concept: 300)
 * @param dropRate     probability of DROPPING a unit before each hidden-to-next layer, in [0, 1),
 *                     as PyTorch counts it; DL4J's {@code dropOut(p)} takes the keep probability,
 *                     see {@link #keepProbability()}
 * @param featureLr    Adam learning rate of the backbone's layers when they are fine-tuned
 * @param classifierLr Adam learning rate of the new classifier
 * @param freezeUpTo   null to fine-tune everything at {@code featureLr} (the proof of concept's
 *                     choice), or a backbone layer name: it and everything before it are frozen
 * @param seed         initialisation and dropout seed
 */
public record HeadOptions(int hidden, double dropRate, double featureLr, double classifierLr, String freezeUpTo,
        long seed) implements java.io.Serializable {

    public static final int DEFAULT_HIDDEN = 300;
    public static final double DEFAULT_DROP_RATE = 0.5;
    public static final double DEFAULT_FEATURE_LR = 1e-4;
    public static final double DEFAULT_CLASSIFIER_LR = 1e-3;
    public static final long DEFAULT_SEED = 42;

    public HeadOptions {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden size must be at least 1, got " + hidden);
        }
        if (!(dropRate >= 0 && dropRate < 1)) {
            throw new IllegalArgumentException("drop rate must be in [0, 1), got " + dropRate
                    + " (it is the probability of dropping a unit, not of keeping it)");
        }
        if (!(featureLr > 0) || !(classifierLr > 0)) {
            throw new IllegalArgumentException("learning rates must be positive, got features " + featureLr
                    + ", classifier " + classifierLr);
        }
        if (freezeUpTo != null && freezeUpTo.isBlank()) {
            throw new IllegalArgumentException("freezeUpTo must name a layer or be null");
        }
    }

    /** The proof of concept's head: 300 hidden, drop 0.5, everything fine-tuned. */
    public static HeadOptions defaults() {
        return new HeadOptions(DEFAULT_HIDDEN, DEFAULT_DROP_RATE, DEFAULT_FEATURE_LR, DEFAULT_CLASSIFIER_LR, null,
                DEFAULT_SEED);
    }

    public HeadOptions withHidden(int newHidden) {
        return new HeadOptions(newHidden, dropRate, featureLr, classifierLr, freezeUpTo, seed);
    }

    public HeadOptions withDropRate(double newDropRate) {
        return new HeadOptions(hidden, newDropRate, featureLr, classifierLr, freezeUpTo, seed);
    }

    public HeadOptions withLearningRates(double newFeatureLr, double newClassifierLr) {
        return new HeadOptions(hidden, dropRate, newFeatureLr, newClassifierLr, freezeUpTo, seed);
    }

    public HeadOptions withFreezeUpTo(String layer) {
        return new HeadOptions(hidden, dropRate, featureLr, classifierLr, layer, seed);
    }

    public HeadOptions withSeed(long newSeed) {
        return new HeadOptions(hidden, dropRate, featureLr, classifierLr, freezeUpTo, newSeed);
    }

    /** What DL4J's {@code dropOut(p)} wants: the probability of keeping a unit. */
    public double keepProbability() {
        return 1.0 - dropRate;
    }

    public boolean frozen() {
        return freezeUpTo != null;
    }
}
