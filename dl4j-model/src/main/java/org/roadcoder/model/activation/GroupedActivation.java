package org.roadcoder.model.activation;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.roadcoder.model.OutputLayout;

/**
 * The roadcoder output activation: a sigmoid on each flag output and a softmax over each exclusive
 * block, in the order of an {@link OutputLayout}. Use it on a DL4J {@code OutputLayer}.
 *
 * <p>The configuration is only the block sizes: a block of size 1 is a flag, a block of 2 or more
 * outputs is a softmax block ({@link OutputLayout} forbids one-output softmax blocks, so nothing is
 * lost). That keeps the JSON that DL4J writes into a model file a plain int array; the no-arg
 * constructor is for Jackson, which sets the field directly (IActivation's field visibility is ANY).
 *
 * <p>{@code getActivation} works in place, like DL4J's own activations: it writes its result into
 * {@code in} and returns it. That is not a style choice: DL4J checks that a layer's activations live in
 * the workspace of its pre-activations, and a freshly allocated result fails that check in
 * {@code MultiLayerNetwork.output}.
 *
 * <p>{@code backprop} does not: it returns dL/dz in a new array and leaves {@code in} as it was.
 * DL4J's {@code LossBinaryXENT} backpropagates through the activation on the pre-activations it was
 * given, not on a copy, and a {@code LossLayer} (the output of a segment-level network) hands it its
 * own input, from which {@code ComputationGraph} then computes the score of the step. Written in
 * place, that score was the loss of dL/dz taken as logits: a segment-level run with {@code loss: bce}
 * reported 24 at its first step where the batch's loss was 15, and a loss that barely fell.
 */
public class GroupedActivation extends BaseActivationFunction {

    private int[] blockSizes;

    /** For Jackson only. */
    public GroupedActivation() {
    }

    public GroupedActivation(OutputLayout layout) {
        this(layout.blocks().stream()
                .mapToInt(b -> b.kind() == OutputLayout.Kind.SIGMOID ? 1 : b.size())
                .toArray());
    }

    /** @param blockSizes 1 for a flag, at least 2 for a softmax block */
    public GroupedActivation(int... blockSizes) {
        if (blockSizes.length == 0) {
            throw new IllegalArgumentException("a grouped activation needs at least one block");
        }
        for (int size : blockSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("block sizes must be positive, got " + Arrays.toString(blockSizes));
            }
        }
        this.blockSizes = blockSizes.clone();
    }

    /** The block sizes, in output order (1 = flag). */
    public int[] blockSizes() {
        return blockSizes.clone();
    }

    /** Total number of outputs. */
    public int size() {
        return Arrays.stream(blockSizes).sum();
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        checkWidth(in);
        INDArray out = Transforms.sigmoid(in, true);
        int offset = 0;
        for (int size : blockSizes) {
            if (size > 1) {
                INDArray block = in.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size));
                out.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size))
                        .assign(Transforms.softmax(block.dup(), false));
            }
            offset += size;
        }
        return in.assign(out);
    }

    /**
     * dL/dz from dL/da: {@code eps * a(1-a)} on flags, {@code a * (eps - sum(eps * a))} within each
     * softmax block (the Jacobian-vector product of softmax).
     */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray a = getActivation(in.dup(), true);
        INDArray grad = epsilon.mul(a).muli(a.rsub(1.0));
        int offset = 0;
        for (int size : blockSizes) {
            if (size > 1) {
                INDArray aBlock = a.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size));
                INDArray eBlock = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size));
                INDArray dot = eBlock.mul(aBlock).sum(true, 1);
                grad.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size))
                        .assign(eBlock.subColumnVector(dot).muli(aBlock));
            }
            offset += size;
        }
        return new Pair<>(grad, null);
    }

    private void checkWidth(INDArray in) {
        if (in.rank() != 2 || in.size(1) != size()) {
            throw new IllegalArgumentException("grouped activation over " + size() + " outputs got an array of shape "
                    + Arrays.toString(in.shape()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupedActivation g && Arrays.equals(blockSizes, g.blockSizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blockSizes);
    }

    @Override
    public String toString() {
        return "grouped" + Arrays.toString(blockSizes);
    }
}
