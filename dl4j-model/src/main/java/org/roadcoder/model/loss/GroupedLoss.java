package org.roadcoder.model.loss;

import static org.roadcoder.model.loss.LossMath.applyMask;
import static org.roadcoder.model.loss.LossMath.cols;
import static org.roadcoder.model.loss.LossMath.softplus;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.activation.GroupedActivation;

/**
 * Binary cross-entropy on each flag plus categorical cross-entropy on each exclusive block, for an
 * output layer with the {@link GroupedActivation} over the same blocks. Summed over outputs and, like
 * DL4J's losses, averaged over the minibatch when asked.
 *
 * <p>Optional weights (see {@link GroupedLossBuilder}): {@code weights[i]} multiplies output i's term
 * (a class weight inside a block); {@code posWeights[i]} multiplies the positive term of flag i only,
 * as PyTorch's {@code pos_weight} does for rare flags. The loss is computed from the pre-activations
 * (log-sigmoid and log-softmax), so it needs no clipping and stays finite where a probability rounds
 * to 0 or 1.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GroupedLoss implements ILossFunction {

    private int[] blockSizes;
    private double[] weights;
    private double[] posWeights;

    /** For Jackson only. */
    public GroupedLoss() {
    }

    /** A loss over {@code layout}'s blocks; unweighted unless the builder's options say otherwise. */
    public static GroupedLossBuilder builder(OutputLayout layout) {
        return new GroupedLossBuilder(layout);
    }

    /** Use {@link #builder}; {@code weights} and {@code posWeights} may be null. */
    GroupedLoss(int[] blockSizes, double[] weights, double[] posWeights) {
        this.blockSizes = blockSizes.clone();
        this.weights = weights == null ? null : weights.clone();
        this.posWeights = posWeights == null ? null : posWeights.clone();
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        return perOutputScore(labels, preOutput, fn, mask).sum(true, 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double total = perOutputScore(labels, preOutput, fn, mask).sumNumber().doubleValue();
        return average ? total / preOutput.size(0) : total;
    }

    /**
     * dL/dz directly: {@code w (s (pw y + 1 - y) - pw y)} on a flag, {@code p_j sum_k(w_k y_k) - w_j y_j}
     * in a block.
     */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        checkActivation(fn, preOutput);
        INDArray y = labels.castTo(preOutput.dataType());
        INDArray a = fn.getActivation(preOutput.dup(), true);
        INDArray wy = weigh(y.dup());
        INDArray grad = a.ulike();
        int offset = 0;
        for (int size : blockSizes) {
            INDArray p = cols(a, offset, size);
            INDArray wyb = cols(wy, offset, size);
            if (size == 1) {
                INDArray yb = cols(y, offset, size);
                // w (s (pw y + 1 - y) - pw y) = s (w pw y + w (1 - y)) - w pw y
                INDArray negWeight = yb.rsub(1.0).muli(weight(offset));
                cols(grad, offset, size).assign(p.mul(wyb.mul(posWeight(offset)).addi(negWeight))
                        .subi(wyb.mul(posWeight(offset))));
            } else {
                cols(grad, offset, size).assign(p.mulColumnVector(wyb.sum(true, 1)).subi(wyb));
            }
            offset += size;
        }
        applyMask(grad, mask);
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation fn,
            INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, fn, mask, average),
                computeGradient(labels, preOutput, fn, mask));
    }

    /** Loss of every output, [minibatch, outputs]. */
    private INDArray perOutputScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        checkActivation(fn, preOutput);
        INDArray y = labels.castTo(preOutput.dataType());
        INDArray score = preOutput.ulike();
        int offset = 0;
        for (int size : blockSizes) {
            INDArray z = cols(preOutput, offset, size);
            INDArray yb = cols(y, offset, size);
            if (size == 1) {
                // -log s(z) = softplus(-z); -log(1 - s(z)) = softplus(z)
                INDArray pos = softplus(z.neg()).muli(yb).muli(posWeight(offset));
                cols(score, offset, size).assign(pos.addi(softplus(z).muli(yb.rsub(1.0))));
            } else {
                INDArray max = z.max(true, 1);
                INDArray logSumExp = Transforms.log(Transforms.exp(z.subColumnVector(max), false).sum(true, 1), false)
                        .addi(max);
                INDArray negLogP = z.neg().addiColumnVector(logSumExp);
                cols(score, offset, size).assign(negLogP.muli(yb));
            }
            offset += size;
        }
        weigh(score);
        applyMask(score, mask);
        return score;
    }

    /** Multiplies each output's column by its weight, in place. */
    private INDArray weigh(INDArray perOutput) {
        if (weights != null) {
            perOutput.muliRowVector(Nd4j.createFromArray(weights).castTo(perOutput.dataType()));
        }
        return perOutput;
    }

    private double weight(int output) {
        return weights == null ? 1.0 : weights[output];
    }

    private double posWeight(int output) {
        return posWeights == null ? 1.0 : posWeights[output];
    }

    private void checkActivation(IActivation fn, INDArray preOutput) {
        if (!(fn instanceof GroupedActivation g) || !Arrays.equals(g.blockSizes(), blockSizes)) {
            throw new IllegalArgumentException("the grouped loss over blocks " + Arrays.toString(blockSizes)
                    + " needs the grouped activation over the same blocks, not " + fn);
        }
        if (preOutput.rank() != 2 || preOutput.size(1) != g.size()) {
            throw new IllegalArgumentException("the grouped loss expects [minibatch, " + g.size() + "], got "
                    + Arrays.toString(preOutput.shape()));
        }
    }

    @Override
    public String name() {
        return "grouped";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupedLoss l && Arrays.equals(blockSizes, l.blockSizes) && Arrays.equals(weights, l.weights)
                && Arrays.equals(posWeights, l.posWeights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(blockSizes) + Arrays.hashCode(weights)) + Arrays.hashCode(posWeights);
    }

    @Override
    public String toString() {
        return "GroupedLoss(blocks=" + Arrays.toString(blockSizes) + ", weights=" + Arrays.toString(weights)
                + ", posWeights=" + Arrays.toString(posWeights) + ")";
    }
}
