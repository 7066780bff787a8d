package org.roadcoder.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.DataException;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noFileGivesTheDefaults() {
        assertThat(ConfigLoader.load(null, List.of())).isEqualTo(RunConfig.defaults());
    }

    @Test
    void fileOverridesDefaultsAndFlagsOverrideTheFile() throws IOException {
        Path f = write("model:\n  input_size: 64\n  width_multiplier: 0.25\ntraining:\n  epochs: 5\n");
        RunConfig c = ConfigLoader.load(f, List.of("training.epochs=2", "model.weights=random"));
        assertThat(c.model().inputSize()).isEqualTo(64);
        assertThat(c.model().widthMultiplier()).isEqualTo(0.25);
        assertThat(c.model().weights()).isEqualTo("random");
        assertThat(c.training().epochs()).isEqualTo(2);
        assertThat(c.training().batchSize()).isEqualTo(RunConfig.defaults().training().batchSize());
    }

    @Test
    void resolvedYamlReadsBackToTheSameValue() throws IOException {
        RunConfig c = ConfigLoader.load(null, List.of("model.loss=grouped", "model.pos_weight={intersection: 3}"));
        Path f = Files.writeString(dir.resolve("resolved.yaml"), ConfigLoader.toYaml(c));
        assertThat(ConfigLoader.load(f, List.of())).isEqualTo(c);
        assertThat(c.model().posWeight()).containsEntry("intersection", 3.0);
    }

    @Test
    void unknownKeyIsNamedWithItsFile() throws IOException {
        Path f = write("model:\n  widht_multiplier: 0.5\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of())).isInstanceOf(DataException.class)
                .hasMessageStartingWith(f + ": unknown key 'model.widht_multiplier'; known here: model.backbone");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("trainig.epochs=3")))
                .hasMessageStartingWith("unknown key 'trainig'");
    }

    @Test
    void invalidValuesNameTheKey() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(write("model:\n  input_size: 100\n"), List.of()))
                .isInstanceOf(DataException.class)
                .hasMessageEndingWith("model.input_size: must be a multiple of 32 (VGG pools five times), e.g. 64 or 224; got 100");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("training.epochs=many")))
                .hasMessageStartingWith("training.epochs: ");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("model.backbone=resnet")))
                .hasMessage("model.backbone: unknown backbone 'resnet'; expected one of [vgg11-bn, vgg16, vgg19]");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("data.split.train=0.9")))
                .hasMessageStartingWith("data.split: split fractions must add up to 1");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("model=3")))
                .hasMessageStartingWith("key 'model' is a section (model.backbone, ");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("training.stats_every=-1")))
                .hasMessage("training.stats_every: must be 0 (no training-UI statistics) or more (iterations between "
                        + "two reports), got -1");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("training.segment_fill=-2")))
                .hasMessage("training.segment_fill: must be 0 (whole segments only) or more (single frames of other "
                        + "segments per batch), got -2");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("training.segment_frames=pooled")))
                .hasMessage("training.segment_frames: pooled leaves the groups trained frame by frame to the fill "
                        + "frames: set training.segment_fill above 0");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("training.segment_frames=some")))
                .hasMessage("training.segment_frames: must be all or pooled, got some");
        assertThat(ConfigLoader.load(null, List.of("training.segment_frames=pooled", "training.segment_fill=14"))
                .training().wholeSegmentsTrainPooledOnly()).isTrue();
    }

    @Test
    void missingOrBrokenFileIsOneLine() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml"), List.of()))
                .hasMessage(dir.resolve("none.yaml") + ": configuration file not found");
        assertThatThrownBy(() -> ConfigLoader.load(write("model: [1, 2\n"), List.of()))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void demoAndFullConfigurationsAreValid() {
        Path data = Path.of("..", "data");
        assertThat(ConfigLoader.load(data.resolve("demo.yaml"), List.of()).model().inputSize()).isEqualTo(64);
        assertThat(ConfigLoader.load(data.resolve("full.yaml"), List.of()).model().weights()).isEqualTo("imagenet");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("c.yaml"), yaml);
    }
}
