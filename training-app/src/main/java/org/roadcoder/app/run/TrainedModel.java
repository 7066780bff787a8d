package org.roadcoder.app.run;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.segment.FramePooling;
import org.roadcoder.model.segment.SegmentNetworks;
import org.roadcoder.model.metrics.Thresholds;

/**
 * A finished run read back: the network, its label schema and configuration as saved beside it,
 * and the flag thresholds stored inside the model. Prediction and evaluation start here.
 */
public record TrainedModel(RunFolder run, ComputationGraph net, LabelSchema schema, RunConfig config,
        Thresholds thresholds) {

    public static TrainedModel load(Path dir) {
        RunFolder run = RunFolder.existing(dir);
        LabelSchema schema = LabelSchema.load(run.labels());
        RunConfig config = ConfigLoader.load(run.config(), List.of());
        ComputationGraph net;
        try {
            net = ModelSerializer.restoreComputationGraph(run.model().toFile(), false);
        } catch (Exception e) {
            throw new DataException(run.model(), "cannot read the model: " + e.getMessage(), e);
        }
        OutputLayout layout = Layouts.of(schema);
        ComputationGraph frames = SegmentNetworks.frameView(net);
        long outputs = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) frames
                .getLayer(frames.getConfiguration().getNetworkOutputs().get(0)).conf().getLayer()).getNOut();
        if (outputs != layout.size()) {
            throw new DataException(run.labels(), "the model has " + outputs + " outputs but this schema has "
                    + layout.size());
        }
        return new TrainedModel(run, net, schema, config, Thresholds.readFrom(run.model().toFile()));
    }

    /**
     * The network to score frames with (a segment-level model's frame view), in the layout it runs
     * fastest on CPU ({@link InferenceNet#fastest}): a second copy of the weights, built on each call.
     */
    public InferenceNet inferenceNet() {
        return InferenceNet.fastest(SegmentNetworks.frameView(net));
    }

    /**
     * How this model pools frames into segments: the pooling a segment-level model was trained with,
     * else the frame-level default (mean probability per exclusive group, maximum per flag).
     */
    public FramePooling pooling() {
        return SegmentNetworks.pooling(net);
    }

    public OutputLayout layout() {
        return Layouts.of(schema);
    }
}
