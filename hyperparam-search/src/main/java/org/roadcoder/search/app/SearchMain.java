package org.roadcoder.search.app;

import java.util.Arrays;
import java.util.stream.Stream;
import org.roadcoder.app.cli.RoadcoderCommand;

/**
 * Runs {@code roadcoder search ARGS}: the entry point of
 * {@code mvn -pl hyperparam-search -am compile exec:java@search -Dexec.args="FEATURES --out DIR ..."}.
 * The same command, options, messages and exit codes as through the {@code roadcoder} launcher.
 */
public final class SearchMain {

    private SearchMain() {
    }

    public static void main(String[] args) {
        System.exit(RoadcoderCommand.commandLine().execute(withCommand(args)));
    }

    /** {@code args} as arguments of the {@code search} subcommand. */
    static String[] withCommand(String[] args) {
        return Stream.concat(Stream.of("search"), Arrays.stream(args)).toArray(String[]::new);
    }
}
