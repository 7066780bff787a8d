package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.ui.StatsFiles;
import org.roadcoder.app.ui.UiServer;
import org.roadcoder.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder ui RUN...}: serves the DL4J training UI for stored runs. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Serves the DL4J training UI (score chart, updates, memory) for the stats stored in each RUN.",
                "A search folder also has Arbiter's pages (/arbiter).",
                "Listens on 127.0.0.1 only unless --host says otherwise. Stop with Ctrl-C."})
public final class UiCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders written by train, or search folders.")
    List<Path> runs;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = UiServer.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9000", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--serve-seconds", paramLabel = "S", defaultValue = "0",
            description = "Stop after S seconds (default: serve until interrupted).")
    int serveSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<FileStatsStorage> storages = new ArrayList<>();
        for (Path run : runs) {
            Path stats = new RunFolder(run).uiStats();
            if (!Files.isRegularFile(stats)) {
                throw new DataException(run, "no training UI stats (" + stats.getFileName() + ") in this run folder");
            }
            storages.add(StatsFiles.open(stats));
        }
        try (UiServer server = UiServer.start(host, port)) {
            storages.forEach(server::attach);
            out.printf("training UI for %d run(s): %s%n", runs.size(), server.url());
            out.flush();
            if (serveSeconds > 0) {
                Thread.sleep(serveSeconds * 1000L);
            } else {
                Thread.currentThread().join();
            }
        } finally {
            storages.forEach(FileStatsStorage::close);
        }
        return ExitCodes.OK;
    }
}
