package org.roadcoder.model.backbone;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.ZooModel;
import org.roadcoder.model.layers.TunedLayers;

/**
 * The networks roadcoder transfers from, by their configuration names.
 *
 * <p>{@code vgg11-bn} is the proof of concept's network, built here with named layers. {@code vgg16}
 * and {@code vgg19} at full width are the DL4J zoo's own graphs (layers named "0", "1", ..., the zoo's
 * ImageNet classifier included), so that the zoo's pretrained weights fit them; narrower variants are
 * built from the same layer list with roadcoder's layer names, and so are NHWC variants.
 */
public enum Backbone {

    VGG11_BN("vgg11-bn", VggLayers.VGG11, true),
    VGG16("vgg16", VggLayers.VGG16, false),
    VGG19("vgg19", VggLayers.VGG19, false);

    /** Classes of the zoo's classifier; the transfer surgery replaces it. */
    static final int IMAGENET_CLASSES = 1000;

    private final String id;
    private final List<Integer> layers;
    private final boolean batchNorm;

    Backbone(String id, List<Integer> layers, boolean batchNorm) {
        this.id = id;
        this.layers = layers;
        this.batchNorm = batchNorm;
    }

    public String id() {
        return id;
    }

    /**
     * The convolutional part as torchvision writes it: channel counts of the 3x3 convolutions, in order,
     * with -1 for each 2x2 max-pooling.
     */
    public List<Integer> layerList() {
        return layers;
    }

    /** Channels of the last convolution at full width. */
    public int featureChannels() {
        return layers.stream().filter(c -> c != VggLayers.M).reduce((a, b) -> b).orElseThrow();
    }

    /** Builds and initialises the network (random weights). */
    public BackboneGraph build(BackboneOptions options) {
        if (this == VGG11_BN || options.widthMultiplier() != 1.0 || options.format() != CNN2DFormat.NCHW) {
            return VggLayers.build(layers, batchNorm, options);
        }
        ZooModel<?> zoo = zooModel(options);
        ComputationGraph graph = TunedLayers.tune((ComputationGraph) zoo.init());
        String features = featuresOf(graph.getConfiguration());
        return new BackboneGraph(graph, graph.getConfiguration().getNetworkInputs().get(0), features,
                featureChannels(), options.featureHeight(), options.featureWidth());
    }

    /**
     * Builds the backbone for {@code options} with the zoo's ImageNet weights in its convolutional
     * part (vgg16, vgg19 at full width; any input size).
     */
    public BackboneGraph imagenet(BackboneOptions options, WeightsSource source) throws java.io.IOException {
        if (this == VGG11_BN) {
            throw new UnsupportedOperationException("the DL4J zoo has no ImageNet weights for vgg11-bn; "
                    + "torchvision's come through ONNX import");
        }
        if (options.widthMultiplier() != 1.0) {
            throw new IllegalArgumentException("ImageNet weights need the full-width network, not width x"
                    + options.widthMultiplier());
        }
        if (options.format() != CNN2DFormat.NCHW) {
            throw new IllegalArgumentException("ImageNet weights need the zoo's NCHW graph, not " + options.format());
        }
        ComputationGraph pretrained = ZooWeights.load(zooModel(options), org.deeplearning4j.zoo.PretrainedType.IMAGENET,
                source);
        BackboneGraph target = build(options);
        FeatureWeights.copy(pretrained, target);
        return target;
    }

    /** The zoo model this backbone comes from at full width (vgg16, vgg19), for its pretrained weights. */
    public ZooModel<?> zooModel(BackboneOptions options) {
        int[] shape = {3, options.height(), options.width()};
        return switch (this) {
            case VGG16 -> org.deeplearning4j.zoo.model.VGG16.builder().seed(options.seed()).inputShape(shape)
                    .numClasses(IMAGENET_CLASSES).build();
            case VGG19 -> org.deeplearning4j.zoo.model.VGG19.builder().seed(options.seed()).inputShape(shape)
                    .numClasses(IMAGENET_CLASSES).build();
            case VGG11_BN -> throw new UnsupportedOperationException("the DL4J zoo has no " + id);
        };
    }

    /** The vertex the zoo's first dense layer reads: the last pooling of the convolutional part. */
    static String featuresOf(ComputationGraphConfiguration conf) {
        for (String name : conf.getVertices().keySet()) {
            if (isDense(conf, name)) {
                String input = conf.getVertexInputs().get(name).get(0);
                if (!isDense(conf, input)) {
                    return input;
                }
            }
        }
        throw new IllegalStateException("no dense layer found after the convolutional part");
    }

    private static boolean isDense(ComputationGraphConfiguration conf, String vertex) {
        return conf.getVertices().get(vertex) instanceof LayerVertex v && v.getLayerConf().getLayer() instanceof DenseLayer;
    }

    public static Backbone fromId(String id) {
        for (Backbone b : values()) {
            if (b.id.equals(id.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backbone '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Backbone::id).toList());
    }
}
