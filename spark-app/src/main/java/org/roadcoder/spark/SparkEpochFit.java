package org.roadcoder.spark;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.roadcoder.app.train.Trainer;
import org.roadcoder.app.train.TrainerOptions;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * One training epoch on Spark with DL4J's parameter averaging ({@code SparkComputationGraph} and a
 * {@link ParameterAveragingTrainingMaster}): the executors make the epoch's batches ({@link EpochBatches}, the
 * local trainer's batches), each worker fits {@code averagingFrequency} of them from the current parameters, and
 * the driver averages the workers' parameters and updater state into {@code net}, round after round.
 *
 * @param sc                 the Spark context
 * @param workers            workers fitting at once (executor cores)
 * @param averagingFrequency minibatches each worker fits between two averagings
 * @param exportDir          where DL4J exports the epoch's batches before fitting (a folder every executor sees);
 *                           null for its default, {@code hadoop.tmp.dir}/dl4j; emptied after every epoch
 */
record SparkEpochFit(JavaSparkContext sc, int workers, int averagingFrequency, String exportDir)
        implements Trainer.EpochFit {

    SparkEpochFit {
        if (workers < 1 || averagingFrequency < 1) {
            throw new IllegalArgumentException("workers " + workers + " and averaging frequency " + averagingFrequency
                    + ": expected at least 1 each");
        }
    }

    @Override
    public double fit(ComputationGraph net, List<SurveyFrame> train, int epoch, TrainerOptions options,
            List<String> outputNames) {
        IteratorOptions it = options.forEpoch(epoch);
        int batches = (train.size() + it.batchSize() - 1) / it.batchSize();
        if (options.maxBatches() > 0) {
            batches = Math.min(batches, options.maxBatches());
        }
        List<SparkFrame> frames = IntStream.range(0, train.size()).mapToObj(i -> SparkFrame.of(i, train.get(i)))
                .toList();
        Broadcast<List<SparkFrame>> shared = sc.broadcast(frames);
        try {
            JavaRDD<DataSet> data = sc.parallelize(IntStream.range(0, batches).boxed().toList(),
                    Math.max(1, Math.min(workers, batches))).mapPartitions(new EpochBatches(shared, outputNames, it));
            ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers,
                    it.batchSize()).batchSizePerWorker(it.batchSize()).averagingFrequency(averagingFrequency)
                    .workerPrefetchNumBatches(0).saveUpdater(true).rngSeed(options.seed() * 1_000_003L + epoch)
                    .exportDirectory(exportDir).build();
            EpochScore graph = new EpochScore(sc, net, master);
            try {
                graph.fit(data);
            } finally {
                master.deleteTempFiles(sc);
            }
            return graph.mean();
        } finally {
            shared.destroy();
        }
    }
}
