package org.roadcoder.app;

import org.roadcoder.app.cli.RoadcoderCommand;

/** Entry point of the {@code roadcoder} command line. */
public final class RoadcoderMain {

    private RoadcoderMain() {
    }

    public static void main(String[] args) {
        System.exit(RoadcoderCommand.commandLine().execute(args));
    }
}
