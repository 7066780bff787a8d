package org.roadcoder.model.network;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.init.InitKind;
import org.roadcoder.model.init.TorchInit;
import org.roadcoder.model.loss.GroupedLoss;
import org.roadcoder.model.loss.GroupedLossBuilder;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.segment.FramePooling;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/**
 * Everything that defines a roadcoder network, in one value the apps fill from configuration:
 * backbone, input size and width, starting weights, loss and head. {@link #build} makes it.
 *
 * @param backbone   vgg11-bn, vgg16 or vgg19
 * @param input      input size, width multiplier, seed
 * @param weights    the backbone's starting weights
 * @param loss       bce or grouped
 * @param posWeights pos_weight per flag name (grouped loss only); empty for none
 * @param head       the classifier and how the backbone trains; {@code freezeUpTo} may be
 *                   {@value #FEATURES} for "the whole convolutional part", whatever its layer is named
 * @param init       how randomly initialised layers start: all of them with random weights, the
 *                   classifier only with loaded ones
 * @param classWeights weight per output index (grouped loss only), multiplying that output's term: class
 *                   weights inside exclusive groups; outputs not listed weigh 1
 */
public record NetworkSpec(Backbone backbone, BackboneOptions input, WeightsSpec weights, LossKind loss,
        Map<String, Double> posWeights, HeadOptions head, InitKind init, Map<Integer, Double> classWeights) {

    /** A {@code freezeUpTo} value that names the backbone's last feature layer. */
    public static final String FEATURES = "features";

    /** DL4J's He-normal initialisation. */
    public NetworkSpec(Backbone backbone, BackboneOptions input, WeightsSpec weights, LossKind loss,
            Map<String, Double> posWeights, HeadOptions head) {
        this(backbone, input, weights, loss, posWeights, head, InitKind.HE, Map.of());
    }

    public NetworkSpec {
        Objects.requireNonNull(init, "init");
        posWeights = Map.copyOf(posWeights);
        classWeights = Map.copyOf(classWeights);
        if (loss == LossKind.BCE && !posWeights.isEmpty()) {
            throw new IllegalArgumentException("pos_weight " + posWeights.keySet() + " needs the grouped loss, not bce");
        }
        if (loss == LossKind.BCE && !classWeights.isEmpty()) {
            throw new IllegalArgumentException("class weights need the grouped loss, not bce");
        }
    }

    /** Builds the backbone with its weights and attaches the head for {@code layout}. */
    public ComputationGraph build(OutputLayout layout, WeightsSource source) throws IOException {
        return build(layout, source, null);
    }

    /**
     * The same network for segment-level training when {@code segmentPooling} is not null
     * ({@link TransferHead#attach(BackboneGraph, OutputLayout, ILossFunction, HeadOptions, FramePooling)}).
     */
    public ComputationGraph build(OutputLayout layout, WeightsSource source, FramePooling segmentPooling)
            throws IOException {
        BackboneGraph graph = weights.build(backbone, input, source);
        HeadOptions resolved = FEATURES.equals(head.freezeUpTo()) ? head.withFreezeUpTo(graph.features()) : head;
        ComputationGraph net = TransferHead.attach(graph, layout, lossFunction(layout), resolved,
                segmentPooling);
        if (init == InitKind.TORCH) {
            Set<String> layers = new LinkedHashSet<>(TransferHead.LAYERS);
            layers.retainAll(net.getConfiguration().getVertices().keySet());
            if (weights.kind() == WeightsSpec.Kind.RANDOM) {
                layers.addAll(graph.featureVertices());
            }
            TorchInit.apply(net, layers, input.seed());
        }
        return net;
    }

    ILossFunction lossFunction(OutputLayout layout) {
        if (loss == LossKind.BCE) {
            return loss.create(layout);
        }
        GroupedLossBuilder builder = GroupedLoss.builder(layout);
        posWeights.forEach(builder::optPosWeight);
        if (!classWeights.isEmpty()) {
            double[] w = new double[layout.size()];
            java.util.Arrays.fill(w, 1.0);
            classWeights.forEach((i, v) -> w[i] = v);
            builder.optWeights(w);
        }
        return builder.build();
    }
}
