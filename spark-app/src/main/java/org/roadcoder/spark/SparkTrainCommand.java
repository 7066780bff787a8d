package org.roadcoder.spark;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.roadcoder.app.cli.TrainCommand;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roadcoder-spark spark-train SURVEY --config FILE --out RUN}: {@code train} with every epoch fitted on Spark
 * by DL4J's parameter averaging; the same options, run folder, validation, checkpoints, thresholds and exit codes.
 */
@Command(name = "spark-train", mixinStandardHelpOptions = true,
        description = {"Trains like train, with each epoch's minibatches fitted on Spark executors by DL4J's parameter "
                + "averaging (dl4j-spark: SparkComputationGraph, ParameterAveragingTrainingMaster). Validation, early "
                + "stopping, checkpoints, --resume, threshold tuning and the run folder are train's, on the driver.",
                "SURVEY and the export folder must be readable at the same path on every executor.",
                "Frame-level networks only (training.unit: frame).",
                "Exit codes: 0 done, 2 usage, 3 bad data or configuration or a folder in use, 5 diverged, "
                        + "6 the run folder could not be written."})
public final class SparkTrainCommand extends TrainCommand {

    @Mixin
    SparkMaster spark;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Workers fitting at once (default: Spark's default parallelism, the executor cores).")
    int workers;

    @Option(names = "--averaging-frequency", paramLabel = "K", defaultValue = "5",
            description = "Minibatches each worker fits between two parameter averagings (default: ${DEFAULT-VALUE}; "
                    + "1 averages after every minibatch).")
    int averagingFrequency;

    @Option(names = "--export-dir", paramLabel = "DIR",
            description = "Where each epoch's batches are exported for the workers (default: DL4J's, "
                    + "hadoop.tmp.dir/dl4j); emptied after each epoch.")
    String exportDir;

    @Override
    public Integer call() throws IOException {
        if (workers < 0 || averagingFrequency < 1) {
            throw new DataException(null, "--workers " + workers + " / --averaging-frequency " + averagingFrequency
                    + ": expected workers >= 1 (or 0 for the default) and an averaging frequency >= 1");
        }
        return spark.run("spark-train", super::call);
    }

    @Override
    protected TrainingJob configure(TrainingJob job, RunConfig resolved) {
        if (resolved.training().segmentLevel()) {
            throw new DataException(null, "training.unit: segment: spark-train fits frame-level networks only; "
                    + "train segment-level networks with train");
        }
        JavaSparkContext sc = spark.context();
        int n = workers > 0 ? workers : sc.defaultParallelism();
        if (n * averagingFrequency < sc.defaultParallelism()) {
            // DL4J M2 deals each partition's batches out to the averaging rounds separately: with fewer batches a
            // round than partitions some rounds get none, and its aggregation then fails with a NullPointerException
            throw new DataException(null, "--workers " + n + " x --averaging-frequency " + averagingFrequency
                    + " is fewer minibatches per averaging round than the " + sc.defaultParallelism() + " partitions of "
                    + sc.master() + "; use at least " + sc.defaultParallelism() + " workers (the executor cores) or a "
                    + "higher averaging frequency");
        }
        Map<String, String> where = new LinkedHashMap<>();
        where.put("engine", "spark " + sc.version());
        where.put("master", sc.master());
        where.put("workers", String.valueOf(n));
        where.put("training_master", "ParameterAveragingTrainingMaster (dl4j-spark 1.0.0-M2)");
        where.put("averaging_frequency", String.valueOf(averagingFrequency));
        where.put("batch_size_per_worker", String.valueOf(resolved.training().batchSize()));
        return job.optEpochFit(new SparkEpochFit(sc, n, averagingFrequency, exportDir), where);
    }
}
