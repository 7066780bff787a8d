package org.roadcoder.model.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.deeplearning4j.util.ConvolutionUtils;

/**
 * Convolution forward and backward passes in slices of the batch. DL4J M2.1's oneDNN {@code conv2d_bp} reorders its
 * input, output gradient and input gradient into oneDNN's blocked layout in temporary buffers, about
 * four times the input's size: 0.8 GB for VGG's first block at 224 px and batch 16, on top of every
 * activation the training step keeps, which made it the step's memory peak ({@code docs/performance.md});
 * the forward {@code conv2d} in NCHW needs about twice the input's size.
 * Slicing the batch bounds them; the weight and bias gradients are summed over the slices, the input
 * gradient is written slice by slice into one array. Batch slices of a C-order array are contiguous.
 */
final class ConvChunks {

    /**
     * Largest input or output-gradient slice handed to oneDNN's backward pass at once. Its temporaries
     * are up to ~10x the larger of the two (measured: 434 MB for VGG's 256->256 convolution at 56x56,
     * batch 16; 97 MB at batch 4). Measured on VGG11-BN training at 224 px, batch 16: 48 MB gives a
     * peak of 2.51 GB at 2% of the step time, 16 MB 2.45 GB at 9%, no slicing 2.88 GB
     * ({@code docs/performance.md}). System property {@value #BACKWARD_PROPERTY} (MB) overrides it.
     */
    static long backwardSliceBytes() {
        return Long.getLong(BACKWARD_PROPERTY, 48) << 20;
    }

    /** The same for the forward pass, whose temporaries are about twice its input and output (default 64 MB). */
    static long forwardSliceBytes() {
        return Long.getLong(FORWARD_PROPERTY, 64) << 20;
    }

    static final String BACKWARD_PROPERTY = "roadcoder.conv.backwardSliceMB";
    static final String FORWARD_PROPERTY = "roadcoder.conv.forwardSliceMB";

    private ConvChunks() {
    }

    /** Into how many batch slices the backward pass goes: 1 (no slicing) for small or strided arrays. */
    static int parts(INDArray input, INDArray delta, long sliceBytes) {
        if (!Shape.hasDefaultStridesForShape(input) || !Shape.hasDefaultStridesForShape(delta)
                || input.ordering() != 'c' || delta.ordering() != 'c') {
            return 1;
        }
        long bytes = Math.max(input.length(), delta.length()) * input.dataType().width();
        return slices(input.size(0), bytes, sliceBytes);
    }

    static Pair<Gradient, INDArray> backprop(FastConvolution layer, INDArray input, INDArray weights, INDArray bias,
            INDArray delta, int parts, LayerWorkspaceMgr workspaceMgr) {
        ConvolutionLayer conf = (ConvolutionLayer) layer.conf().getLayer();
        INDArray weightGrad = layer.gradientView(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGrad = bias == null ? null : layer.gradientView(ConvolutionParamInitializer.BIAS_KEY);
        INDArray gradAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(),
                input.shape(), 'c');
        INDArray sliceWeightGrad = weightGrad.ulike();
        INDArray sliceBiasGrad = bias == null ? null : Nd4j.createUninitialized(bias.dataType(), bias.length());
        weightGrad.assign(0);
        if (biasGrad != null) {
            biasGrad.assign(0);
        }
        long batch = input.size(0);
        long step = (batch + parts - 1) / parts;
        for (long from = 0; from < batch; from += step) {
            long to = Math.min(batch, from + step);
            INDArray in = slice(input, from, to);
            INDArray eps = slice(delta, from, to);
            INDArray gi = slice(gradAtInput, from, to);
            DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp")
                    .addIntegerArguments(arguments(conf));
            if (bias == null) {
                op.addInputs(in, weights, eps).addOutputs(gi, sliceWeightGrad);
            } else {
                op.addInputs(in, weights, bias.reshape(bias.length()), eps)
                        .addOutputs(gi, sliceWeightGrad, sliceBiasGrad);
            }
            Nd4j.exec(op.build());
            weightGrad.addi(sliceWeightGrad);
            if (biasGrad != null) {
                biasGrad.addi(sliceBiasGrad.reshape(biasGrad.shape()));
            }
        }
        Gradient g = new DefaultGradient();
        if (biasGrad != null) {
            g.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        g.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad);
        return new Pair<>(g, gradAtInput);
    }

    /**
     * The forward convolution in batch slices, into one output array in the activations workspace; null
     * when the layer is small enough for one call (then DL4J's helper runs it).
     */
    static INDArray forward(FastConvolution layer, INDArray input, INDArray weights, INDArray bias, long sliceBytes,
            LayerWorkspaceMgr workspaceMgr) {
        ConvolutionLayer conf = (ConvolutionLayer) layer.conf().getLayer();
        CNN2DFormat format = conf.getCnn2dDataFormat();
        if (conf.getConvolutionMode() == ConvolutionMode.Same || !Shape.hasDefaultStridesForShape(input)
                || input.ordering() != 'c') {
            return null;
        }
        int[] size = ConvolutionUtils.getOutputSize(input, conf.getKernelSize(), conf.getStride(), conf.getPadding(),
                conf.getConvolutionMode(), conf.getDilation(), format);
        long batch = input.size(0);
        long channels = weights.size(0);
        long[] shape = format == CNN2DFormat.NCHW ? new long[] {batch, channels, size[0], size[1]}
                : new long[] {batch, size[0], size[1], channels};
        long bytes = Math.max(input.length(), batch * channels * size[0] * size[1]) * input.dataType().width();
        int parts = slices(batch, bytes, sliceBytes);
        if (parts <= 1) {
            return null;
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), shape, 'c');
        long step = (batch + parts - 1) / parts;
        for (long from = 0; from < batch; from += step) {
            long to = Math.min(batch, from + step);
            DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d")
                    .addIntegerArguments(arguments(conf)).addOutputs(slice(out, from, to));
            if (bias == null) {
                op.addInputs(slice(input, from, to), weights);
            } else {
                op.addInputs(slice(input, from, to), weights, bias.reshape(bias.length()));
            }
            Nd4j.exec(op.build());
        }
        return out;
    }

    private static int slices(long batch, long bytes, long sliceBytes) {
        long budget = Math.max(1, sliceBytes);
        return (int) Math.min(batch, (bytes + budget - 1) / budget);
    }

    private static INDArray slice(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** conv2d_bp's integer arguments, as DL4J's oneDNN helper passes them (weights [out, in, kH, kW]). */
    private static int[] arguments(ConvolutionLayer conf) {
        int[] k = conf.getKernelSize();
        int[] s = conf.getStride();
        int[] p = conf.getPadding();
        int[] d = conf.getDilation();
        return new int[] {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
                conf.getConvolutionMode() == ConvolutionMode.Same ? 1 : 0,
                conf.getCnn2dDataFormat() == CNN2DFormat.NCHW ? 0 : 1, 1};
    }
}
