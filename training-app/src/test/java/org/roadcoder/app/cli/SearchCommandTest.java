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
        assertThat(out.resolve("ui-stats.dl4j")).isRegularFile();
        assertThat(out.resolve("score_vs_hidden.png")).isNotEmptyFile();
        assertThat(out.resolve("score_vs_dropout.png")).isNotEmptyFile();
        int bestHidden = Integer.parseInt(csv.get(1).split(",")[2]);
        assertThat(out.resolve("best/config.yaml")).content().contains("hidden: " + bestHidden);
        assertThat(out.resolve("best/provenance.json")).content().contains("head search: best of 3 candidates");

        // the best candidate is a run folder that predict and evaluate take as they are
        Path predictions = dir.resolve("predictions");
        CliRun predict = CliRun.of("predict", out.resolve("best").toString(), survey.toString(), "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(predictions.resolve("frame_predictions.csv"))).hasSize(1 + 4 * 3 * 4);
        CliRun evaluate = CliRun.of("evaluate", out.resolve("best").toString(), survey.toString(), "--out",
                dir.resolve("eval").toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(dir.resolve("eval/metrics.json")).isNotEmptyFile();

        CliRun bad = CliRun.of("search", survey.toString(), "--out", out.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(bad.err().strip()).isEqualTo("error: " + survey + ": not a featurize folder: config.yaml is missing");
    }
}
