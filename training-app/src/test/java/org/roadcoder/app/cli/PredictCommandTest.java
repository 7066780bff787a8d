package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.model.inference.InferenceNet;

class PredictCommandTest {

    @TempDir
    static Path shared;
    static Path run;
    static Path unlabelled;
    static final String SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();

    @BeforeAll
    static void trainAndStripLabels() throws IOException {
        Path survey = TestSurveys.write(shared.resolve("survey"), 4, 3, 4);
        run = shared.resolve("run");
        CliRun t = CliRun.of("train", survey.toString(), "--schema", SCHEMA, "--config",
                TestSurveys.tinyConfig(shared).toString(), "--out", run.toString(), "--epochs", "1", "--max-batches", "2");
        assertThat(t.exitCode()).as(t.err()).isZero();
        unlabelled = ValidateCommandTest.copy(survey, shared.resolve("unlabelled"));
        Files.delete(unlabelled.resolve("segments.csv"));
        Files.delete(unlabelled.resolve("frames_truth.csv"));
    }

    @Test
    void codesAnUnlabelledSurveyFrameBySegmentInSegmentsCsvFormat(@TempDir Path out) throws IOException {
        CliRun r = CliRun.of("predict", run.toString(), unlabelled.toString(), "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern(
                "coded 48 frames and 12 segments in \\d+\\.\\d s \\(\\d+\\.\\d frames/s, network in NHWC\\)");
        List<String> frames = Files.readAllLines(out.resolve("frame_predictions.csv"));
        assertThat(frames).hasSize(49);
        assertThat(frames.get(0)).startsWith("frame_id,segment_id,area_type=urban,curvature=straight_or_gently_curving,")
                .endsWith(",intersection=present");
        assertThat(frames.get(1)).startsWith("r0s0f0,r0s0,").matches("([^,]+,){2}(0\\.\\d{5}|1\\.00000)(,(0\\.\\d{5}|1\\.00000)){27}");
        List<String> segments = Files.readAllLines(out.resolve("segment_codes.csv"));
        assertThat(segments).hasSize(13);
        assertThat(segments.get(0)).startsWith("segment_id,road_id,start_m,end_m,area_type,curvature,")
                .contains(",intersection,area_type_irap,").endsWith(",intersection_score,area_type_status,curvature_status,bicycle_facilities_status,lane_width_status,"
                        + "median_type_status,number_of_lanes_status,street_lighting_status,sidewalk_status,"
                        + "roadside_trees_status,pedestrian_crossing_status,intersection_status");
        String[] first = segments.get(1).split(",");
        assertThat(first).hasSize(4 + 4 * 11);
        assertThat(List.of(first).subList(0, 4)).containsExactly("r0s0", "", "0", "40");
        assertThat(first[4]).isIn("urban", "rural");
        assertThat(first[4 + 11]).isEqualTo(first[4].equals("urban") ? "2" : "1");
    }

    @Test
    void theNhwcNetworkPredictsWhatTheTrainedNchwNetworkDoes(@TempDir Path out) throws IOException {
        CliRun r = CliRun.of("predict", run.toString(), unlabelled.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        TrainedModel model = TrainedModel.load(run);
        Survey survey = Survey.load(unlabelled, model.schema(), new ReadOptions(LabelSource.NONE, false, false));
        FrameScorer.Scores nchw = FrameScorer.score(InferenceNet.asTrained(model.net()), survey.frames(),
                model.schema().outputNames(), model.config().iteratorOptions(), 0);

        List<String> lines = Files.readAllLines(out.resolve("frame_predictions.csv"));
        assertThat(lines).hasSize(nchw.size() + 1);
        for (int i = 0; i < nchw.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < nchw.probabilities()[i].length; j++) {
                assertThat(Double.parseDouble(cells[j + 2])).as("frame %d output %d", i, j)
                        .isCloseTo(nchw.probabilities()[i][j], within(1e-4));
            }
        }
    }

    @Test
    void segmentCodesReadBackAsTheSurveysLabels(@TempDir Path out) throws IOException {
        CliRun r = CliRun.of("predict", run.toString(), unlabelled.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        Path recoded = ValidateCommandTest.copy(unlabelled, out.resolve("recoded"));
        List<String> lines = Files.readAllLines(out.resolve("segment_codes.csv"));
        StringBuilder csv = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",");
            csv.append(String.join(",", List.of(cells).subList(0, 15)).replace(",,", ",road,")).append('\n');
        }
        Files.writeString(recoded.resolve("segments.csv"), csv);

        CliRun v = CliRun.of("validate", recoded.toString(), "--schema", SCHEMA, "--no-decode-images");

        assertThat(v.exitCode()).as(v.out()).isZero();
        assertThat(v.out()).contains("valid, 48 frames, 12 segments");
    }

    @Test
    void aMissingRunIsOneLine(@TempDir Path out) {
        CliRun r = CliRun.of("predict", out.resolve("nope").toString(), unlabelled.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err().strip()).isEqualTo("error: " + out.resolve("nope") + ": run folder not found");
        assertThat(out.resolve("frame_predictions.csv")).doesNotExist();
    }
}
