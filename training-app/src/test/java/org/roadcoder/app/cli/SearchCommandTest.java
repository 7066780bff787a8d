package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.model.inference.PriorCorrection;

/** {@code roadcoder search} through the real command line. */
class SearchCommandTest {

    @TempDir
    static Path dir;
    static Path survey;
    static Path features;
    static Path out;
    static CliRun search;

    @BeforeAll
    static void featurizeAndSearch() throws IOException {
        survey = TinySurvey.write(dir.resolve("survey"));
        features = dir.resolve("features");
        CliRun f = CliRun.of("featurize", survey.toString(), "--schema", TinySurvey.schema().toString(), "--config",
                TinySurvey.config(dir).toString(), "--out", features.toString());
        assertThat(f.exitCode()).as(f.err()).isZero();
        out = dir.resolve("search");
        search = CliRun.of("search", features.toString(), "--out", out.toString(), "--candidates", "3", "--epochs", "1",
                "--hidden", "8..32");
    }

    @Test
    void theCommandLineOffersSearchLikeEveryOtherCommand() {
        CliRun help = CliRun.of("--help");
        assertThat(help.out()).containsPattern("(?m)^\\s+search\\s+Searches the classifier head");

        CliRun noOut = CliRun.of("search", features.toString());
        assertThat(noOut.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void searchesHeadsOnFeaturizedDataAndRanksThem() throws IOException {
        assertThat(search.exitCode()).as(search.err() + search.out()).isZero();
        assertThat(search.out())
                .containsPattern("candidate 0: hidden \\d+, drop 0\\.\\d{3}, lr 3\\.00e-03 -> \\d\\.\\d{4}")
                .contains("best: candidate ").contains("roadcoder ui " + out);
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
        // only the head was trained: the backbone is the one the features were computed with
        ComputationGraph best = ModelSerializer.restoreComputationGraph(out.resolve("best/model.zip").toFile(), false);
        ComputationGraph featurized = ModelSerializer.restoreComputationGraph(features.resolve("network.zip").toFile(),
                false);
        assertThat(Backbones.unchanged(best, featurized)).hasSizeGreaterThan(5)
                .containsExactlyElementsOf(Backbones.layers(featurized));
        // finished as train finishes a model: the prior correction over the training features' labels
        assertThat(PriorCorrection.readFrom(out.resolve("best/model.zip").toFile()).shares())
                .containsKey("median_type");
    }

    @Test
    void theBestCandidateIsARunFolderThatPredictAndEvaluateTake() throws IOException {
        assertThat(search.exitCode()).as(search.err()).isZero();
        Path predictions = dir.resolve("predictions");
        CliRun predict = CliRun.of("predict", out.resolve("best").toString(), survey.toString(), "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(predictions.resolve("frame_predictions.csv"))).hasSize(1 + 40);
        CliRun evaluate = CliRun.of("evaluate", out.resolve("best").toString(), survey.toString(), "--out",
                dir.resolve("eval").toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(dir.resolve("eval/metrics.json")).isNotEmptyFile();
    }

    @Test
    void aFolderThatFeaturizeDidNotWriteIsRefusedNamingWhatIsMissing() {
        CliRun bad = CliRun.of("search", survey.toString(), "--out", dir.resolve("refused").toString());

        assertThat(bad.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(bad.err().strip()).isEqualTo("error: " + survey + ": not a featurize folder: config.yaml is missing");
    }
}
