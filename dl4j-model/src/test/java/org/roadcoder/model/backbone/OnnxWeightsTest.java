package org.roadcoder.model.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Width-1/32 torchvision VGG11-BN and VGG16 feature extractors exported to ONNX, with PyTorch's
 * outputs for a reference input (fixtures made by src/test/python/make_onnx_fixture.py; torch 1.13,
 * torchvision 0.14).
 */
class OnnxWeightsTest {

    private static final Path DIR = Path.of("src/test/resources/onnx");
    private static final BackboneOptions W32 = new BackboneOptions(64, 64, 1.0 / 32, 1);

    @Test
    void importedVgg11BnMatchesPyTorchWithin1e4() throws Exception {
        assertMatchesPyTorch(Backbone.VGG11_BN, "vgg11_bn_w32");
    }

    @Test
    void importedVgg16MatchesPyTorchWithin1e4() throws Exception {
        assertMatchesPyTorch(Backbone.VGG16, "vgg16_w32");
    }

    private static void assertMatchesPyTorch(Backbone architecture, String fixture) throws Exception {
        BackboneGraph backbone = architecture.build(W32);
        OnnxWeights.load(DIR.resolve(fixture + ".onnx"), backbone);

        INDArray input = Nd4j.createFromNpyFile(DIR.resolve("input.npy").toFile());
        INDArray expected = Nd4j.createFromNpyFile(DIR.resolve(fixture + "_features.npy").toFile());
        INDArray actual = backbone.graph().outputSingle(input);

        assertThat(actual.shape()).containsExactly(2, 16, 2, 2);
        double maxError = Nd4j.math().abs(actual.sub(expected)).maxNumber().doubleValue();
        assertThat(maxError).isLessThan(1e-4);
        assertThat(expected.maxNumber().doubleValue()).as("a non-trivial reference").isGreaterThan(0.1);
    }

    @Test
    void batchNormStatisticsArriveAsMeanAndVariance() throws Exception {
        BackboneGraph backbone = Backbone.VGG11_BN.build(W32);
        INDArray before = backbone.graph().getLayer("bn1_1").getParam("var").dup();
        OnnxWeights.load(DIR.resolve("vgg11_bn_w32.onnx"), backbone);
        INDArray var = backbone.graph().getLayer("bn1_1").getParam("var");
        assertThat(var).isNotEqualTo(before);
        assertThat(var.minNumber().doubleValue()).isBetween(0.5, 2.0); // the fixture draws them from U(0.5, 2)
    }

    @Test
    void refusesAnotherArchitecture() {
        BackboneGraph vgg16 = Backbone.VGG16.build(W32);
        assertThatThrownBy(() -> OnnxWeights.load(DIR.resolve("vgg11_bn_w32.onnx"), vgg16))
                .hasMessageContaining("has 8 convolutions and 8 batch norms; the backbone has 13 and 0");
        BackboneGraph wider = Backbone.VGG11_BN.build(new BackboneOptions(64, 64, 1.0 / 16, 1));
        assertThatThrownBy(() -> OnnxWeights.load(DIR.resolve("vgg11_bn_w32.onnx"), wider))
                .hasMessageContaining("layer conv1_1 W: ONNX tensor of 54 values for a parameter of 108");
    }
}
