package org.roadcoder.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.data.csv.CsvTable;
import picocli.CommandLine;

/** spark-predict in local[2] against predict on the same tiny survey and network. */
class SparkPredictTest {

    @TempDir
    static Path shared;
    static Path survey;
    static Path run;
    static Path local;

    record Cli(int exitCode, String out, String err) {
        static Cli of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = SparkMain.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Cli(cl.execute(args), out.toString(), err.toString());
        }
    }

    @BeforeAll
    static void trainAndPredictLocally() throws IOException {
        survey = TestSurveys.write(shared.resolve("survey"), 4, 3, 4);
        run = shared.resolve("run");
        Cli t = Cli.of("train", survey.toString(), "--schema", TestSurveys.repoRoot().resolve("data/labels.yaml").toString(),
                "--config", TestSurveys.tinyConfig(shared).toString(), "--out", run.toString(), "--epochs", "1",
                "--max-batches", "2");
        assertThat(t.exitCode()).as(t.err()).isZero();
        local = shared.resolve("local");
        Cli p = Cli.of("predict", run.toString(), survey.toString(), "--out", local.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
    }

    @Test
    void probabilitiesAndSegmentCodesAreThoseOfTheLocalPredict(@TempDir Path out) throws IOException {
        // 3 partitions over 12 segments: more partitions than local[2] has cores, cut between segments
        Cli s = Cli.of("spark-predict", run.toString(), survey.toString(), "--out", out.toString(),
                "--master", "local[2]", "--partitions", "3");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).contains("coded 48 frames and 12 segments on Spark (3 partitions)");

        CsvTable mine = CsvTable.read(out.resolve("frame_predictions.csv"));
        CsvTable theirs = CsvTable.read(local.resolve("frame_predictions.csv"));
        assertThat(mine.header()).isEqualTo(theirs.header());
        assertThat(mine.rows()).hasSize(48).hasSameSizeAs(theirs.rows());
        for (int r = 0; r < theirs.rows().size(); r++) {
            List<String> a = mine.rows().get(r).cells();
            List<String> b = theirs.rows().get(r).cells();
            assertThat(a.subList(0, 2)).isEqualTo(b.subList(0, 2));
            for (int c = 2; c < b.size(); c++) {
                // both files round to 5 decimals: 1e-5 apart at most
                assertThat(Double.parseDouble(a.get(c))).as("%s %s", b.get(0), theirs.header().get(c))
                        .isCloseTo(Double.parseDouble(b.get(c)), within(1.0001e-5));
            }
        }
        assertThat(Files.readString(out.resolve("segment_codes.csv")))
                .isEqualTo(Files.readString(local.resolve("segment_codes.csv")));
    }

    @Test
    void aCorruptImageFailsTheJobWithPredictsErrorNamingTheFrame(@TempDir Path tmp) throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        copy(survey, bad);
        Path image = bad.resolve("images/r2s1f3.png");
        Files.writeString(image, "not a png");
        Cli localRun = Cli.of("predict", run.toString(), bad.toString(), "--out", tmp.resolve("local").toString());
        Cli spark = Cli.of("spark-predict", run.toString(), bad.toString(), "--out", tmp.resolve("spark").toString(),
                "--master", "local[2]", "--partitions", "2");
        assertThat(localRun.exitCode()).isNotZero();
        assertThat(spark.exitCode()).as(spark.err()).isEqualTo(localRun.exitCode());
        assertThat(spark.err()).contains("r2s1f3").isEqualTo(localRun.err());
        assertThat(tmp.resolve("spark/segment_codes.csv")).doesNotExist();
    }

    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
