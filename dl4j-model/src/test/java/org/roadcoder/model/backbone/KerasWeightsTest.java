package org.roadcoder.model.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A width-1/32 Keras VGG16 feature extractor (Keras 2 full-model HDF5, channels-last) and PyTorch's
 * output of the same weights (fixture made by src/test/python/make_keras_fixture.py).
 */
class KerasWeightsTest {

    private static final Path DIR = Path.of("src/test/resources/keras");
    private static final BackboneOptions W32 = new BackboneOptions(64, 64, 1.0 / 32, 1);

    @Test
    void importedKerasVgg16MatchesTheReferenceWithin1e4() throws Exception {
        BackboneGraph backbone = Backbone.VGG16.build(W32);
        KerasWeights.load(DIR.resolve("vgg16_w32.h5"), backbone);

        INDArray input = Nd4j.createFromNpyFile(DIR.resolve("input_nchw.npy").toFile());
        INDArray expected = Nd4j.createFromNpyFile(DIR.resolve("vgg16_w32_features.npy").toFile());
        INDArray actual = backbone.graph().outputSingle(input);

        assertThat(actual.shape()).containsExactly(2, 16, 2, 2);
        assertThat(Nd4j.math().abs(actual.sub(expected)).maxNumber().doubleValue()).isLessThan(1e-4);
        assertThat(expected.maxNumber().doubleValue()).as("a non-trivial reference").isGreaterThan(0.1);
    }

    @Test
    void refusesAnotherArchitectureOrAMissingFile() {
        assertThatThrownBy(() -> KerasWeights.load(DIR.resolve("vgg16_w32.h5"), Backbone.VGG19.build(W32)))
                .hasMessageContaining("has 13 convolutions; the backbone has 16");
        assertThatThrownBy(() -> KerasWeights.load(DIR.resolve("vgg16_w32.h5"),
                Backbone.VGG16.build(new BackboneOptions(64, 64, 1.0 / 16, 1))))
                .hasMessageContaining("block1_conv1 W [2, 3, 3, 3] does not fit conv1_1 W [4, 3, 3, 3]");
        assertThatThrownBy(() -> KerasWeights.load(DIR.resolve("nope.h5"), Backbone.VGG16.build(W32)))
                .isInstanceOf(IOException.class).hasMessageContaining("no Keras model file");
    }
}
