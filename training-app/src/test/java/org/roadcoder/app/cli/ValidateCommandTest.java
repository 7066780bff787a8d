package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roadcoder.app.TestSurveys;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final Path REPO = TestSurveys.repoRoot();
    private static final Path TINY = REPO.resolve("datavec-pipeline/src/test/resources/surveys/tiny");
    private static final String SCHEMA = REPO.resolve("data/labels.yaml").toString();

    @Test
    void validSurveyExitsZeroWithASummary() {
        CliRun run = CliRun.of("validate", TINY.toString(), "--schema", SCHEMA);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("schema irap-default: 11 groups, 28 outputs")
                .contains("valid, 6 frames, 3 segments, 2 roads");
    }

    @Test
    void frameTruthCanBeValidatedToo() {
        CliRun run = CliRun.of("validate", TINY.toString(), "--schema", SCHEMA, "--labels", "truth");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void errorsArePrintedWithFileLineColumnAndValueAndExitNonZero(@TempDir Path dir) throws IOException {
        Path s = copy(TINY, dir.resolve("s"));
        Files.writeString(s.resolve("segments.csv"), Files.readString(s.resolve("segments.csv")).replace("moderate", "twisty"));
        Files.writeString(s.resolve("images/blue.jpg"), "corrupt");

        CliRun run = CliRun.of("validate", s.toString(), "--schema", SCHEMA);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.out()).contains("error: segments.csv:4: column 'curvature', value 'twisty': unknown category; "
                        + "allowed: straight_or_gently_curving (iRAP 1), moderate (iRAP 2), sharp (iRAP 3, 4)")
                .contains("error: frames.csv:4: column 'image', value 'images/blue.jpg': image cannot be decoded")
                .contains(": 2 errors");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void skipBadFramesTurnsBadImagesIntoReportedSkips(@TempDir Path dir) throws IOException {
        Path s = copy(TINY, dir.resolve("s"));
        Files.write(s.resolve("images/red.png"), new byte[0]);

        CliRun run = CliRun.of("validate", s.toString(), "--schema", SCHEMA, "--skip-bad-frames");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("warning: frames.csv:2: column 'image', value 'images/red.png': frame f1 skipped")
                .contains("warning: frames.csv:5:").contains("valid, 4 frames").contains("2 frames skipped");
    }

    @Test
    void missingFolderOrSchemaIsOneLineAndExitCodeData(@TempDir Path dir) {
        CliRun noSurvey = CliRun.of("validate", dir.resolve("none").toString(), "--schema", SCHEMA);
        assertThat(noSurvey.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(noSurvey.err().strip()).isEqualTo("error: " + dir.resolve("none") + ": survey folder not found");

        CliRun noSchema = CliRun.of("validate", TINY.toString(), "--schema", dir.resolve("x.yaml").toString());
        assertThat(noSchema.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(noSchema.err()).contains("x.yaml: label schema file not found").doesNotContain("Exception");
    }

    @Test
    void badOptionValueIsAUsageError() {
        CliRun run = CliRun.of("validate", TINY.toString(), "--labels", "coders");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("expected segments, truth or none, not 'coders'");
    }


    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
