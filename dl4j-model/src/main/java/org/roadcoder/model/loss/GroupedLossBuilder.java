package org.roadcoder.model.loss;

import java.util.Arrays;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.activation.GroupedActivation;

/**
 * Builds a {@link GroupedLoss} for an output layout, with optional weights for imbalanced labels.
 *
 * <pre>{@code
 * GroupedLoss loss = GroupedLoss.builder(layout).optPosWeight("pedestrian_crossing", 4.0).build();
 * }</pre>
 */
public final class GroupedLossBuilder {

    private final OutputLayout layout;
    private double[] weights;
    private double[] posWeights;

    GroupedLossBuilder(OutputLayout layout) {
        this.layout = layout;
    }

    /** One weight per output, multiplying that output's loss term (class weights inside a block). */
    public GroupedLossBuilder optWeights(double... perOutput) {
        if (perOutput.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " output weights, got " + perOutput.length);
        }
        for (double w : perOutput) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("output weights must be finite and >= 0: " + Arrays.toString(perOutput));
            }
        }
        this.weights = perOutput.clone();
        return this;
    }

    /**
     * Weights the positive term of flag {@code flag}: a value above 1 makes a missed rare flag cost
     * more, like PyTorch's {@code pos_weight} (a common choice: negatives / positives in training).
     */
    public GroupedLossBuilder optPosWeight(String flag, double posWeight) {
        if (!(posWeight > 0) || Double.isInfinite(posWeight)) {
            throw new IllegalArgumentException("pos_weight of " + flag + " must be finite and > 0, got " + posWeight);
        }
        OutputLayout.Block block = layout.blocks().stream().filter(b -> b.name().equals(flag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no output block named " + flag));
        if (block.kind() != OutputLayout.Kind.SIGMOID) {
            throw new IllegalArgumentException(flag + " is an exclusive block; pos_weight applies to flags only");
        }
        if (posWeights == null) {
            posWeights = new double[layout.size()];
            Arrays.fill(posWeights, 1.0);
        }
        posWeights[block.offset()] = posWeight;
        return this;
    }

    public GroupedLoss build() {
        return new GroupedLoss(new GroupedActivation(layout).blockSizes(), weights, posWeights);
    }
}
