package org.roadcoder.model.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer without the second forward pass in backprop. DL4J 1.0.0-M2.1 recomputes
 * the convolution in {@code backpropGradient} to get the pre-activation back (17% of a VGG11-BN
 * training step, {@code docs/performance.md}). It is not needed: with the identity activation (conv
 * followed by batch norm) the gradient passes as is, and for ReLU the derivative follows from the
 * layer's own output, which the training workspace keeps until backprop. Other activations, dropout on
 * the input, no oneDNN helper: DL4J's own path. Large layers run their backward pass in slices of the
 * batch ({@link ConvChunks}) to bound oneDNN's temporary buffers.
 */
final class FastConvolution extends ConvolutionLayer {

    private INDArray output;

    FastConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = super.activate(training, workspaceMgr);
        output = training ? out : null;
        return out;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (helper instanceof MKLDNNConvHelper && helperCountFail == 0 && !forBackprop && input != null
                && input.rank() == 4 && input.dataType() == dataType && dataType == DataType.FLOAT) {
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
            INDArray bias = hasBias() ? getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr)
                    : null;
            INDArray out = ConvChunks.forward(this, input, weights, bias, ConvChunks.forwardSliceBytes(),
                    workspaceMgr);
            if (out != null) {
                return new Pair<>(out, null);
            }
        }
        return super.preOutput(training, forBackprop, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        IActivation afn = layerConf().getActivationFn();
        boolean relu = TunedLayers.isPlainRelu(afn);
        if (!(helper instanceof MKLDNNConvHelper) || helperCountFail > 0 || layerConf().getIDropout() != null
                || (!relu && !(afn instanceof ActivationIdentity)) || (relu && output == null)
                || convolutionMode == ConvolutionMode.Same || epsilon.dataType() != dataType) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray delta = epsilon;
        if (relu) {
            delta = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, epsilon.shape(), 'c');
            Nd4j.exec(new RectifiedLinearDerivative(output, epsilon, delta));
        }
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray bias = hasBias() ? getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr) : null;
        INDArray biasGrad = hasBias() ? gradientViews.get(ConvolutionParamInitializer.BIAS_KEY) : null;
        CNN2DFormat format = layerConf().getCnn2dDataFormat();
        int parts = ConvChunks.parts(input, delta, ConvChunks.backwardSliceBytes());
        if (parts > 1) {
            output = null;
            return ConvChunks.backprop(this, input.castTo(dataType), weights, bias, delta, parts, workspaceMgr);
        }
        Pair<Gradient, INDArray> ret = helper.backpropGradient(input.castTo(dataType), weights, bias, delta,
                layerConf().getKernelSize(), layerConf().getStride(), layerConf().getPadding(), biasGrad,
                gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY), afn, layerConf().getCudnnAlgoMode(),
                layerConf().getCudnnBwdFilterAlgo(), layerConf().getCudnnBwdDataAlgo(), convolutionMode,
                layerConf().getDilation(), format, workspaceMgr);
        output = null;
        if (ret == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        return ret;
    }

    INDArray gradientView(String key) {
        return gradientViews.get(key);
    }

    @Override
    public void clear() {
        super.clear();
        output = null;
    }
}
