package org.roadcoder.model.layers;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's subsampling layer with max pooling (no padding, no dilation: VGG's 2x2, stride 2) run by
 * {@link MaxPoolKernel}, whose backward pass takes the argmax from the kept input in one pass instead of
 * libnd4j's oneDNN {@code maxpool2d_bp}. Other pooling types and settings: DL4J's own path.
 */
final class FastSubsampling extends SubsamplingLayer {

    FastSubsampling(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private MaxPoolKernel kernel(INDArray in) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer c = layerConf();
        boolean plain = c.getPoolingType() == PoolingType.MAX
                && c.getPadding()[0] == 0 && c.getPadding()[1] == 0 && c.getDilation()[0] == 1 && c.getDilation()[1] == 1
                && convolutionMode != ConvolutionMode.Same && dataType == DataType.FLOAT && MaxPoolKernel.fits(in);
        return plain ? new MaxPoolKernel(c.getKernelSize(), c.getStride(), c.getCnn2dDataFormat()) : null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        MaxPoolKernel k = kernel(input);
        if (k == null) {
            return super.activate(training, workspaceMgr);
        }
        long[] shape = k.outputShape(input);
        if (shape[2] < 1 || shape[3] < 1 || shape[1] < 1) {
            return super.activate(training, workspaceMgr); // DL4J's message for an input smaller than the kernel
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
        k.forward(input, out);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        MaxPoolKernel k = kernel(input);
        if (k == null || !MaxPoolKernel.fits(epsilon)) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        k.backward(input, epsilon, dx);
        return new Pair<>(new DefaultGradient(), dx);
    }
}
