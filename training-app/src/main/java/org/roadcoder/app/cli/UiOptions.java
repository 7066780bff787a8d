package org.roadcoder.app.cli;

import java.io.PrintWriter;
import org.roadcoder.app.ui.UiServer;
import picocli.CommandLine.Option;

/** {@code --ui}, {@code --ui-host}, {@code --ui-port}: serve DL4J's training UI while training. */
public final class UiOptions {

    @Option(names = "--ui", description = "Serve the DL4J training UI live while training (stats are written to "
            + "RUN/ui-stats.dl4j in any case; 'roadcoder ui RUN' shows them later).")
    boolean enabled;

    @Option(names = "--ui-host", paramLabel = "ADDRESS", defaultValue = UiServer.LOOPBACK,
            description = "Address the UI listens on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--ui-port", paramLabel = "PORT", defaultValue = "9000", description = "UI port (default: ${DEFAULT-VALUE}).")
    int port;

    /** The started server, or null when --ui was not given. */
    public UiServer startIfEnabled(PrintWriter out) {
        if (!enabled) {
            return null;
        }
        UiServer server = UiServer.start(host, port);
        out.println("training UI: " + server.url());
        out.flush();
        return server;
    }
}
