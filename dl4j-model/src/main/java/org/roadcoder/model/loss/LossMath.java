package org.roadcoder.model.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Array helpers of the grouped loss. */
final class LossMath {

    private LossMath() {
    }

    /** A view of columns {@code [offset, offset + size)}. */
    static INDArray cols(INDArray a, int offset, int size) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size));
    }

    /** log(1 + e^x), computed as max(x, 0) + log(1 + e^-|x|) so large |x| cannot overflow. */
    static INDArray softplus(INDArray x) {
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(x, true).negi(), false).addi(1.0), false);
        return Transforms.relu(x, true).addi(tail);
    }

    static void applyMask(INDArray perOutput, INDArray mask) {
        if (mask != null) {
            LossUtil.applyMask(perOutput, mask);
        }
    }
}
