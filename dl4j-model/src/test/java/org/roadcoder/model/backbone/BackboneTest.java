package org.roadcoder.model.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.zoo.model.VGG16;
import org.deeplearning4j.zoo.model.VGG19;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BackboneTest {

    private static final BackboneOptions TINY = new BackboneOptions(64, 32, 1.0 / 16, 1);

    @Test
    void vgg11BnHasTorchvisionsLayerSequenceWithNamedLayers() {
        BackboneGraph b = Backbone.VGG11_BN.build(TINY);
        List<String> names = b.graph().getConfiguration().getTopologicalOrderStr();
        assertThat(names).startsWith("input", "conv1_1", "bn1_1", "relu1_1", "pool1", "conv2_1", "bn2_1", "relu2_1",
                "pool2", "conv3_1", "bn3_1", "relu3_1", "conv3_2");
        assertThat(names).endsWith("conv5_2", "bn5_2", "relu5_2", "pool5");
        assertThat(convChannels(b.graph().getConfiguration())).containsExactly(4, 8, 16, 16, 32, 32, 32, 32);
        assertThat(b.features()).isEqualTo("pool5");
    }

    @Test
    void featureSizeFollowsTheInputSize() {
        BackboneGraph b = Backbone.VGG11_BN.build(TINY);
        assertThat(b.featureSize()).isEqualTo(32 * 2 * 1);
        INDArray out = b.graph().outputSingle(Nd4j.rand(DataType.FLOAT, 2, 3, 64, 32));
        assertThat(out.shape()).containsExactly(2, 32, 2, 1);
    }

    @Test
    void narrowVgg16HasTheZoosConvolutionsScaled() {
        ComputationGraphConfiguration zoo = ((VGG16) Backbone.VGG16.zooModel(BackboneOptions.square(64))).conf();
        BackboneGraph tiny = Backbone.VGG16.build(BackboneOptions.square(64).withWidthMultiplier(1.0 / 32));
        List<Integer> full = convChannels(zoo);
        assertThat(full).hasSize(13);
        assertThat(convChannels(tiny.graph().getConfiguration()))
                .isEqualTo(full.stream().map(c -> c / 32).collect(Collectors.toList()));
        assertThat(Backbone.featuresOf(zoo)).isEqualTo("17");
        assertThat(Backbone.featuresOf(((VGG19) Backbone.VGG19.zooModel(BackboneOptions.square(64))).conf()))
                .isEqualTo("20");
        assertThat(tiny.featureSize()).isEqualTo(16 * 2 * 2);
    }

    @Test
    void fullWidthVgg16IsTheZoosOwnGraph() {
        BackboneGraph b = Backbone.VGG16.build(BackboneOptions.square(32));
        ComputationGraphConfiguration zoo = ((VGG16) Backbone.VGG16.zooModel(BackboneOptions.square(32))).conf();
        assertThat(b.graph().getConfiguration().getVertices().keySet()).isEqualTo(zoo.getVertices().keySet());
        for (String name : zoo.getVertices().keySet()) {
            assertThat(layerOf(b.graph().getConfiguration(), name)).as(name).isEqualTo(layerOf(zoo, name));
        }
        assertThat(b.features()).isEqualTo("17");
        assertThat(b.featureSize()).isEqualTo(512);
    }

    @Test
    void vgg19IsSixteenConvolutions() {
        BackboneGraph b = Backbone.VGG19.build(new BackboneOptions(32, 32, 1.0 / 64, 1));
        assertThat(convChannels(b.graph().getConfiguration())).hasSize(16).startsWith(1, 1, 2, 2, 4).endsWith(8);
        assertThat(b.featureSize()).isEqualTo(8);
    }

    @Test
    void widthMultiplierNeverDropsBelowOneChannel() {
        assertThat(new BackboneOptions(32, 32, 0.001, 1).channels(64)).isEqualTo(1);
        assertThat(new BackboneOptions(32, 32, 0.5, 1).channels(64)).isEqualTo(32);
    }

    @Test
    void rejectsInputsVggCannotTake() {
        assertThatThrownBy(() -> new BackboneOptions(100, 224, 1, 1)).hasMessageContaining("input 100x224")
                .hasMessageContaining("multiples of 32");
        assertThatThrownBy(() -> new BackboneOptions(224, 224, 1.5, 1)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Backbone.fromId("resnet50")).hasMessageContaining("[vgg11-bn, vgg16, vgg19]");
        assertThat(Backbone.fromId("VGG11-BN")).isEqualTo(Backbone.VGG11_BN);
    }

    private static Object layerOf(ComputationGraphConfiguration conf, String vertex) {
        return ((LayerVertex) conf.getVertices().get(vertex)).getLayerConf().getLayer();
    }

    private static List<Integer> convChannels(ComputationGraphConfiguration conf) {
        return conf.getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ConvolutionLayer)
                .map(v -> (int) ((ConvolutionLayer) ((LayerVertex) v).getLayerConf().getLayer()).getNOut())
                .collect(Collectors.toList());
    }
}
