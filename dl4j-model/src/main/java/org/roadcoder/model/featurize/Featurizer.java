package org.roadcoder.model.featurize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.transferlearning.TransferLearningHelper;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Computes a network's frozen part once per image and saves its output, so that the trainable
 * part can be fitted epoch after epoch without running the backbone again (DL4J's
 * {@code TransferLearningHelper}: the frozen part ends where the first trainable layer begins).
 */
public final class Featurizer {

    private final TransferLearningHelper helper;

    /** @param net a transferred network whose backbone is frozen (see {@code HeadOptions.freezeUpTo}) */
    public Featurizer(ComputationGraph net) {
        requireFrozen(net);
        this.helper = new TransferLearningHelper(net);
    }

    /** Writes one feature file per minibatch of {@code data} into {@code dir}, which must be empty or absent. */
    public FeatureStore featurize(DataSetIterator data, Path dir) {
        try {
            Files.createDirectories(dir);
            try (var existing = Files.list(dir)) {
                if (existing.findAny().isPresent()) {
                    throw new IllegalArgumentException("feature folder " + dir + " is not empty");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare feature folder " + dir, e);
        }
        data.reset();
        return write(data, dir, 0);
    }

    /**
     * Writes the features of {@code data}'s minibatches into {@code dir} as batch files {@code first},
     * {@code first + 1}, ...: one piece of a store whose other pieces are written elsewhere (by other Spark tasks,
     * each given the index of its first batch). Returns the piece's batches and examples.
     */
    public FeatureStore write(DataSetIterator data, Path dir, int first) {
        int batches = 0;
        long examples = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            DataSet features = helper.featurize(batch);
            FeatureStore.save(features, FeatureStore.batchFile(dir, first + batches).toFile());
            batches++;
            examples += batch.numExamples();
        }
        return new FeatureStore(dir, batches, examples);
    }

    static void requireFrozen(ComputationGraph net) {
        boolean anyFrozen = false;
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            anyFrozen |= layer instanceof FrozenLayer;
        }
        if (!anyFrozen) {
            throw new IllegalArgumentException("featurized training needs a frozen backbone: attach the head with "
                    + "HeadOptions.withFreezeUpTo(<the backbone's features layer>)");
        }
    }
}
