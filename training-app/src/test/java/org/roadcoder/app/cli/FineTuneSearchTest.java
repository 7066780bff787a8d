package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.model.inference.PriorCorrection;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.train.NetworkFactory;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.transfer.TransferHead;
import org.roadcoder.search.TrainingListeners;

/** {@code roadcoder search --fine-tune SURVEY}: every candidate trains the whole network on the survey's frames. */
class FineTuneSearchTest {

    @TempDir
    static Path dir;
    static Path survey;
    static Path config;
    static Path out;
    static CliRun search;

    @BeforeAll
    static void search() throws IOException {
        survey = TinySurvey.write(dir.resolve("survey"));
        config = TinySurvey.config(dir);
        out = dir.resolve("search");
        search = CliRun.of("search", "--fine-tune", survey.toString(), "--schema", TinySurvey.schema().toString(),
                "--config", config.toString(), "--out", out.toString(), "--candidates", "2", "--epochs", "2",
                "--hidden", "8..32", "--max-batches", "2");
    }

    @Test
    void everyCandidateFineTunesTheBackboneWithItsOwnHead() throws IOException {
        assertThat(search.exitCode()).as(search.err() + search.out()).isZero();
        assertThat(search.out()).containsPattern("  epoch 2/2: loss \\d+\\.\\d{4}, validation macro-F1 \\d\\.\\d{4}")
                .containsPattern("candidate 1: hidden \\d+, drop 0\\.\\d{3}, lr 3\\.00e-03 -> \\d\\.\\d{4}");
        List<String[]> rows = Files.readAllLines(out.resolve("results.csv")).stream().skip(1)
                .map(l -> l.split(",", -1)).toList();
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(Integer.parseInt(r[2])).isBetween(8, 32);
            assertThat(Double.parseDouble(r[5])).isBetween(0.0, 1.0);
            assertThat(r[6]).as("epochs").isEqualTo("2");
            assertThat(r[8]).as("error").isEmpty();
        });
        assertThat(rows.get(0)[2]).isNotEqualTo(rows.get(1)[2]);

        // the kept network is the configured one with the best head, and its backbone moved off its start
        ComputationGraph best = ModelSerializer.restoreComputationGraph(out.resolve("best/model.zip").toFile(), false);
        int hidden = Integer.parseInt(rows.get(0)[2]);
        assertThat(((FeedForwardLayer) best.getLayer(TransferHead.FC1).conf().getLayer()).getNOut()).isEqualTo(hidden);
        RunConfig bestConfig = ConfigLoader.load(out.resolve("best/config.yaml"), List.of());
        assertThat(bestConfig.model().hidden()).isEqualTo(hidden);
        assertThat(bestConfig.training().epochs()).isEqualTo(2);
        ComputationGraph start = NetworkFactory.build(bestConfig.model(),
                Layouts.of(LabelSchema.load(TinySurvey.schema())), bestConfig.training().seed(),
                WeightsSource.defaults(), new PrintWriter(new StringWriter())).net();
        assertThat(Backbones.layers(start)).hasSizeGreaterThan(5);
        assertThat(Backbones.unchanged(best, start)).isEmpty();
        // finished as train finishes a model: the exclusive groups' prior correction is in its weights and file
        assertThat(PriorCorrection.readFrom(out.resolve("best/model.zip").toFile()).tau())
                .isIn(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void theBestCandidateIsARunFolderWithItsScoreAndOneUiSessionPerCandidate() throws IOException {
        assertThat(search.exitCode()).as(search.err()).isZero();
        String[] first = Files.readAllLines(out.resolve("results.csv")).get(1).split(",");
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("best/provenance.json").toFile());
        assertThat(provenance.get("survey").asText()).isEqualTo(survey.toAbsolutePath().normalize().toString());
        assertThat(provenance.get("bestMacroF1").asDouble()).isEqualTo(Double.parseDouble(first[5]),
                org.assertj.core.data.Offset.offset(5e-5));
        assertThat(provenance.get("bestEpoch").asInt()).isBetween(1, 2);
        assertThat(provenance.get("split").get("validation")).hasSize(1);
        assertThat(provenance.get("commandLine")).hasSize(1);
        assertThat(provenance.get("commandLine").get(0).get(1).asText()).isEqualTo("--fine-tune");
        FileStatsStorage stats = new FileStatsStorage(out.resolve("ui-stats.dl4j").toFile());
        try {
            assertThat(stats.listSessionIDs()).containsExactlyInAnyOrder(TrainingListeners.sessionId(0),
                    TrainingListeners.sessionId(1), TrainingListeners.SEARCH_SESSION);
        } finally {
            stats.close();
        }

        Path predictions = dir.resolve("predictions");
        CliRun predict = CliRun.of("predict", out.resolve("best").toString(), survey.toString(), "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readAllLines(predictions.resolve("frame_predictions.csv"))).hasSize(1 + 40);
    }

    @Test
    void featuresAndFineTuningAreOneOrTheOther() {
        CliRun both = CliRun.of("search", dir.toString(), "--fine-tune", survey.toString(), "--out", dir.resolve("x").toString());
        assertThat(both.exitCode()).isEqualTo(org.roadcoder.app.cli.ExitCodes.USAGE);
        assertThat(both.err()).startsWith("error: give FEATURES or --fine-tune SURVEY, not both");

        CliRun neither = CliRun.of("search", "--out", dir.resolve("x").toString());
        assertThat(neither.exitCode()).isEqualTo(org.roadcoder.app.cli.ExitCodes.USAGE);
        assertThat(neither.err()).startsWith("error: give FEATURES (a folder written by featurize) or --fine-tune SURVEY");

        CliRun configWithFeatures = CliRun.of("search", dir.toString(), "--config", config.toString(), "--out",
                dir.resolve("x").toString());
        assertThat(configWithFeatures.exitCode()).isEqualTo(org.roadcoder.app.cli.ExitCodes.USAGE);
        assertThat(configWithFeatures.err()).startsWith("error: --config goes with --fine-tune");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
