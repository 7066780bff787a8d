package org.roadcoder.spark;

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
import org.roadcoder.data.csv.CsvTable;

/** spark-predict in local[2] against predict on the same tiny survey and network. */
class SparkPredictTest {

    @TempDir
    static Path shared;
    static Path survey;
    static Path run;
    static Path local;

    @BeforeAll
    static void trainAndPredictLocally() throws IOException {
        survey = TestSurveys.write(shared.resolve("survey"), 4, 3, 4);
        run = shared.resolve("run");
        SparkCli t = SparkCli.of("train", survey.toString(), "--schema", TestSurveys.repoRoot().resolve("data/labels.yaml").toString(),
                "--config", TestSurveys.tinyConfig(shared).toString(), "--out", run.toString(), "--epochs", "1",
                "--max-batches", "2");
        assertThat(t.exitCode()).as(t.err()).isZero();
        local = shared.resolve("local");
        SparkCli p = SparkCli.of("predict", run.toString(), survey.toString(), "--out", local.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
    }

    @Test
    void probabilitiesAndSegmentCodesAreThoseOfTheLocalPredict(@TempDir Path out) throws IOException {
        // 3 partitions over 12 segments: more partitions than local[2] has cores, cut between segments
        SparkCli s = SparkCli.of("spark-predict", run.toString(), survey.toString(), "--out", out.toString(),
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
        SparkCli localRun = SparkCli.of("predict", run.toString(), bad.toString(), "--out", tmp.resolve("local").toString());
        SparkCli spark = SparkCli.of("spark-predict", run.toString(), bad.toString(), "--out", tmp.resolve("spark").toString(),
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
