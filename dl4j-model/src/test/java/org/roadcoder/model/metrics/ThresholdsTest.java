package org.roadcoder.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ThresholdsTest {

    @Test
    void tunerMaximisesEachFlagsF1OnValidationData() {
        Thresholds t = ThresholdTuner.tune(EvaluatorTest.LAYOUT, EvaluatorTest.P, EvaluatorTest.Y);
        // urban: F1 at 0.9, 0.8, 0.6, 0.3, 0.2, 0.1 = 1/2, 2/5, 2/3, 6/7, 3/4, 2/3
        // lighting: F1 at 0.9, 0.45, 0.4, 0.2, 0.1 = 1/2, 4/5, 6/7, 3/4, 2/3
        assertThat(t.flags()).containsExactly(Map.entry("lighting", 0.4), Map.entry("urban", 0.3));
    }

    @Test
    void equalF1PrefersTheHigherThresholdAndNoPositivesKeepsTheDefault() {
        double[][] p = {{0.9, 0.8, 0.1, 0.1, 0.7, 0.5, 0.5}, {0.6, 0.8, 0.1, 0.1, 0.2, 0.5, 0.5}};
        double[][] y = {{1, 1, 0, 0, 0, 1, 0}, {0, 1, 0, 0, 0, 1, 0}};
        Thresholds t = ThresholdTuner.tune(EvaluatorTest.LAYOUT, p, y);
        assertThat(t.of("urban")).isEqualTo(0.9);
        assertThat(t.of("lighting")).isEqualTo(Thresholds.DEFAULT);
    }

    @Test
    void jsonRoundTrip() {
        Thresholds t = new Thresholds(Map.of("sidewalk", 0.35, "intersection", 0.2));
        assertThat(t.toJson()).contains("\"intersection\" : 0.2");
        assertThat(Thresholds.fromJson(t.toJson())).isEqualTo(t);
        assertThat(t.of("street_lighting")).isEqualTo(0.5);
        assertThatThrownBy(() -> new Thresholds(Map.of("x", 1.5))).hasMessageContaining("threshold of x");
        assertThatThrownBy(() -> Thresholds.fromJson("{")).hasMessageContaining("not a thresholds JSON");
    }

    @Test
    void travelInsideTheModelFile(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(2).nOut(1)
                        .activation(Activation.SIGMOID).build()).build());
        net.init();
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        assertThat(Thresholds.readFrom(file)).isEqualTo(Thresholds.defaults());

        Thresholds t = new Thresholds(Map.of("pedestrian_crossing", 0.25));
        t.addTo(file);
        assertThat(Thresholds.readFrom(file)).isEqualTo(t);
        assertThat(ModelSerializer.restoreMultiLayerNetwork(file).params()).isEqualTo(net.params());
    }
}
