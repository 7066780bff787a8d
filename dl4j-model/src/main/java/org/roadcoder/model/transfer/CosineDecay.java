package org.roadcoder.model.transfer;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate that falls from {@code initialValue} to 0 along half a cosine over {@code maxIter} iterations
 * (SGDR without restarts, Loshchilov and Hutter, ICLR 2017; PyTorch's {@code CosineAnnealingLR} with
 * {@code eta_min = 0}), and stays at 0 after. DL4J ships step, exponential, polynomial and cyclic schedules but no
 * cosine. It is saved with the network's configuration (DL4J writes the class name), so a resumed run continues
 * the same curve from the iteration count the checkpoint holds.
 */
public final class CosineDecay implements ISchedule {

    private final double initialValue;
    private final int maxIter;

    @JsonCreator
    public CosineDecay(@JsonProperty("initialValue") double initialValue, @JsonProperty("maxIter") int maxIter) {
        if (!(initialValue > 0) || maxIter < 1) {
            throw new IllegalArgumentException("cosine decay needs a positive initial value and at least one iteration, got "
                    + initialValue + " over " + maxIter);
        }
        this.initialValue = initialValue;
        this.maxIter = maxIter;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double t = Math.min(1.0, Math.max(0, iteration) / (double) maxIter);
        return initialValue * 0.5 * (1 + Math.cos(Math.PI * t));
    }

    @JsonProperty("initialValue")
    public double getInitialValue() {
        return initialValue;
    }

    @JsonProperty("maxIter")
    public int getMaxIter() {
        return maxIter;
    }

    @Override
    public ISchedule clone() {
        return new CosineDecay(initialValue, maxIter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineDecay c && c.initialValue == initialValue && c.maxIter == maxIter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, maxIter);
    }

    @Override
    public String toString() {
        return "CosineDecay(" + initialValue + " -> 0 over " + maxIter + " iterations)";
    }
}
