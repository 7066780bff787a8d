package org.roadcoder.data.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TestFiles;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;

/** The written survey: the data contract's layout, the pipeline's validation, the same bytes for the same seed. */
class SurveySimulatorTest {

    private static final LabelSchema SCHEMA = LabelSchema.load(TestFiles.defaultSchema());
    private static final SimulatorOptions SMALL = SimulatorOptions.defaults().withRoads(3, 300).withSize(64, 48)
            .withSeed(7).withCoderErrorRate(0.05);

    @TempDir
    Path dir;

    private SurveySummary simulate(SimulatorOptions options, Path out) {
        return new SurveySimulator(SCHEMA, options).run(out, false, (d, n, f) -> { });
    }

    @Test
    void writesTheDataContractLayout() throws IOException {
        SurveySummary s = simulate(SMALL, dir);

        assertThat(s.frames()).isEqualTo(90);
        List<String> frames = Files.readAllLines(dir.resolve("frames.csv"));
        assertThat(frames).hasSize(91);
        assertThat(frames.get(0)).isEqualTo("frame_id,segment_id,image,chainage_m,road_id,latitude,longitude");
        assertThat(frames.get(12)).startsWith("r00-f0011,r00-s001,images/r00/r00-f0011.jpg,110,r00,");
        assertThat(Files.readAllLines(dir.resolve("segments.csv"))).hasSize(10).first().isEqualTo(
                "segment_id,road_id,start_m,end_m," + String.join(",", SCHEMA.groupNames()));
        assertThat(Files.readAllLines(dir.resolve("segments.csv")).get(9)).startsWith("r02-s002,r02,200,300,");
        assertThat(Files.readAllLines(dir.resolve("frames_truth.csv")).get(0))
                .isEqualTo("frame_id," + String.join(",", SCHEMA.groupNames()));
        assertThat(Files.readString(dir.resolve("frames.csv"))).doesNotContain("\r").doesNotContain("\"");
        assertThat(dir.resolve("images/r01/r01-f0029.jpg")).exists();
        assertThat(dir.resolve(SurveySimulator.CHART)).exists();
    }

    @Test
    void everyFilePassesThePipelinesValidation() {
        simulate(SMALL, dir);

        Survey coded = Survey.read(dir, SCHEMA, ReadOptions.defaults());
        Survey truth = Survey.read(dir, SCHEMA, ReadOptions.defaults().withLabels(LabelSource.FRAME_TRUTH));

        assertThat(coded.report().problems()).isEmpty();
        assertThat(truth.report().problems()).isEmpty();
        assertThat(coded.frames()).hasSize(90);
        assertThat(coded.segments()).hasSize(9);
        assertThat(coded.roadIds()).containsExactly("r00", "r01", "r02");
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        simulate(SMALL, dir.resolve("a"));
        simulate(SMALL, dir.resolve("b"));
        simulate(SMALL.withSeed(8), dir.resolve("c"));

        List<Path> files = files(dir.resolve("a"));
        assertThat(files).hasSize(90 + 4);
        for (Path f : files) {
            assertThat(dir.resolve("b").resolve(f)).as(f.toString()).hasSameBinaryContentAs(dir.resolve("a").resolve(f));
        }
        assertThat(Files.readAllBytes(dir.resolve("c/images/r00/r00-f0005.jpg")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/images/r00/r00-f0005.jpg")));
    }

    @Test
    void aSimulationThatStopsPartWayLeavesNoSurveyFiles() {
        // stopped after its first road (killed, out of memory, out of disk): no frames.csv that stops mid-row
        SurveySimulator simulator = new SurveySimulator(SCHEMA, SMALL);
        assertThatThrownBy(() -> simulator.run(dir, false, (done, roads, frames) -> {
            throw new IllegalStateException("stopped after road " + done);
        })).hasMessage("stopped after road 1");
        for (String f : List.of("frames.csv", "segments.csv", "frames_truth.csv", "frames.csv.partial")) {
            assertThat(dir.resolve(f)).as(f).doesNotExist();
        }
        // the unfinished survey's images are replaced like a finished survey's
        simulator.run(dir, true, (d, n, f) -> { });
        assertThat(dir.resolve("frames.csv")).exists();
    }

    @Test
    void refusesANonEmptyFolderUnlessOverwritingASurvey() throws IOException {
        simulate(SMALL.withRoads(1, 100), dir);
        assertThatThrownBy(() -> simulate(SMALL.withRoads(1, 100), dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("not empty");

        new SurveySimulator(SCHEMA, SMALL.withRoads(1, 200)).run(dir, true, (d, n, f) -> { });
        assertThat(Files.readAllLines(dir.resolve("frames.csv"))).hasSize(21);
    }

    @Test
    void aSchemaWithoutAGroupTheWorldNeedsIsRejectedByName() {
        Path schema = TestFiles.write(dir.resolve("small.yaml"), """
                groups:
                  - {name: area_type, kind: flag, positive: urban, categories: [rural, urban]}
                """);
        assertThatThrownBy(() -> new SurveySimulator(LabelSchema.load(schema), SMALL))
                .isInstanceOf(DataException.class).hasMessageContaining(schema.toString())
                .hasMessageContaining("needs label group 'curvature'");
    }

    @Test
    void optionsRejectBadValuesNamingThem() {
        assertThatThrownBy(() -> SMALL.withRoads(2, 250)).hasMessageContaining("road length 250 m");
        assertThatThrownBy(() -> SMALL.withCoderErrorRate(1.5)).hasMessageContaining("coder error rate 1.5");
        assertThatThrownBy(() -> SMALL.withSize(8, 64)).hasMessageContaining("image size 8x64");
        assertThatThrownBy(() -> new SurveySimulator(SCHEMA, SMALL.withCategoryWeights(
                java.util.Map.of("median_type=hedge", 2.0)))).hasMessageContaining("has no category 'hedge'");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
