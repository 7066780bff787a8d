package org.roadcoder.model.segment;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link SegmentPoolVertex}: splits the packed frame logits by the mask's frame counts and
 * pools each segment with {@link FramePooling}. The arithmetic runs in double on the host (a batch is
 * a few thousand numbers); results go to the workspaces DL4J expects (activations forward,
 * activation gradients backward). The mask input gets a zero gradient.
 */
final class SegmentPoolVertexImpl extends BaseGraphVertex {

    private final int[] blockSizes;
    private final FramePooling pooling;

    SegmentPoolVertexImpl(ComputationGraph graph, String name, int index, DataType dataType, int[] blockSizes,
            FramePooling pooling) {
        super(graph, name, index, null, null, dataType);
        this.blockSizes = blockSizes.clone();
        this.pooling = pooling;
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("segment pooling " + vertexName + ": inputs not set");
        }
        double[][][] segments = SegmentSplit.split(inputs[0], inputs[1]);
        int width = (int) inputs[0].size(1);
        int rows = pooling.hybrid() ? (int) inputs[0].size(0) : segments.length;
        double[] out = new double[rows * width];
        int row = 0;
        for (double[][] segment : segments) {
            double[][] pooled = pooling.hybrid() ? pooling.trainForward(blockSizes, segment)
                    : new double[][] {pooling.forward(blockSizes, segment)};
            for (double[] r : pooled) {
                System.arraycopy(r, 0, out, row++ * width, width);
            }
        }
        INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, inputs[0].dataType(), rows, width);
        return result.assign(Nd4j.create(out, new long[] {rows, width}, DataType.DOUBLE));
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("segment pooling " + vertexName + ": epsilon not set");
        }
        double[][][] segments = SegmentSplit.split(inputs[0], inputs[1]);
        double[][] eps = epsilon.toDoubleMatrix();
        int width = (int) inputs[0].size(1);
        double[] grad = new double[(int) inputs[0].size(0) * width];
        int row = 0;
        for (int b = 0; b < segments.length; b++) {
            double[][] frames = pooling.hybrid()
                    ? pooling.trainBackward(blockSizes, segments[b], Arrays.copyOfRange(eps, row, row + segments[b].length))
                    : pooling.backward(blockSizes, segments[b], eps[b]);
            for (double[] frame : frames) {
                System.arraycopy(frame, 0, grad, row * width, width);
                row++;
            }
        }
        INDArray dz = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, inputs[0].dataType(),
                inputs[0].size(0), width);
        dz.assign(Nd4j.create(grad, new long[] {inputs[0].size(0), width}, DataType.DOUBLE));
        INDArray dMask = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, inputs[1].dataType(), inputs[1].shape());
        return new Pair<>(null, new INDArray[] {dz, dMask});
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("segment pooling has no parameters");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
            int minibatchSize) {
        return null;
    }

    @Override
    public String toString() {
        return "SegmentPoolVertex(name=" + vertexName + ", " + pooling + ", blocks=" + Arrays.toString(blockSizes) + ")";
    }
}
