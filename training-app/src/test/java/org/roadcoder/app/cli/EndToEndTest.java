package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;

/** simulate -> train (two batches) -> evaluate -> predict -> validate, through the real command line. */
class EndToEndTest {

    @TempDir
    static Path dir;
    static Path survey;
    static Path run;
    static CliRun train;
    static final String SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();

    @BeforeAll
    static void train() throws IOException {
        survey = dir.resolve("survey");
        CliRun simulate = CliRun.of("simulate", "--out", survey.toString(), "--roads", "4", "--road-length-m", "100",
                "--size", "32", "--seed", "5", "--schema", SCHEMA);
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        run = dir.resolve("run");
        train = CliRun.of("train", survey.toString(), "--schema", SCHEMA, "--config",
                TestSurveys.tinyConfig(dir).toString(), "--out", run.toString(), "--max-batches", "2", "--evaluate");
    }

    @Test
    void trainThenEvaluateWritesMetricsReportAndCharts() throws IOException {
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("report: " + run.resolve("eval-test/report.html"));
        assertThat(run.resolve("eval-test/metrics.json")).isRegularFile();
        Path eval = dir.resolve("eval");

        CliRun r = CliRun.of("evaluate", run.toString(), survey.toString(), "--out", eval.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("frames \\(10\\): macro-F1 \\d\\.\\d{4}, majority baseline \\d\\.\\d{4}")
                .containsPattern("segments \\(1\\): macro-F1 \\d\\.\\d{4}, majority baseline")
                .contains("report: " + eval.resolve("report.html"));
        JsonNode m = new ObjectMapper().readTree(eval.resolve("metrics.json").toFile());
        assertThat(m.get("split").asText()).isEqualTo("test");
        assertThat(m.get("weights").asText()).isEqualTo("random");
        assertThat(m.get("best_epoch").asInt()).isBetween(1, 2);
        assertThat(m.get("roads")).hasSize(1);
        assertThat(m.get("frames").asInt()).isEqualTo(10);
        assertThat(m.get("segments").asInt()).isEqualTo(1);
        assertThat(m.get("frame").get("metrics").get("macro_f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(m.get("frame").get("metrics").has("f1/median_type")).isTrue();
        assertThat(m.get("frame").get("labels")).hasSize(28);
        assertThat(m.get("frame").get("labels").get(0).get("output").asText()).isEqualTo("area_type=urban");
        assertThat(m.get("segment").get("labels")).hasSize(28);
        assertThat(m.get("baseline").get("frame").get("macro_f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.out()).containsPattern("needs review at precision 0\\.95: area_type \\d+%, curvature \\d+%");
        JsonNode abstain = m.get("abstention");
        assertThat(abstain.get("target_precision").asDouble()).isEqualTo(0.95);
        assertThat(abstain.get("groups")).hasSize(11);
        double share = abstain.get("groups").get("median_type").get("review_share").asDouble();
        assertThat(share).isIn(0.0, 1.0);
        assertThat(run.resolve("validation_confidence.json")).isRegularFile();
        for (String png : List.of("precision_recall_frames.png", "precision_recall_segments.png", "label_counts.png",
                "confusion_curvature.png", "confusion_median_type.png", "confusion_number_of_lanes.png",
                "coverage_precision_median_type.png", "coverage_precision_intersection.png")) {
            BufferedImage img = ImageIO.read(eval.resolve(png).toFile());
            assertThat(img).as(png).isNotNull();
            assertThat(img.getWidth()).as(png).isGreaterThan(300);
        }
        String html = Files.readString(eval.resolve("report.html"));
        assertThat(html).contains("<h1>roadcoder evaluation</h1>").contains("f1/median_type")
                .contains("data:image/png;base64,").contains("area_type=urban").doesNotContain("src=\"http")
                .contains("Review needed at target precision 0.950")
                .doesNotContainPattern("src=\"[^d]");
    }

    @Test
    void predictCodesAndValidateAcceptsTheSurvey() throws IOException {
        assertThat(train.exitCode()).isZero();
        Path out = dir.resolve("pred");

        CliRun p = CliRun.of("predict", run.toString(), survey.toString(), "--out", out.toString());
        CliRun v = CliRun.of("validate", survey.toString(), "--schema", run.resolve("labels.yaml").toString());

        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("frame_predictions.csv"))).hasSize(41);
        List<String> codes = Files.readAllLines(out.resolve("segment_codes.csv"));
        assertThat(codes).hasSize(5);
        assertThat(codes.get(1).split(",")).hasSize(4 + 4 * 11);
        assertThat(codes.get(0)).endsWith(",intersection_score,area_type_status," + String.join(",",
                List.of("curvature", "bicycle_facilities", "lane_width", "median_type", "number_of_lanes",
                        "street_lighting", "sidewalk", "roadside_trees", "pedestrian_crossing", "intersection"))
                .replace(",", "_status,") + "_status");
        assertThat(List.of(codes.get(1).split(",")).subList(4 + 3 * 11, 4 + 4 * 11)).allMatch(
                c -> c.equals("accepted") || c.equals("review"));
        assertThat(p.out()).containsPattern("accept median_type (at confidence >= \\d\\.\\d{4}|never \\(no threshold reaches the target\\)) "
                + "\\(validation: \\d+% of 1 segments accepted\\)");
        assertThat(codes.get(1)).startsWith(Files.readAllLines(survey.resolve("segments.csv")).get(1)
                .replaceAll("^(([^,]*,){4}).*", "$1"));
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).contains("valid, 40 frames, 4 segments, 4 roads");
    }

    @Test
    void evaluateRefusesSplitRoadsOfAnotherSurveyButScoresItWhole() throws IOException {
        assertThat(train.exitCode()).isZero();
        Path other = ValidateCommandTest.copy(survey, dir.resolve("other"));

        CliRun refused = CliRun.of("evaluate", run.toString(), other.toString(), "--split", "test");
        CliRun whole = CliRun.of("evaluate", run.toString(), other.toString(), "--labels", "truth",
                "--out", dir.resolve("other-eval").toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(refused.err().strip()).startsWith("error: " + other + ": --split test names roads of the run's own "
                + "survey").endsWith("use --split all to evaluate another survey");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("frames (40)").contains("segments (4)");
    }
}
