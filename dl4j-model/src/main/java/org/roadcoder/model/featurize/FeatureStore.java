package org.roadcoder.model.featurize;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Features saved to disk by the {@link Featurizer}: one DL4J {@code DataSet} file per minibatch
 * ({@code features-00000.bin}, ...), features and labels together, read back in file order.
 *
 * @param dir      the folder holding the batch files
 * @param batches  number of batch files
 * @param examples number of examples over all batches
 */
public record FeatureStore(Path dir, int batches, long examples) {

    static final String PREFIX = "features-";
    static final String SUFFIX = ".bin";

    static Path batchFile(Path dir, int index) {
        return dir.resolve(String.format("%s%05d%s", PREFIX, index, SUFFIX));
    }

    /** Opens a folder the featurizer wrote. */
    public static FeatureStore open(Path dir) {
        List<Path> files = files(dir);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no feature files (" + PREFIX + "*" + SUFFIX + ") in " + dir);
        }
        long examples = files.stream().mapToLong(f -> load(f).numExamples()).sum();
        return new FeatureStore(dir, files.size(), examples);
    }

    /** The saved batches, loaded lazily, in file order; resettable, so fit can run several epochs. */
    public DataSetIterator iterator() {
        List<Path> files = files(dir);
        return new ExistingDataSetIterator(() -> files.stream().map(FeatureStore::load).iterator());
    }

    /** One training epoch's batches in a random order from {@code seed} (see {@link ShuffledFeatures}). */
    public DataSetIterator shuffled(long seed) {
        List<Path> files = files(dir);
        return new ExistingDataSetIterator(() -> new ShuffledFeatures(files, seed));
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list feature folder " + dir, e);
        }
    }

    static DataSet load(Path file) {
        DataSet ds = new DataSet();
        ds.load(file.toFile());
        return ds;
    }

    static void save(DataSet batch, File file) {
        batch.save(file);
    }
}
