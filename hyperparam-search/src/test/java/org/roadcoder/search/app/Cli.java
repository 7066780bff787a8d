package org.roadcoder.search.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.roadcoder.app.cli.RoadcoderCommand;
import picocli.CommandLine;

/** Runs the real {@code roadcoder} command line (search found on this module's classpath) in-process. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RoadcoderCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Cli(cl.execute(args), out.toString(), err.toString());
    }
}
