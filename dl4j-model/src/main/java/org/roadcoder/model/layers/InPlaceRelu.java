package org.roadcoder.model.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ReLU that overwrites its input in training, as PyTorch's {@code ReLU(inplace=True)} after batch norm.
 * DL4J's activation layer copies its input in the forward pass and again in backprop; this one keeps
 * one array (the batch norm's output, which nothing else reads: batch norm's backward needs its own
 * input, not its output) and takes the derivative from its output ({@code relu(x) > 0} exactly when
 * {@code x > 0}). In inference DL4J's activation layer already works in place.
 */
final class InPlaceRelu extends ActivationLayer {

    InPlaceRelu(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        if (!training) {
            return super.activate(false, mgr);
        }
        assertInputSet(false);
        INDArray out = mgr.leverageTo(ArrayType.ACTIVATIONS, input);
        Nd4j.exec(new RectifiedLinear(out, out));
        input = out;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray delta = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        Nd4j.exec(new RectifiedLinearDerivative(input, epsilon, delta));
        return new Pair<>(new DefaultGradient(), delta);
    }
}
