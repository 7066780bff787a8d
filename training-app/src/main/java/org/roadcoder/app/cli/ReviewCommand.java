package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.roadcoder.app.predict.Predictor;
import org.roadcoder.app.review.ReviewServer;
import org.roadcoder.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder review CODED --survey SURVEY}: a page to confirm or correct coded segments. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Serves a page to check and correct the segment codes predict wrote: roads as strips of 100-m",
                "segments coloured by confidence, each segment's frames, every attribute's predicted category and",
                "confidence. Each decision is saved at once (atomically) to a segments.csv in the survey contract, with",
                "<group>_coded_by = model, reviewed or corrected. Stop with Ctrl+C; run again to resume."})
public final class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CODED", description = "Folder written by predict (segment_codes.csv).")
    Path coded;

    @Option(names = "--survey", paramLabel = "SURVEY", required = true, description = "The coded survey (frames.csv, images).")
    Path survey;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "The reviewed segments.csv (default: CODED/segments.csv; SURVEY/segments.csv makes the survey trainable).")
    Path out;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "9100", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Mixin
    SchemaOption schemaOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Path codes = coded.resolve(Predictor.SEGMENT_FILE);
        if (!Files.isRegularFile(codes)) {
            throw new DataException(codes, "not found: give the folder predict wrote");
        }
        Path file = out != null ? out : coded.resolve("segments.csv");
        try (ReviewServer server = ReviewServer.start(schemaOption.load(), codes, survey, file, host, port)) {
            stdout.println("review page: " + server.url() + " (decisions saved to " + file + "; Ctrl+C to stop)");
            stdout.flush();
            new CountDownLatch(1).await();
        }
        return ExitCodes.OK;
    }
}
