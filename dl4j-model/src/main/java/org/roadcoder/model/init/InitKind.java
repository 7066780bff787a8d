package org.roadcoder.model.init;

import java.util.Arrays;
import java.util.Locale;

/**
 * How randomly initialised convolution and dense layers start (docs/quality.md measures both).
 * Batch-norm layers always start at scale 1, shift 0.
 */
public enum InitKind {

    /** DL4J's He-normal weights (Xavier on the output layer) and zero biases. */
    HE("he"),

    /**
     * PyTorch's layer defaults, which the proof of concept's network starts from: weights
     * {@code kaiming_uniform(a=sqrt(5))} = U(+-1/sqrt(fan_in)), biases U(+-1/sqrt(fan_in)).
     * About 2.45x smaller weights than He-normal.
     */
    TORCH("torch");

    private final String id;

    InitKind(String id) {
        this.id = id;
    }

    /** The name used in configuration files. */
    public String id() {
        return id;
    }

    public static InitKind fromId(String id) {
        for (InitKind kind : values()) {
            if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown init '" + id + "'; expected one of "
                + Arrays.stream(values()).map(InitKind::id).toList());
    }
}
