package org.roadcoder.spark;

import org.roadcoder.app.cli.RoadcoderCommand;
import picocli.CommandLine;

/**
 * Entry point of the Spark jar ({@code spark-submit --class org.roadcoder.spark.SparkMain}): the
 * roadcoder command line with {@code spark-predict} added, so errors and exit codes are predict's.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = RoadcoderCommand.commandLine();
        cl.addSubcommand("spark-predict", new SparkPredictCommand());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
