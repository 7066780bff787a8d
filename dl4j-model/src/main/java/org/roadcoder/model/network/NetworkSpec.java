package org.roadcoder.model.network;

import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.loss.GroupedLoss;
import org.roadcoder.model.loss.GroupedLossBuilder;
import org.roadcoder.model.loss.LossKind;
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
 */
public record NetworkSpec(Backbone backbone, BackboneOptions input, WeightsSpec weights, LossKind loss,
        Map<String, Double> posWeights, HeadOptions head) {

    /** A {@code freezeUpTo} value that names the backbone's last feature layer. */
    public static final String FEATURES = "features";

    public NetworkSpec {
        posWeights = Map.copyOf(posWeights);
        if (loss == LossKind.BCE && !posWeights.isEmpty()) {
            throw new IllegalArgumentException("pos_weight " + posWeights.keySet() + " needs the grouped loss, not bce");
        }
    }

    /** Builds the backbone with its weights and attaches the head for {@code layout}. */
    public ComputationGraph build(OutputLayout layout, WeightsSource source) throws IOException {
        BackboneGraph graph = weights.build(backbone, input, source);
        HeadOptions resolved = FEATURES.equals(head.freezeUpTo()) ? head.withFreezeUpTo(graph.features()) : head;
        return TransferHead.attach(graph, layout, lossFunction(layout), resolved);
    }

    ILossFunction lossFunction(OutputLayout layout) {
        if (loss == LossKind.BCE) {
            return loss.create(layout);
        }
        GroupedLossBuilder builder = GroupedLoss.builder(layout);
        posWeights.forEach(builder::optPosWeight);
        return builder.build();
    }
}
