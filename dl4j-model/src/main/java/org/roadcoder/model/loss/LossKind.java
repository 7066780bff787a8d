package org.roadcoder.model.loss;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.roadcoder.model.OutputLayout;

/** The output losses roadcoder offers, by their configuration names. */
public enum LossKind {

    /** Binary cross-entropy over the whole output vector, softmax blocks included: the proof of concept's loss. */
    BCE("bce"),

    /** Binary cross-entropy on flags plus categorical cross-entropy on each exclusive block. */
    GROUPED("grouped");

    private final String id;

    LossKind(String id) {
        this.id = id;
    }

    /** The name used in configuration files and on the command line. */
    public String id() {
        return id;
    }

    /** An unweighted loss of this kind for {@code layout}; for weights use {@link GroupedLoss#builder}. */
    public ILossFunction create(OutputLayout layout) {
        return switch (this) {
            case BCE -> new LossBinaryXENT();
            case GROUPED -> GroupedLoss.builder(layout).build();
        };
    }

    public static LossKind fromId(String id) {
        for (LossKind kind : values()) {
            if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'; expected one of "
                + Arrays.stream(values()).map(LossKind::id).toList());
    }
}
