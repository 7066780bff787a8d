package org.roadcoder.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the Spark jar's command line ({@link SparkMain}), its exit code and what it printed. */
record SparkCli(int exitCode, String out, String err) {

    static SparkCli of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SparkMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new SparkCli(cl.execute(args), out.toString(), err.toString());
    }
}
