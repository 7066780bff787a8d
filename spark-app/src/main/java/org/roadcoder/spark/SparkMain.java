package org.roadcoder.spark;

import org.roadcoder.app.cli.RoadcoderCommand;
import picocli.CommandLine;

/**
 * Entry point of the Spark jar ({@code spark-submit --class org.roadcoder.spark.SparkMain}): the
 * roadcoder command line with the Spark commands added ({@code spark-predict}, {@code spark-train},
 * {@code spark-featurize}), so
 * errors and exit codes are the local commands'.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = RoadcoderCommand.commandLine();
        cl.addSubcommand("spark-predict", new SparkPredictCommand());
        cl.addSubcommand("spark-train", new SparkTrainCommand());
        cl.addSubcommand("spark-featurize", new SparkFeaturizeCommand());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
