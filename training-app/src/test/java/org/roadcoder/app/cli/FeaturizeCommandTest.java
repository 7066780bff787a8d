package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.HeadTrainer;

class FeaturizeCommandTest {

    @Test
    void featuresPerSplitFitAHeadWithoutTheBackbone(@TempDir Path dir) throws IOException {
        Path survey = TestSurveys.write(dir.resolve("survey"), 4, 3, 4);
        Path out = dir.resolve("features");

        CliRun r = CliRun.of("featurize", survey.toString(), "--schema",
                TestSurveys.repoRoot().resolve("data/labels.yaml").toString(), "--config",
                TestSurveys.tinyConfig(dir).toString(), "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("train: 24 frames of 2 roads -> 3 feature files")
                .contains("validation: 12 frames of 1 roads -> 2 feature files").contains("test: 12 frames");
        assertThat(out.resolve("config.yaml")).content().contains("freeze: features");
        FeatureStore train = FeatureStore.open(out.resolve("train"));
        assertThat(train.examples()).isEqualTo(24);
        ComputationGraph net = ModelSerializer.restoreComputationGraph(out.resolve("network.zip").toFile(), false);
        HeadTrainer head = new HeadTrainer(net);
        head.fit(train, 1);
        assertThat(head.head().score()).isFinite();

        CliRun again = CliRun.of("featurize", survey.toString(), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(again.err()).contains("feature folder is not empty");
        assertThat(Files.list(out.resolve("train")).count()).isEqualTo(3);
    }
}
