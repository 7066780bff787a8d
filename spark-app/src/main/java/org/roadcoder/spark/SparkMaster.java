package org.roadcoder.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/** The Spark commands' {@code --master} option, and the Spark context each of them runs in. */
public final class SparkMaster {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]; leave out under spark-submit, which sets it.")
    String master;

    /** A context for {@code command} on the master given, or on spark-submit's. */
    JavaSparkContext open(String command) {
        SparkConf conf = new SparkConf().setAppName("roadcoder " + command);
        if (master != null) {
            conf.setMaster(master);
        }
        return new JavaSparkContext(conf);
    }
}
