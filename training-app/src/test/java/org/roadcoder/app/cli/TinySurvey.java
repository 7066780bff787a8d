package org.roadcoder.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.sim.SimulatorOptions;
import org.roadcoder.data.sim.SurveySimulator;

/**
 * A simulated survey small enough for tests (4 roads of 100 m: 40 frames at 32x32 px, split 2/1/1
 * roads by the tiny configuration) and a configuration of a network of a few thousand parameters.
 */
final class TinySurvey {

    private TinySurvey() {
    }

    /** The repository's label schema. */
    static Path schema() {
        return TestSurveys.repoRoot().resolve("data/labels.yaml");
    }

    /** Simulates the survey into {@code dir}: same bytes every time. */
    static Path write(Path dir) {
        SimulatorOptions options = SimulatorOptions.defaults().withRoads(4, 100).withSize(32, 32).withSeed(5);
        new SurveySimulator(LabelSchema.load(schema()), options).run(dir, false, (done, total, frames) -> { });
        return dir;
    }

    /** A 1/16-width VGG11-BN at 32 px, batches of 8, two epochs. */
    static Path config(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"), """
                model: {backbone: vgg11-bn, weights: random, width_multiplier: 0.0625, input_size: 32, hidden: 16,
                        dropout: 0.2, loss: grouped, feature_lr: 0.003, classifier_lr: 0.003}
                data: {augment: false, workers: 1, prefetch: 1, split: {train: 0.5, validation: 0.25, test: 0.25}}
                training: {batch_size: 8, epochs: 2, patience: 3, seed: 3}
                """);
    }
}
