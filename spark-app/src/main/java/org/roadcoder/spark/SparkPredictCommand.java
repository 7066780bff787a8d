package org.roadcoder.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.roadcoder.app.cli.ExitCodes;
import org.roadcoder.app.cli.PredictInputs;
import org.roadcoder.app.predict.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roadcoder-spark spark-predict RUN SURVEY --out DIR}: predict as a Spark job, same files as predict. */
@Command(name = "spark-predict", mixinStandardHelpOptions = true,
        description = {"Codes a survey like predict, with the frames scored on Spark executors "
                + "(partitions of whole segments; the model loaded once per executor core).",
                "RUN and SURVEY must be readable at the same path on every executor (a shared file system)."})
public final class SparkPredictCommand implements Callable<Integer> {

    @Mixin
    PredictInputs inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder (on the driver).")
    Path out;

    @Mixin
    SparkMaster spark;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions (default: Spark's default parallelism, e.g. the cores of local[N]).")
    int partitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PredictInputs.Loaded in = inputs.load(stdout);
        try (JavaSparkContext sc = spark.open("spark-predict")) {
            int n = partitions > 0 ? partitions : sc.defaultParallelism();
            Predictor.Result r = SparkPredictor.predict(sc, in.run(), in.model(), in.survey(), in.acceptance(), out, n);
            stdout.printf("coded %d frames and %d segments on Spark (%d partitions) in %.1f s (%.1f frames/s) -> %s%n",
                    r.frames(), r.segments(), n, r.seconds(), r.framesPerSecond(), out);
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
