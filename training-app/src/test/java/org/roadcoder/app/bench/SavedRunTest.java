package org.roadcoder.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second roadcoder recipe compared on the same seed reuses the PyTorch run instead of training it again. */
class SavedRunTest {

    private static final String NO_PYTHON = "/nonexistent/python3";

    @TempDir
    Path dir;

    private SideResult torch(Path runDir, long seed) throws Exception {
        return TorchSide.run(NO_PYTHON, dir.resolve("train"), dir.resolve("test"), dir.resolve("labels.yaml"), runDir,
                List.of("r01", "r02"), 0.25, 64, 2, seed);
    }

    @Test
    void theReferenceRunWithTheSameArgumentsIsReusedNotRunAgain() throws Exception {
        Path run = dir.resolve("pytorch-s42");
        assertThat(torch(run, 42)).as("no Python here: nothing saved, so the script is started and cannot run").isNull();
        Files.createDirectories(run);
        Files.writeString(run.resolve("frame_predictions.csv"), "frame_id\n");
        SavedRun.save(run, List.of(NO_PYTHON, TorchSide.SCRIPT.toString(), "--train", dir.resolve("train").toString(),
                "--test", dir.resolve("test").toString(), "--schema", dir.resolve("labels.yaml").toString(), "--out",
                run.toString(), "--roads", "r01,r02", "--width", "0.25", "--size", "64", "--epochs", "2", "--seed", "42"),
                new SideResult(run.resolve("frame_predictions.csv"), 123.5, 64.8, null));

        SideResult reused = torch(run, 42);
        assertThat(reused).as("same arguments: the saved run, without starting the script").isNotNull();
        assertThat(reused.trainSeconds()).isEqualTo(123.5);
        assertThat(reused.imagesPerSecond()).isEqualTo(64.8);
        assertThat(reused.predictions()).isEqualTo(run.resolve("frame_predictions.csv"));

        assertThat(torch(run, 7)).as("another seed is another run: the script is started").isNull();
        Files.delete(run.resolve("frame_predictions.csv"));
        assertThat(torch(run, 42)).as("predictions gone: run again").isNull();
    }

    @Test
    void aBenchVariantSetsKeysOverTheRecipe() {
        assertThat(Recipe.POC.settings(0.25, 64, 2, 42, List.of("model.loss=grouped", "data.augment=true")))
                .containsEntry("model.loss", "grouped").containsEntry("data.augment", "true")
                .containsEntry("model.hidden", "300");
        assertThatThrownBy(() -> Recipe.POC.settings(0.25, 64, 2, 42, List.of("model.loss")))
                .hasMessageContaining("--set model.loss: expected KEY=VALUE");
    }
}
