package org.roadcoder.model.segment;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.roadcoder.model.OutputLayout;

/**
 * The configuration of the graph vertex that pools frame logits into segment logits: segment-level
 * (multiple-instance) training. Two inputs: the frame logits {@code [N, K]} of every real frame of the
 * batch, packed segment after segment, and the frame mask {@code [B, T]} (1 where segment b has its
 * t-th frame); output {@code [B, K]}, the segments' pooled logits, for a loss layer with the grouped
 * activation. Segment b's frames are the next {@code sum_t mask[b, t]} rows of the logits: padding is
 * never computed, so it cannot leak into a segment's output, and the minibatch changes from frames to
 * segments here and nowhere else. In hybrid training ({@link FramePooling#hybrid()}) the output keeps one row
 * per frame {@code [N, K]} ({@link FramePooling#trainForward}) and the labels are the segments' labels copied
 * to their frames ({@link SegmentNetworks#trainingLabels}): the minibatch stays the frames. No parameters.
 *
 * <p>Its fields are plain values so that DL4J's JSON (and so {@code ModelSerializer}) keeps them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SegmentPoolVertex extends GraphVertex {

    private int[] blockSizes;
    private String flags;
    private String exclusive;
    private double temperature;
    /** Blocks trained frame by frame; null (models saved before hybrid training) means none. */
    private int[] frameBlocks;

    /** For Jackson only. */
    public SegmentPoolVertex() {
    }

    public SegmentPoolVertex(OutputLayout layout, FramePooling pooling) {
        this(layout.blocks().stream().mapToInt(OutputLayout.Block::size).toArray(), pooling);
    }

    public SegmentPoolVertex(int[] blockSizes, FramePooling pooling) {
        this.blockSizes = blockSizes.clone();
        this.flags = FramePooling.id(pooling.flags());
        this.exclusive = FramePooling.id(pooling.exclusive());
        this.temperature = pooling.temperature();
        this.frameBlocks = pooling.frameBlocks().stream().mapToInt(Integer::intValue).toArray();
        if (frameBlocks.length > 0 && frameBlocks[frameBlocks.length - 1] >= blockSizes.length) {
            throw new IllegalArgumentException("frame-trained block " + frameBlocks[frameBlocks.length - 1]
                    + " but the output has " + blockSizes.length + " blocks");
        }
    }

    public FramePooling pooling() {
        return new FramePooling(FramePooling.flags(flags), FramePooling.exclusive(exclusive), temperature,
                frameBlocks == null ? java.util.Set.of()
                        : Arrays.stream(frameBlocks).boxed().collect(java.util.stream.Collectors.toSet()));
    }

    public int[] blockSizes() {
        return blockSizes.clone();
    }

    private int width() {
        return Arrays.stream(blockSizes).sum();
    }

    @Override
    public SegmentPoolVertex clone() {
        return new SegmentPoolVertex(blockSizes, pooling());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentPoolVertex v && Arrays.equals(blockSizes, v.blockSizes) && pooling().equals(v.pooling());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(blockSizes) + pooling().hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new SegmentPoolVertexImpl(graph, name, idx, networkDatatype, blockSizes, pooling());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 2 || !(vertexInputs[0] instanceof InputType.InputTypeFeedForward f)
                || f.getSize() != width() || !(vertexInputs[1] instanceof InputType.InputTypeFeedForward)) {
            throw new InvalidInputTypeException("segment pooling takes frame logits of size " + width()
                    + " and a frame mask, got " + Arrays.toString(vertexInputs));
        }
        return InputType.feedForward(width());
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, SegmentPoolVertex.class, inputTypes[0], getOutputType(-1, inputTypes))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public String toString() {
        return "SegmentPoolVertex(" + pooling() + ")";
    }
}
