package org.roadcoder.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.roadcoder.app.cli.FeaturizeCommand;
import org.roadcoder.data.DataException;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.Featurizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roadcoder-spark spark-featurize SURVEY --config FILE --out DIR}: {@code featurize} with the frozen backbone
 * run on Spark executors; the same feature folder (network, config, provenance, one DataSet file per batch).
 */
@Command(name = "spark-featurize", mixinStandardHelpOptions = true,
        description = {"Computes featurize's feature folder on Spark: each split's frames cut into partitions of "
                + "whole segments, each partition featurized on an executor (the frozen network loaded once per "
                + "executor core) into its own numbered batch files, in survey order.",
                "SURVEY and --out must be readable and writable at the same path on every executor.",
                "The files hold the same examples in the same order as featurize's; a partition's last batch may be "
                        + "smaller than the batch size."})
public final class SparkFeaturizeCommand extends FeaturizeCommand {

    @Mixin
    SparkMaster spark;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions per split (default: Spark's default parallelism).")
    int partitions;

    @Override
    public Integer call() throws IOException {
        return spark.run("spark-featurize", super::call);
    }

    @Override
    protected FeatureStore featurize(Featurizer featurizer, List<SurveyFrame> frames, List<String> outputNames,
            IteratorOptions options, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create feature folder " + dir, e);
        }
        JavaSparkContext sc = spark.context();
        List<FeaturePart> parts = new ArrayList<>();
        int next = 0;
        for (List<SparkFrame> run : SegmentPartitions.split(frames, partitions > 0 ? partitions : sc.defaultParallelism())) {
            FeaturePart part = new FeaturePart(next, run);
            parts.add(part);
            next += part.batches(options.batchSize());
        }
        // the folder's network.zip is the one featurize wrote beside the split folders
        FeaturizePartition task = new FeaturizePartition(dir.getParent().resolve("network.zip"), dir, outputNames, options);
        int batches = 0;
        long examples = 0;
        for (FeaturizePartition.Done done : sc.parallelize(parts, parts.size()).map(task).collect()) {
            if (done.error() != null) {
                throw new DataException(null, done.error());
            }
            batches += done.batches();
            examples += done.examples();
        }
        return new FeatureStore(dir, batches, examples);
    }
}
