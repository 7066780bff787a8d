package org.roadcoder.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The pooling kernel gives libnd4j's own max pooling and its gradient, exactly, in both layouts. */
class MaxPoolKernelTest {

    private static INDArray reference(String op, int k, int s, CNN2DFormat format, INDArray out, INDArray... in) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(in).addOutputs(out)
                .addIntegerArguments(k, k, s, s, 0, 0, 1, 1, 0, 0, format == CNN2DFormat.NCHW ? 0 : 1).build());
        return out;
    }

    @ParameterizedTest
    @CsvSource({"2, 2, NCHW", "2, 2, NHWC", "3, 2, NCHW", "3, 2, NHWC", "2, 3, NCHW"})
    void forwardAndBackwardEqualLibnd4jsPooling(int k, int s, CNN2DFormat format) {
        Nd4j.getRandom().setSeed(5);
        // a view into a larger batch (offset, as a workspace slice), odd sizes, and ties: ReLU-like zeros
        INDArray big = Nd4j.rand(DataType.FLOAT, format == CNN2DFormat.NCHW ? new long[] {5, 3, 9, 11}
                : new long[] {5, 9, 11, 3}).subi(0.3);
        big = org.nd4j.linalg.ops.transforms.Transforms.relu(big, false);
        INDArray x = big.get(NDArrayIndex.interval(2, 5)); // 3 images, from image 2 on
        assertThat(x.offset()).isPositive();
        MaxPoolKernel kernel = new MaxPoolKernel(new int[] {k, k}, new int[] {s, s}, format);
        long[] outShape = kernel.outputShape(x);

        INDArray out = Nd4j.create(DataType.FLOAT, outShape);
        kernel.forward(x, out);
        assertThat(out).isEqualTo(reference("maxpool2d", k, s, format, Nd4j.create(DataType.FLOAT, outShape), x));

        INDArray eps = Nd4j.rand(DataType.FLOAT, outShape);
        INDArray dx = Nd4j.valueArrayOf(x.shape(), 7f, DataType.FLOAT); // every element must be written
        kernel.backward(x, eps, dx);
        INDArray expected = reference("maxpool2d_bp", k, s, format, Nd4j.create(DataType.FLOAT, x.shape()), x, eps);
        assertThat(dx.sumNumber().doubleValue()).isCloseTo(eps.sumNumber().doubleValue(),
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dx).isEqualTo(expected);
    }
}
