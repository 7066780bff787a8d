package org.roadcoder.model.backbone;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.roadcoder.model.layers.FastBatchNormalization;
import org.roadcoder.model.layers.FastConvolutionLayer;
import org.roadcoder.model.layers.InPlaceReluLayer;

/**
 * The convolutional part of a VGG from its layer list, torchvision style: {@code 64, M, 128, M, ...}
 * where a number is a 3x3 convolution (padding 1) with that many channels and M a 2x2 max-pooling.
 * Layers are named by stage and position, {@code conv1_1, bn1_1, relu1_1, ..., pool1, conv2_1, ...},
 * so weights from elsewhere (torchvision through ONNX) can be addressed by name.
 *
 * <p>With batch norm the ReLU is its own layer, as in torchvision: DL4J 1.0.0-M2.1's batch
 * normalisation layer ignores its configured activation. Batch norm keeps its running variance as
 * such ({@code useLogStd(false)}; DL4J's default stores log10 of the standard deviation), so imported
 * torchvision statistics map one to one.
 */
final class VggLayers {

    static final int M = -1;
    static final String INPUT = "input";

    static final List<Integer> VGG11 = List.of(64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M);
    static final List<Integer> VGG16 = List.of(64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M,
            512, 512, 512, M);
    static final List<Integer> VGG19 = List.of(64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M,
            512, 512, 512, 512, M);

    private VggLayers() {
    }

    /** Builds and initialises the feature extractor; its only output is {@code pool5}. */
    static BackboneGraph build(List<Integer> layers, boolean batchNorm, BackboneOptions options) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(options.seed())
                .weightInit(WeightInit.RELU).updater(new Nesterovs(1e-3, 0.9)).graphBuilder().addInputs(INPUT)
                .setInputTypes(InputType.convolutional(options.height(), options.width(), 3, options.format()));
        String previous = INPUT;
        int stage = 1;
        int conv = 1;
        int channels = 3;
        for (int entry : layers) {
            if (entry == M) {
                String pool = "pool" + stage;
                // DL4J's own max pooling: the tuned FastSubsamplingLayer made the demo network's training (1/8 width,
                // 64 px) about 20% slower end to end and the 1/4-width 128-px one no faster (docs/performance.md);
                // TunedLayers.tune still puts it into the DL4J zoo's graphs
                g.addLayer(pool, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).dataFormat(options.format()).build(), previous);
                previous = pool;
                stage++;
                conv = 1;
                continue;
            }
            String suffix = stage + "_" + conv++;
            channels = options.channels(entry);
            g.addLayer("conv" + suffix, FastConvolutionLayer.of(new ConvolutionLayer.Builder(3, 3).stride(1, 1)
                    .padding(1, 1).convolutionMode(ConvolutionMode.Truncate).dataFormat(options.format())
                    .nOut(channels).activation(batchNorm ? Activation.IDENTITY : Activation.RELU).build()), previous);
            previous = "conv" + suffix;
            if (batchNorm) {
                g.addLayer("bn" + suffix, FastBatchNormalization.of(new BatchNormalization.Builder().nOut(channels)
                                .useLogStd(false).dataFormat(options.format()).build()), previous)
                        .addLayer("relu" + suffix, new InPlaceReluLayer(), "bn" + suffix);
                previous = "relu" + suffix;
            }
        }
        g.setOutputs(previous);
        org.deeplearning4j.nn.graph.ComputationGraph graph = new org.deeplearning4j.nn.graph.ComputationGraph(g.build());
        graph.init();
        return new BackboneGraph(graph, INPUT, previous, channels, options.featureHeight(), options.featureWidth());
    }
}
