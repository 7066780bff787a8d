package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;

/** Issue 12: evaluating another survey counts the majority baseline on the run's training roads, as README says. */
class EvaluateBaselineTest {

    @TempDir
    Path dir;

    @Test
    void anotherSurveyIsJudgedAgainstTheTrainingRoadsMajority() throws IOException {
        Path rural = TestSurveys.write(dir.resolve("rural"), 4, 1, 2);
        for (String csv : new String[] {"segments.csv", "frames_truth.csv"}) { // every training road rural
            Files.writeString(rural.resolve(csv), Files.readString(rural.resolve(csv)).replace("urban", "rural"));
        }
        Path urban = TestSurveys.write(dir.resolve("urban"), 1, 2, 2); // one urban road
        Path run = dir.resolve("run");
        CliRun train = CliRun.of("train", rural.toString(), "--schema", EndToEndTest.SCHEMA, "--config", TestSurveys.tinyConfig(dir).toString(),
                "--out", run.toString(), "--max-batches", "1", "--epochs", "1");
        assertThat(train.exitCode()).as(train.err()).isZero();

        CliRun eval = CliRun.of("evaluate", run.toString(), urban.toString(), "--out", dir.resolve("eval").toString());

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(dir.resolve("eval/metrics.json").toFile());
        // the training roads' majority is rural: on an all-urban survey the baseline never finds urban
        assertThat(m.get("baseline").get("frame").get("f1/area_type").asDouble()).isZero();
        assertThat(run.resolve("baseline.json")).content().contains("\"area_type=urban\" : 0.0");
    }
}
