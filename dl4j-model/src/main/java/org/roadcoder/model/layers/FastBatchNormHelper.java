package org.roadcoder.model.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch norm in fewer, faster ND4J ops than DL4J's oneDNN helper (which remains the fallback).
 *
 * <p>DL4J 1.0.0-M2.1's {@code batchnorm_bp} (oneDNN or generic) takes ~10x the time of the forward op
 * on this CPU: on VGG11-BN at 128 px it is 12-27% of a training step against 3% in PyTorch
 * ({@code docs/performance.md}). With batch statistics, the input gradient is an affine function of the
 * output gradient and the input, per channel:
 * <pre>
 *   dBeta  = sum(dy)                      dGamma = invStd * (sum(dy * x) - mean * sum(dy))
 *   dx     = A * dy + B * x + C,          A = gamma * invStd,  B = -A * invStd * dGamma / m,
 *                                         C = A * (mean * invStd * dGamma - dBeta) / m
 * </pre>
 * so it needs two reductions (a sum and a dot product over the non-channel axes) and two per-channel
 * affine maps, which the forward {@code batchnorm} op computes at memory speed (mean 0, variance 1,
 * epsilon 0, scale and shift given), and one add. The output gradient it receives is overwritten.
 */
final class FastBatchNormHelper implements BatchNormalizationHelper {

    private final BatchNormalizationHelper forward;
    private INDArray batchMean;
    private INDArray batchVar;
    private boolean ownStatistics;
    private INDArray zeros;
    private INDArray ones;

    FastBatchNormHelper(BatchNormalizationHelper forward) {
        this.forward = forward;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
            INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        INDArray mean = getMeanCache(DataType.FLOAT);
        if (input.dataType() != DataType.FLOAT || gamma == null || dGammaView == null || mean == null
                || input.rank() != 4) {
            return forward.backpropGradient(input, epsilon, shape, gamma, beta, dGammaView, dBetaView, eps, format,
                    workspaceMgr);
        }
        if (!Shape.hasDefaultStridesForShape(epsilon)) {
            epsilon = epsilon.dup('c');
        }
        boolean nchw = format == CNN2DFormat.NCHW;
        int axis = nchw ? 1 : 3;
        int[] dims = nchw ? new int[] {0, 2, 3} : new int[] {0, 1, 2};
        long channels = input.size(axis);
        double m = (double) input.length() / channels;
        INDArray var = getVarCache(DataType.FLOAT);

        INDArray sumDy = epsilon.sum(dims);
        INDArray sumDyX = Nd4j.getExecutioner().exec(new Dot(epsilon, input,
                Nd4j.createUninitialized(DataType.FLOAT, channels), dims));
        INDArray invStd = Transforms.pow(var.add(eps), -0.5, false);
        INDArray dGamma = sumDyX.subi(mean.mul(sumDy)).muli(invStd);
        INDArray a = gamma.reshape(channels).mul(invStd);
        INDArray b = a.mul(invStd).muli(dGamma).divi(-m);
        INDArray c = mean.mul(invStd).muli(dGamma).subi(sumDy).muli(a).divi(m);

        // dy becomes A * dy + C in place (DL4J treats incoming epsilons as the receiving layer's to use,
        // as its own dropout backprop does): no temporary the size of the activations
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        affine(input, b, zeros(channels), axis, dx);
        affine(epsilon, a, c, axis, epsilon);
        dx.addi(epsilon);

        dGammaView.assign(dGamma.reshape(dGammaView.shape()));
        dBetaView.assign(sumDy.reshape(dBetaView.shape()));
        Gradient g = new DefaultGradient();
        g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        g.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(g, dx);
    }

    /** out = scale * x + shift per channel: the batchnorm op with mean 0, variance 1 and epsilon 0. */
    private void affine(INDArray x, INDArray scale, INDArray shift, int axis, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, zeros(scale.length()), ones, scale, shift)
                .addIntegerArguments(1, 1, axis).addFloatingPointArguments(0.0).addOutputs(out).build());
    }

    private INDArray zeros(long channels) {
        if (zeros == null || zeros.length() != channels) {
            try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                zeros = Nd4j.zeros(DataType.FLOAT, channels);
                ones = Nd4j.ones(DataType.FLOAT, channels);
            }
        }
        return zeros;
    }

    /**
     * Forward pass as DL4J's oneDNN helper does it (the {@code batchnorm} op), but the batch statistics
     * come from one {@code moments} op: 20 ms against 61 ms for DL4J's mean and {@code Variance} on a
     * 16x64x128x128 input ({@code docs/performance.md}).
     */
    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
            INDArray mean, INDArray var, double decay, double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (x.dataType() != DataType.FLOAT || x.rank() != 4 || gamma == null || beta == null) {
            ownStatistics = false;
            return forward.preOutput(x, training, shape, gamma, beta, mean, var, decay, eps, format, workspaceMgr);
        }
        boolean nchw = format == CNN2DFormat.NCHW;
        int axis = nchw ? 1 : 3;
        INDArray m;
        INDArray v;
        if (training) {
            long channels = x.size(axis);
            if (batchMean == null || batchMean.length() != channels) {
                try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                    batchMean = Nd4j.createUninitialized(DataType.FLOAT, channels);
                    batchVar = Nd4j.createUninitialized(DataType.FLOAT, channels);
                }
            }
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x)
                    .addIntegerArguments(nchw ? new int[] {0, 2, 3} : new int[] {0, 1, 2})
                    .addOutputs(batchMean, batchVar).build());
            m = batchMean;
            v = batchVar;
        } else {
            m = mean.reshape(mean.length());
            v = var.reshape(var.length());
        }
        ownStatistics = true;
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, m, v, gamma.reshape(gamma.length()), beta.reshape(beta.length()))
                .addIntegerArguments(1, 1, axis).addFloatingPointArguments(eps).addOutputs(out).build());
        return out;
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return ownStatistics ? batchMean : forward.getMeanCache(dataType);
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return ownStatistics ? batchVar : forward.getVarCache(dataType);
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return forward.checkSupported(eps, fixedGammaBeta);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return forward.helperMemoryUse();
    }

    @Override
    public boolean checkSupported() {
        return forward.checkSupported();
    }
}
