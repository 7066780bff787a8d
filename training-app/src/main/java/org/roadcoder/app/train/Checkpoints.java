package org.roadcoder.app.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.data.DataException;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.inference.PriorCorrection;
import org.roadcoder.model.metrics.Thresholds;

/** Model and checkpoint files, each written whole under a temporary name and renamed into place. */
public final class Checkpoints {

    /** A checkpoint read back: the network with its updater state, and where training stood. */
    public record Restored(ComputationGraph net, TrainingState state) {
    }

    private Checkpoints() {
    }

    /** The network with its updater state and {@code state} inside, for {@code --resume}. */
    public static void saveCheckpoint(ComputationGraph net, TrainingState state, Path file) {
        AtomicFiles.write(file, tmp -> {
            ModelSerializer.writeModel(net, tmp.toFile(), true);
            ModelSerializer.addObjectToFile(tmp.toFile(), TrainingState.MODEL_ENTRY, state.toJson());
        });
    }

    /**
     * The network for use (no updater state), with its flag thresholds inside. Always written whole:
     * {@code ModelSerializer.addObjectToFile} appends a second entry rather than replacing one.
     */
    public static void saveModel(ComputationGraph net, Thresholds thresholds, Path file) {
        AtomicFiles.write(file, tmp -> {
            ModelSerializer.writeModel(net, tmp.toFile(), false);
            thresholds.addTo(tmp.toFile());
        });
    }

    /**
     * The finished model: {@code correction} applied to {@code net}'s weights (in place; {@code net} must carry
     * none yet) and recorded in the file with the flag thresholds, so predict, evaluate and Spark all code with it.
     */
    public static void saveFinished(ComputationGraph net, Thresholds thresholds, PriorCorrection correction,
            OutputLayout layout, Path file) {
        correction.applyTo(net, layout);
        AtomicFiles.write(file, tmp -> {
            ModelSerializer.writeModel(net, tmp.toFile(), false);
            thresholds.addTo(tmp.toFile());
            correction.addTo(tmp.toFile());
        });
    }

    public static Restored restoreCheckpoint(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "no checkpoint to resume from");
        }
        try {
            ComputationGraph net = ModelSerializer.restoreComputationGraph(file.toFile(), true);
            String json = ModelSerializer.getObjectFromFile(file.toFile(), TrainingState.MODEL_ENTRY);
            return new Restored(net, TrainingState.fromJson(json));
        } catch (IOException | RuntimeException e) {
            throw new DataException(file, "cannot read checkpoint: " + e.getMessage(), e);
        }
    }

    public static ComputationGraph restoreModel(Path file) {
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new DataException(file, "cannot read model: " + e.getMessage(), e);
        }
    }
}
