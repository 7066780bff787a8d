package org.roadcoder.spark;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.deeplearning4j.util.ModelSerializer;
import org.roadcoder.data.DataException;
import org.roadcoder.data.iterate.FrameIterator;
import org.roadcoder.data.iterate.FrameIterators;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.Featurizer;

/**
 * The executor side of spark-featurize: the frozen network of {@code network.zip} (loaded once per executor core)
 * featurizes one part's frames, batch by batch as the local featurize does, into the part's numbered feature files.
 */
final class FeaturizePartition implements Function<FeaturePart, FeaturizePartition.Done> {

    private static final long serialVersionUID = 1L;

    /** What one part wrote, or the error that stopped it (a corrupt image: retrying cannot help). */
    record Done(int batches, long examples, String error) implements Serializable {
    }

    private final String network;
    private final String dir;
    private final List<String> outputNames;
    private final IteratorOptions options;

    FeaturizePartition(Path network, Path dir, List<String> outputNames, IteratorOptions options) {
        this.network = network.toAbsolutePath().toString();
        this.dir = dir.toAbsolutePath().toString();
        this.outputNames = List.copyOf(outputNames);
        this.options = options.withPrefetch(0);
    }

    @Override
    public Done call(FeaturePart part) {
        Featurizer featurizer = ExecutorModels.get("features:" + network, k -> load(network));
        List<SurveyFrame> frames = part.frames().stream().map(SparkFrame::toSurveyFrame).toList();
        try (FrameIterator it = FrameIterators.create(frames, outputNames, options)) {
            FeatureStore piece = featurizer.write(it, Path.of(dir), part.firstBatch());
            return new Done(piece.batches(), piece.examples(), null);
        } catch (DataException e) {
            return new Done(0, 0, e.getMessage());
        }
    }

    private static Featurizer load(String network) {
        try {
            return new Featurizer(ModelSerializer.restoreComputationGraph(new File(network), false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the featurize network " + network, e);
        }
    }
}
