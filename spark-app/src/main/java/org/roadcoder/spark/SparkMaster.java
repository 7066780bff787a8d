package org.roadcoder.spark;

import java.io.IOException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/** The Spark commands' {@code --master} option, and the Spark context each of them runs in. */
public final class SparkMaster {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]; leave out under spark-submit, which sets it.")
    String master;

    private JavaSparkContext current;

    /** A command's body, run with the context open ({@link #run}). */
    @FunctionalInterface
    interface Body {
        Integer call() throws IOException;
    }

    /** A context for {@code command} on the master given, or on spark-submit's. */
    JavaSparkContext open(String command) {
        SparkConf conf = new SparkConf().setAppName("roadcoder " + command);
        if (master != null) {
            conf.setMaster(master);
        }
        return new JavaSparkContext(conf);
    }

    /** Runs {@code body} with a context for {@code command} open ({@link #context()}), closing it after. */
    Integer run(String command, Body body) throws IOException {
        try (JavaSparkContext context = open(command)) {
            current = context;
            return body.call();
        } finally {
            current = null;
        }
    }

    /** The context {@link #run} opened, for the command's hooks that run within it. */
    JavaSparkContext context() {
        if (current == null) {
            throw new IllegalStateException("no Spark context: the command runs outside SparkMaster.run");
        }
        return current;
    }
}
