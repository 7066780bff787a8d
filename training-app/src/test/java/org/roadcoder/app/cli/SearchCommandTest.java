package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;

class SearchCommandTest {

    @Test
    void searchesHeadsOnFeaturizedDataAndRanksThem(@TempDir Path dir) throws IOException {
        Path survey = TestSurveys.write(dir.resolve("survey"), 4, 3, 4);
        Path features = dir.resolve("features");
        CliRun f = CliRun.of("featurize", survey.toString(), "--schema",
                TestSurveys.repoRoot().resolve("data/labels.yaml").toString(), "--config",
                TestSurveys.tinyConfig(dir).toString(), "--out", features.toString());
        assertThat(f.exitCode()).as(f.err()).isZero();
        Path out = dir.resolve("search");

        CliRun r = CliRun.of("search", features.toString(), "--out", out.toString(), "--candidates", "3", "--epochs",
                "1", "--hidden", "8..32");

        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).containsPattern("candidate 0: hidden \\d+, drop 0\\.\\d{3}, lr 3\\.00e-03 -> \\d\\.\\d{4}")
                .contains("best: candidate ");
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("rank,candidate,hidden,drop_rate");
        assertThat(out.resolve("results.html")).content().contains("roadcoder head search");
        assertThat(out.resolve("best-model.zip")).isRegularFile();
        assertThat(out.resolve("ui-stats.dl4j")).isRegularFile();

        CliRun bad = CliRun.of("search", survey.toString(), "--out", out.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(bad.err().strip()).isEqualTo("error: " + survey + ": not a featurize folder: config.yaml is missing");
    }
}
