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
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.csv.CsvWriter;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.SegmentInfo;
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
                .contains(",intersection,area_type_irap,").endsWith(",intersection_score");
        String[] first = segments.get(1).split(",");
        assertThat(first).hasSize(4 + 3 * 11);
        assertThat(List.of(first).subList(0, 4)).as("the road from frames.csv").containsExactly("r0s0", "road0", "0", "40");
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
    void segmentCodesReadBackAsTheSurveysLabelsAsWritten(@TempDir Path out) throws IOException {
        CliRun r = CliRun.of("predict", run.toString(), unlabelled.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path recoded = ValidateCommandTest.copy(unlabelled, out.resolve("recoded"));
        Files.copy(out.resolve("segment_codes.csv"), recoded.resolve("segments.csv"));

        CliRun v = CliRun.of("validate", recoded.toString(), "--schema", SCHEMA, "--no-decode-images");

        assertThat(v.exitCode()).as(v.out()).isZero();
        assertThat(v.out()).contains("valid, 48 frames, 12 segments, 4 roads");
        CsvTable codes = CsvTable.read(out.resolve("segment_codes.csv"));
        Survey back = Survey.load(recoded, TrainedModel.load(run).schema(), ReadOptions.defaults());
        assertThat(back.roadIds()).containsExactly("road0", "road1", "road2", "road3");
        assertThat(back.segments()).hasSize(codes.rows().size());
        for (int i = 0; i < codes.rows().size(); i++) {
            CsvTable.Row row = codes.rows().get(i);
            SegmentInfo segment = back.segments().get(i);
            assertThat(segment.segmentId()).isEqualTo(codes.cell(row, "segment_id"));
            assertThat(segment.roadId()).isEqualTo(codes.cell(row, "road_id"));
            assertThat(segment.categories()).isEqualTo(back.schema().groupNames().stream()
                    .map(g -> codes.cell(row, g)).toList());
        }
    }

    @Test
    void withoutRoadIdsTheCodesSayUnknownAndPredictWarns(@TempDir Path out) throws IOException {
        Path noRoads = ValidateCommandTest.copy(unlabelled, out.resolve("no-roads"));
        List<String> frames = Files.readAllLines(noRoads.resolve("frames.csv"));
        Files.write(noRoads.resolve("frames.csv"), frames.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());

        CliRun r = CliRun.of("predict", run.toString(), noRoads.toString(), "--out", out.resolve("codes").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("warning: frames.csv:1: column 'road_id': no road ids: frames.csv has no road_id "
                + "column and there is no segments.csv, so every frame is on road 'unknown'");
        CsvTable codes = CsvTable.read(out.resolve("codes/segment_codes.csv"));
        assertThat(codes.rows()).hasSize(12).allSatisfy(row -> assertThat(codes.cell(row, "road_id")).isEqualTo("unknown"));
    }

    @Test
    void idsAndRoadNamesWithCommasQuotesAndNonAsciiLettersSurviveEveryOutputFile(@TempDir Path out) throws IOException {
        Path awkward = ValidateCommandTest.copy(unlabelled, out.resolve("awkward"));
        CsvTable plain = CsvTable.read(unlabelled.resolve("frames.csv"));
        try (CsvWriter w = CsvWriter.open(awkward.resolve("frames.csv"), plain.header())) {
            for (CsvTable.Row row : plain.rows()) {
                w.row(awkwardFrame(plain.cell(row, "frame_id")), awkwardSegment(plain.cell(row, "segment_id")),
                        plain.cell(row, "image"), plain.cell(row, "chainage_m"), awkwardRoad(plain.cell(row, "road_id")));
            }
        }

        CliRun r = CliRun.of("predict", run.toString(), awkward.toString(), "--out", out.resolve("codes").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        CsvTable frames = CsvTable.read(out.resolve("codes/frame_predictions.csv"));
        assertThat(frames.rows()).extracting(row -> frames.cell(row, "frame_id"))
                .isEqualTo(plain.rows().stream().map(row -> awkwardFrame(plain.cell(row, "frame_id"))).toList());
        assertThat(frames.rows()).extracting(row -> frames.cell(row, "segment_id"))
                .isEqualTo(plain.rows().stream().map(row -> awkwardSegment(plain.cell(row, "segment_id"))).toList());
        assertThat(frames.rows()).allSatisfy(row -> assertThat(row.cells()).hasSize(2 + 28));
        CsvTable codes = CsvTable.read(out.resolve("codes/segment_codes.csv"));
        assertThat(codes.rows()).hasSize(12).first().satisfies(row -> {
            assertThat(codes.cell(row, "segment_id")).isEqualTo(awkwardSegment("r0s0"));
            assertThat(codes.cell(row, "road_id")).isEqualTo(awkwardRoad("road0"));
        });
        Files.copy(out.resolve("codes/segment_codes.csv"), awkward.resolve("segments.csv"));
        Survey back = Survey.load(awkward, TrainedModel.load(run).schema(), ReadOptions.defaults());
        assertThat(back.roadIds()).containsExactly(awkwardRoad("road0"), awkwardRoad("road1"), awkwardRoad("road2"),
                awkwardRoad("road3"));
    }

    private static String awkwardFrame(String id) {
        return id + ", \"cam 1\"";
    }

    private static String awkwardSegment(String id) {
        return "Łódź;" + id;
    }

    private static String awkwardRoad(String id) {
        return "Ü-Straße, \"Nord\" " + id;
    }

    @Test
    void aMissingRunIsOneLine(@TempDir Path out) {
        CliRun r = CliRun.of("predict", out.resolve("nope").toString(), unlabelled.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err().strip()).isEqualTo("error: " + out.resolve("nope") + ": run folder not found");
        assertThat(out.resolve("frame_predictions.csv")).doesNotExist();
    }
}
