package org.roadcoder.model.inference;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network to score batches with, in the layout it computes fastest; callers always hand it NCHW
 * batches (what the image pipeline makes) and it permutes them when it runs NHWC.
 *
 * @param graph  the network to run
 * @param format the layout {@code graph} takes: NCHW, or NHWC (then every batch is permuted first)
 */
public record InferenceNet(ComputationGraph graph, CNN2DFormat format) {

    /** The trained network as it is (NCHW). */
    public static InferenceNet asTrained(ComputationGraph nchw) {
        return new InferenceNet(nchw, CNN2DFormat.NCHW);
    }

    /** The trained network rebuilt in NHWC with its weights ({@link NhwcConversion}). */
    public static InferenceNet nhwc(ComputationGraph nchw) {
        return new InferenceNet(NhwcConversion.toNhwc(nchw), CNN2DFormat.NHWC);
    }

    /**
     * The fastest form measured on CPU (docs/benchmarks.md): NHWC where the network converts, else as
     * trained. Costs one copy of the parameters.
     */
    public static InferenceNet fastest(ComputationGraph nchw) {
        return NhwcConversion.blocker(nchw) == null ? nhwc(nchw) : asTrained(nchw);
    }

    /**
     * Probabilities for an NCHW batch {@code [batch, channels, height, width]}; no dropout. The permuted
     * copy an NHWC network needs is freed on return, not left to the garbage collector: otherwise their
     * off-heap memory piles up between collections (the Java heap barely notices them).
     */
    public INDArray output(INDArray nchwBatch) {
        if (format == CNN2DFormat.NCHW) {
            return graph.outputSingle(false, nchwBatch);
        }
        INDArray input = toInput(nchwBatch);
        try {
            return graph.outputSingle(false, input);
        } finally {
            input.close();
        }
    }

    /** The batch in the layout {@link #graph} takes (a contiguous copy when it must be permuted). */
    public INDArray toInput(INDArray nchwBatch) {
        return format == CNN2DFormat.NHWC ? nchwBatch.permute(0, 2, 3, 1).dup('c') : nchwBatch;
    }
}
