package org.roadcoder.spark;

import org.roadcoder.app.cli.RoadcoderCommand;
import org.roadcoder.data.DataException;
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
        CommandLine.IExecutionExceptionHandler local = cl.getExecutionExceptionHandler();
        cl.setExecutionExceptionHandler((ex, c, parsed) -> local.handleExecutionException(executorError(ex), c, parsed));
        cl.addSubcommand("spark-predict", new SparkPredictCommand());
        cl.addSubcommand("spark-train", new SparkTrainCommand());
        cl.addSubcommand("spark-featurize", new SparkFeaturizeCommand());
        return cl;
    }

    /**
     * A task that failed on the user's data (a corrupt or missing image on an executor) reaches the driver wrapped
     * in Spark's "Job aborted" exceptions: the executor's own {@link DataException}, naming the frame, is what the
     * command line reports, with the local commands' exit code. Anything else is passed on unchanged.
     */
    static Exception executorError(Exception ex) {
        if (ex instanceof DataException) {
            return ex;
        }
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DataException d) {
                return new DataException(null, d.getMessage(), ex);
            }
        }
        return ex;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
