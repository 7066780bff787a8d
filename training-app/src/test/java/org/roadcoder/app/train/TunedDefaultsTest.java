package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.layers.FastBatchNormalization;
import org.roadcoder.model.layers.TunedLayers;
import org.roadcoder.model.runtime.Dl4jRuntime;

/**
 * The speed and memory settings of issue 7 are roadcoder's defaults, not benchmark flags: the networks
 * the app trains run on the tuned layers with oneDNN, and the launcher passes the JVM property and the
 * allocator environment. If any of them silently stopped applying, this fails.
 */
class TunedDefaultsTest {

    @Test
    void theDemoNetworkTrainsOnTunedLayersWithOneDnn() throws IOException {
        ModelConfig model = ConfigLoader.load(TestSurveys.repoRoot().resolve("data/demo.yaml"),
                List.of("model.input_size=32")).model();
        OutputLayout layout = OutputLayout.builder().flag("urban").exclusive("lanes", 3).build();
        ComputationGraph net = NetworkFactory.build(model, layout, 1, WeightsSource.defaults(),
                new PrintWriter(new StringWriter())).net();

        assertThat(Dl4jRuntime.helpersEnabled()).as("oneDNN layer helpers on in this JVM").isTrue();
        // max pooling stays DL4J's (the tuned one measured slower for this network end to end, docs/performance.md)
        assertThat(TunedLayers.countTuned(net)).as("VGG11-BN: conv, batch norm, ReLU in each of 8 blocks")
                .isEqualTo(24);
        for (Layer layer : net.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                assertThat(FastBatchNormalization.helperOf(layer).getClass().getSimpleName())
                        .isEqualTo("FastBatchNormHelper");
            }
        }
    }

    @Test
    void theLauncherSetsTheJvmPropertyAndTheAllocatorEnvironment() throws IOException {
        String launcher = Files.readString(TestSurveys.repoRoot().resolve("roadcoder"));
        assertThat(launcher).contains("-D" + Dl4jRuntime.HELPERS_PROPERTY + "=false");
        for (Map.Entry<String, String> e : Dl4jRuntime.NATIVE_ENVIRONMENT.entrySet()) {
            assertThat(launcher).contains("export " + e.getKey() + "=\"${" + e.getKey() + ":-" + e.getValue() + "}\"");
        }
    }
}
