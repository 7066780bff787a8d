package org.roadcoder.app.train;

import java.io.IOException;
import java.io.PrintWriter;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.app.config.ConfigException;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.data.DataException;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.segment.FramePooling;

/**
 * Builds the configured network. ImageNet weights that cannot be fetched (offline) fall back to
 * random initialisation with a WARNING, and the fall-back is returned so provenance records it;
 * every other weights problem is the user's to fix and stops training.
 */
public final class NetworkFactory {

    /**
     * @param net  the built network
     * @param used the weights it really starts from
     * @param note why {@code used} differs from the configured weights, or null
     */
    public record Built(ComputationGraph net, WeightsSpec used, String note) {
    }

    private NetworkFactory() {
    }

    /** The network {@code config} trains: frame-level, or pooling segments when {@code training.unit} is segment. */
    public static Built build(RunConfig config, OutputLayout layout, java.util.List<String> outputNames,
            WeightsSource source, PrintWriter err) {
        FramePooling pooling;
        try {
            pooling = config.training().segmentLevel() ? config.model().segmentPooling().pooling(layout) : null;
        } catch (ConfigException e) {
            throw new DataException(null, e.getMessage(), e);
        }
        return build(config.model(), layout, outputNames, config.training().seed(), pooling, source, err);
    }

    /** A frame-level network. */
    public static Built build(ModelConfig model, OutputLayout layout, long seed, WeightsSource source, PrintWriter err) {
        return build(model, layout, java.util.List.of(), seed, null, source, err);
    }

    /** A frame-level network; @param outputNames the schema's output names, which {@code model.class_weight} is resolved against */
    public static Built build(ModelConfig model, OutputLayout layout, java.util.List<String> outputNames, long seed,
            WeightsSource source, PrintWriter err) {
        return build(model, layout, outputNames, seed, null, source, err);
    }

    private static Built build(ModelConfig model, OutputLayout layout, java.util.List<String> outputNames, long seed,
            FramePooling pooling, WeightsSource source, PrintWriter err) {
        WeightsSpec wanted = model.weightsSpec();
        try {
            return new Built(model.networkSpec(wanted, seed, outputNames).build(layout, source, pooling), wanted, null);
        } catch (IOException e) {
            if (wanted.kind() != WeightsSpec.Kind.IMAGENET) {
                throw new DataException(wanted.file(), "model.weights: cannot load " + wanted + ": " + e.getMessage(), e);
            }
            String note = "ImageNet weights unavailable (" + e.getMessage() + "); fell back to random initialisation";
            err.println("WARNING: " + note + ". The run records the fall-back in provenance.json; expect much "
                    + "lower scores than from pretrained weights.");
            err.flush();
            WeightsSpec random = WeightsSpec.parse("random");
            try {
                return new Built(model.networkSpec(random, seed, outputNames).build(layout, source, pooling), random,
                        note);
            } catch (IOException impossible) {
                throw new IllegalStateException("random weights need no file", impossible);
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new DataException(null, "model.weights: " + wanted + " cannot be used with backbone "
                    + model.backbone() + " at width " + model.widthMultiplier() + ": " + e.getMessage(), e);
        }
    }
}
