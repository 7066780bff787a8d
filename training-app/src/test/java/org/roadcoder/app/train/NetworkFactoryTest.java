package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.data.DataException;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;

class NetworkFactoryTest {

    private static final OutputLayout LAYOUT = OutputLayout.builder().flag("urban").exclusive("lanes", 3).build();

    @Test
    void unreachableImagenetWeightsFallBackToRandomWithAWarningAndANote(@TempDir Path dir) {
        ModelConfig model = ConfigLoader.load(null, List.of("model.backbone=vgg16", "model.weights=imagenet",
                "model.input_size=32", "model.hidden=8")).model();
        WeightsSource offline = new WeightsSource(dir.resolve("cache"), dir.resolve("no-mirror").toUri().toString(),
                Duration.ofSeconds(5));
        StringWriter err = new StringWriter();

        NetworkFactory.Built built = NetworkFactory.build(model, LAYOUT, 1, offline, new PrintWriter(err, true));

        assertThat(built.used().toString()).isEqualTo("random");
        assertThat(built.note()).startsWith("ImageNet weights unavailable (").endsWith("fell back to random initialisation");
        assertThat(err.toString()).startsWith("WARNING: ImageNet weights unavailable").contains("provenance.json");
        assertThat(built.net().getOutputLayer(0).getParam("W").shape()).containsExactly(8L, 4L);
    }

    @Test
    void imagenetWeightsForANarrowNetworkAreAConfigurationError(@TempDir Path dir) {
        ModelConfig model = ConfigLoader.load(null, List.of("model.backbone=vgg16", "model.width_multiplier=0.5",
                "model.input_size=32")).model();
        assertThatThrownBy(() -> NetworkFactory.build(model, LAYOUT, 1, WeightsSource.defaults().withCacheDir(dir),
                new PrintWriter(new StringWriter()))).isInstanceOf(DataException.class)
                .hasMessageStartingWith("model.weights: imagenet cannot be used with backbone vgg16 at width 0.5: ");
    }
}
