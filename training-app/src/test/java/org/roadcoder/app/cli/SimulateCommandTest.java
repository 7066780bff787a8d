package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;

class SimulateCommandTest {

    private static final String SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();

    @Test
    void writesASurveyThatValidatesAndPrintsSpeedAndCounts(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("survey");
        CliRun run = CliRun.of("simulate", "--out", out.toString(), "--roads", "2", "--road-length-m", "200",
                "--size", "64", "--seed", "3", "--coder-error-rate", "0.1", "--schema", SCHEMA,
                "--weight", "median_type=wire_rope_safety_barrier=5");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("simulating 2 roads of 200 m (40 frames at 64x64, seed 3)")
                .contains("road 2/2, 40 frames").containsPattern("wrote 40 frames in [0-9.]+ s: [0-9.]+ frames/s")
                .containsPattern("median_type +centre_line +\\d+")
                .contains("frames whose 100-m label differs from what they show");
        assertThat(Files.readAllLines(out.resolve("frames.csv"))).hasSize(41);
        assertThat(out.resolve("label_counts.png")).exists();

        CliRun validate = CliRun.of("validate", out.toString(), "--schema", SCHEMA, "--labels", "truth");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).contains("valid, 40 frames, 4 segments, 2 roads");
    }

    @Test
    void badValuesAreOneLineErrors(@TempDir Path dir) {
        CliRun length = CliRun.of("simulate", "--out", dir.toString(), "--road-length-m", "150", "--schema", SCHEMA);
        assertThat(length.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(length.err()).contains("error: road length 150 m");

        CliRun weight = CliRun.of("simulate", "--out", dir.resolve("w").toString(), "--schema", SCHEMA,
                "--weight", "median_type=hedge=2");
        assertThat(weight.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(weight.err()).contains("group median_type has no category 'hedge'");
    }

}
