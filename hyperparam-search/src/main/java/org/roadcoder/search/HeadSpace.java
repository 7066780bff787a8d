package org.roadcoder.search;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.arbiter.optimize.api.AbstractParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * Arbiter's view of a {@link SearchSpace}: three leaves (hidden size log-uniform, drop rate uniform,
 * classifier learning rate log-uniform or fixed) that together give a {@link HeadOptions}. Plain
 * Jackson-visible fields and a no-argument constructor, so Arbiter's configuration JSON (and its UI)
 * round-trips it; Arbiter beta7's own {@code DropoutSpace} cannot.
 */
public final class HeadSpace extends AbstractParameterSpace<HeadOptions> {

    @JsonProperty
    private ParameterSpace<Double> hidden;
    @JsonProperty
    private ParameterSpace<Double> dropRate;
    @JsonProperty
    private ParameterSpace<Double> learningRate;
    @JsonProperty
    private HeadOptions base;

    /** For Jackson. */
    @SuppressWarnings("unused")
    private HeadSpace() {
    }

    /** @param base the head settings the search does not vary (feature learning rate, freezing, seed) */
    public HeadSpace(SearchSpace space, HeadOptions base) {
        this.hidden = logUniform(space.hiddenMin(), space.hiddenMax());
        this.dropRate = space.dropMin() == space.dropMax() ? new FixedValue<>(space.dropMin())
                : new ContinuousParameterSpace(space.dropMin(), space.dropMax());
        this.learningRate = space.searchesLearningRate() ? logUniform(space.lrMin(), space.lrMax())
                : new FixedValue<>(base.classifierLr());
        this.base = base;
    }

    /** Log-uniform over [min, max]; a range of one value is that value (Arbiter's distributions need min < max). */
    private static ParameterSpace<Double> logUniform(double min, double max) {
        return min == max ? new FixedValue<>(min) : new ContinuousParameterSpace(new LogUniformDistribution(min, max));
    }

    @Override
    public HeadOptions getValue(double[] parameterValues) {
        int h = (int) Math.round(hidden.getValue(parameterValues));
        return base.withHidden(h).withDropRate(dropRate.getValue(parameterValues))
                .withLearningRates(base.featureLr(), learningRate.getValue(parameterValues));
    }

    @Override
    public int numParameters() {
        return collectLeaves().stream().mapToInt(ParameterSpace::numParameters).sum();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> leaves = new ArrayList<>();
        for (ParameterSpace<?> p : List.of(hidden, dropRate, learningRate)) {
            leaves.addAll(p.collectLeaves());
        }
        return leaves;
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new IllegalStateException("HeadSpace is not a leaf: Arbiter sets the indices of its leaves");
    }
}
