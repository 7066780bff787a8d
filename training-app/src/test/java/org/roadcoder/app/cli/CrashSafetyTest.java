package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.train.Checkpoints;

/**
 * What a run folder survives, each through the real command line: {@code kill -9} in the middle of an
 * epoch, a write that fails while saving, a second {@code train} into it, and a second process writing it.
 * Children are real JVMs ({@link ChildRoadcoder}); a tiny network at 32 px, 2 frames a batch.
 */
class CrashSafetyTest {

    @TempDir
    static Path shared;
    static Path survey;
    static Path config;
    static final String SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();

    @BeforeAll
    static void survey() throws IOException {
        survey = TestSurveys.write(shared.resolve("survey"), 4, 4, 10);
        config = TestSurveys.tinyConfig(shared);
    }

    /** {@code train} on the shared survey, 2 frames a batch and at most 30 batches an epoch. */
    private static String[] train(Path run, String... more) {
        List<String> args = new ArrayList<>(List.of("train", survey.toString(), "--schema", SCHEMA, "--config",
                config.toString(), "--out", run.toString(), "--max-batches", "30", "--set", "training.batch_size=2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void killNineDuringAnEpochThenResumeGivesExactlyTheUninterruptedModel(@TempDir Path dir) throws Exception {
        CliRun whole = CliRun.of(train(dir.resolve("whole"), "--epochs", "2"));
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        Path killed = dir.resolve("killed");
        try (ChildRoadcoder child = ChildRoadcoder.start(null, train(killed, "--epochs", "2"))) {
            assertThat(child.awaitOutput("epoch 2/2: 1/30 batches", 300)).as(child.output()).isTrue();
            child.kill9();
        }
        // killed during epoch 2: the checkpoint on disk is epoch 1's, whole
        assertThat(Checkpoints.restoreCheckpoint(killed.resolve("checkpoint.zip")).state().epoch()).isEqualTo(1);

        CliRun resumed = CliRun.of("train", "--resume", "--out", killed.toString(), "--max-batches", "30");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming").contains("after epoch 1").contains("epoch 2/2: loss");
        assertThat(params(killed.resolve("checkpoint.zip"))).isEqualTo(params(dir.resolve("whole/checkpoint.zip")));
        assertThat(params(killed.resolve("model.zip"))).isEqualTo(params(dir.resolve("whole/model.zip")));
        assertThat(Files.readAllLines(killed.resolve("history.csv"))).hasSize(3);
    }

    @Test
    void aWriteThatFailsWhileSavingIsAClearErrorAndLeavesTheLastGoodModelAndCheckpoint(@TempDir Path dir)
            throws Exception {
        Path run = dir.resolve("run");
        CliRun first = CliRun.of(train(run, "--epochs", "1", "--set", "training.stats_every=0"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoint.zip"));
        byte[] model = Files.readAllBytes(run.resolve("model.zip"));
        assertThat(model.length).isLessThan(checkpoint.length - 2048);

        // the kernel refuses to write any file past this size (RLIMIT_FSIZE, for root too): the next
        // checkpoint cannot be written whole, which is what a full disk does to it
        long limitKb = checkpoint.length / 1024 - 1;
        int code;
        String output;
        try (ChildRoadcoder child = ChildRoadcoder.start("ulimit -f " + limitKb, "train", "--resume", "--out",
                run.toString(), "--epochs", "2", "--max-batches", "30")) {
            code = child.exitCode(300);
            output = child.output();
        }

        assertThat(code).as(output).isEqualTo(ExitCodes.WRITE_FAILED);
        assertThat(output).contains("error: cannot write the run folder " + run + ": cannot write "
                + run.resolve("checkpoint.zip") + ": File too large")
                .contains("the last good checkpoint is kept in " + run.resolve("checkpoint.zip"))
                .contains("train --resume --out " + run).doesNotContain("Exception");
        assertThat(Files.readAllBytes(run.resolve("checkpoint.zip"))).isEqualTo(checkpoint);
        assertThat(Checkpoints.restoreCheckpoint(run.resolve("checkpoint.zip")).state().epoch()).isEqualTo(1);
        assertThat(Checkpoints.restoreModel(run.resolve("model.zip")).numParams()).isPositive();
        assertThat(run.toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aSecondTrainIntoAFolderThatHoldsARunRefusesUnlessToldToResumeOrOverwrite(@TempDir Path dir)
            throws IOException {
        Path run = dir.resolve("run");
        assertThat(CliRun.of(train(run, "--epochs", "1")).exitCode()).isZero();
        Files.createDirectories(run.resolve("eval-test"));
        Files.writeString(run.resolve("eval-test/metrics.json"), "{}");
        Files.writeString(run.resolve("notes.txt"), "mine");
        byte[] model = Files.readAllBytes(run.resolve("model.zip"));

        CliRun again = CliRun.of(train(run, "--epochs", "1"));

        assertThat(again.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(again.err().strip()).isEqualTo("error: " + run + ": already holds a training run; pass --resume "
                + "to continue it, --overwrite to start again from scratch, or choose another --out");
        assertThat(Files.readAllBytes(run.resolve("model.zip"))).isEqualTo(model);

        CliRun both = CliRun.of("train", "--resume", "--overwrite", "--out", run.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(both.err()).contains("choose one");

        CliRun overwritten = CliRun.of(train(run, "--epochs", "1", "--overwrite", "--set", "training.seed=5"));

        assertThat(overwritten.exitCode()).as(overwritten.err()).isZero();
        assertThat(run.resolve("config.yaml")).content().contains("seed: 5");
        assertThat(run.resolve("provenance.json")).content().contains("--overwrite");
        assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(2);
        assertThat(run.resolve("eval-test")).doesNotExist();
        assertThat(run.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void twoProcessesCannotWriteTheSameRunFolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        try (ChildRoadcoder child = ChildRoadcoder.start(null, train(run, "--epochs", "50"))) {
            assertThat(child.awaitOutput("epoch 1/50: 1/30 batches", 300)).as(child.output()).isTrue();
            String holder = "in use by roadcoder train (pid " + child.pid() + " on ";

            CliRun second = CliRun.of(train(run, "--epochs", "1"));
            CliRun overwrite = CliRun.of(train(run, "--epochs", "1", "--overwrite"));
            CliRun resume = CliRun.of("train", "--resume", "--out", run.toString());

            for (CliRun refused : List.of(second, overwrite, resume)) {
                assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.DATA);
                assertThat(refused.err()).startsWith("error: " + run + ": " + holder)
                        .contains("wait for it to finish or stop it");
            }
            assertThat(run.resolve("config.yaml")).exists();
            assertThat(run.resolve("provenance.json")).content().doesNotContain("--overwrite");
            child.kill9();
        }
        // the lock died with its holder: the folder is free again
        CliRun after = CliRun.of(train(run, "--epochs", "1", "--overwrite"));
        assertThat(after.exitCode()).as(after.err()).isZero();
    }

    private static float[] params(Path zip) {
        ComputationGraph net = zip.getFileName().toString().startsWith("checkpoint")
                ? Checkpoints.restoreCheckpoint(zip).net() : Checkpoints.restoreModel(zip);
        return net.params().toFloatVector();
    }
}
