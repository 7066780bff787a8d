package org.roadcoder.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.search.FeatureInput;
import org.roadcoder.app.search.FineTuneInput;
import org.roadcoder.app.search.SearchInput;
import org.roadcoder.app.ui.UiServer;
import org.roadcoder.data.DataException;
import org.roadcoder.search.HeadSearch;
import org.roadcoder.search.ResultsTable;
import org.roadcoder.search.ScoreCharts;
import org.roadcoder.search.SearchOptions;
import org.roadcoder.search.SearchOutcome;
import org.roadcoder.search.SearchSpace;
import org.roadcoder.search.TrainingListeners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code roadcoder search FEATURES --out DIR}: Arbiter search over the head, on features from
 * featurize; or {@code roadcoder search --fine-tune SURVEY --config FILE --out DIR}: every candidate
 * fine-tunes the whole network on the survey's frames.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches the classifier head's hidden size and drop rate (and optionally its learning rate) "
                + "with Arbiter, every candidate fitted on the features 'featurize' saved and scored on the "
                + "validation features; with --fine-tune, every candidate instead trains the whole network on a "
                + "survey's frames as 'train' would, and is scored by its best validation macro-F1.",
                "Writes DIR/results.csv and DIR/results.html (best first), DIR/score_vs_hidden.png and "
                        + "DIR/score_vs_dropout.png, DIR/best/ (the best candidate as a run folder that predict and "
                        + "evaluate take, thresholds tuned on the validation roads) and DIR/ui-stats.dl4j (one DL4J "
                        + "training-UI session per candidate, and the search in Arbiter's pages: roadcoder ui DIR, or "
                        + "--ui while it runs)."})
public final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FEATURES", arity = "0..1", description = "Folder written by featurize (not with --fine-tune).")
    Path features;

    @Option(names = "--fine-tune", paramLabel = "SURVEY",
            description = "Fine-tune the whole network per candidate on this labelled survey instead of fitting heads on features.")
    Path fineTune;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "With --fine-tune: the configuration every candidate starts from; the candidate sets the head.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --fine-tune: override one configuration value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Mixin
    SchemaOption schema;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0",
            description = "With --fine-tune: train and validate on at most N batches per epoch (tests, smoke runs).")
    int maxBatches;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--strategy", defaultValue = "random", paramLabel = "S", description = "random or grid.")
    String strategy;

    @Option(names = "--candidates", defaultValue = "12", paramLabel = "N", description = "Most candidates (default 12).")
    int candidates;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N",
            description = "Epochs per candidate (default 5); with --fine-tune at most, the configuration's patience applies.")
    int epochs;

    @Option(names = "--max-minutes", defaultValue = "60", paramLabel = "M", description = "Stop starting candidates after M minutes.")
    long maxMinutes;

    @Option(names = "--hidden", defaultValue = "64..2048", paramLabel = "MIN..MAX", description = "Hidden size range (log-uniform).")
    String hidden;

    @Option(names = "--drop", defaultValue = "0.0..0.8", paramLabel = "MIN..MAX", description = "Drop rate range.")
    String drop;

    @Option(names = "--lr", paramLabel = "MIN..MAX", description = "Classifier learning rate range (default: fixed, from the configuration).")
    String lr;

    @Mixin
    UiOptions ui;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        SearchInput input = input();
        SearchSpace space = space();
        SearchOptions options = SearchOptions.defaults().withStrategy(strategy()).withMaxCandidates(candidates)
                .withEpochs(epochs).withMaxTime(Duration.ofMinutes(maxMinutes));
        Files.createDirectories(out);
        SearchOutcome outcome;
        try (TrainingListeners listeners = TrainingListeners.toStatsFile(out.resolve("ui-stats.dl4j"), input.statsEvery());
             UiServer server = ui.startIfEnabled(stdout)) {
            if (server != null) {
                server.attach(listeners.storage());
                stdout.println("Arbiter's pages: " + server.url("/arbiter"));
                stdout.flush();
            }
            outcome = input.configure(HeadSearch.builder()).setSpace(space).setLayout(input.layout())
                    .optBase(input.base()).optOptions(options).optListeners(listeners)
                    .optProgress(r -> {
                        stdout.printf(Locale.ROOT, "candidate %d: hidden %d, drop %.3f, lr %.2e -> %s (%.1f s)%n",
                                r.index(), r.hidden(), r.dropRate(), r.lr(),
                                r.failed() ? "failed: " + r.error() : String.format(Locale.ROOT, "%.4f", r.score()),
                                r.seconds());
                        stdout.flush();
                    }).build().run();
        }
        ResultsTable.writeCsv(outcome, out.resolve("results.csv"));
        ResultsTable.writeHtml(outcome, out.resolve("results.html"), "roadcoder head search");
        ScoreCharts.write(outcome, out);
        if (outcome.bestNet() == null) {
            stdout.println("every candidate failed; see " + out.resolve("results.csv"));
            stdout.flush();
            return ExitCodes.SOFTWARE;
        }
        Path best = out.resolve("best");
        input.writeBest(outcome, best, spec.commandLine().getParseResult().originalArgs());
        stdout.printf(Locale.ROOT, "best: candidate %d, hidden %d, drop %.3f, lr %.2e, %s %.4f -> %s (model: %s)%n",
                outcome.best().index(), outcome.best().hidden(), outcome.best().dropRate(), outcome.best().lr(),
                outcome.scoreName(), outcome.best().score(), out.resolve("results.html"), best);
        stdout.println("training UI (a session per candidate) and Arbiter's pages (/arbiter): roadcoder ui " + out);
        stdout.flush();
        return ExitCodes.OK;
    }

    /** Saved features, or a survey to fine-tune on; the options that go with each. */
    private SearchInput input() throws IOException {
        if ((features == null) == (fineTune == null)) {
            throw new ParameterException(spec.commandLine(), features == null
                    ? "give FEATURES (a folder written by featurize) or --fine-tune SURVEY"
                    : "give FEATURES or --fine-tune SURVEY, not both");
        }
        if (fineTune == null) {
            for (String o : List.of("--config", "--set", "--schema", "--max-batches")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new ParameterException(spec.commandLine(), o + " goes with --fine-tune; a featurize "
                            + "folder brings its own configuration and schema");
                }
            }
            return FeatureInput.open(features);
        }
        List<String> all = new ArrayList<>(overrides);
        all.add("training.epochs=" + epochs);
        return new FineTuneInput(fineTune, schema.path(), ConfigLoader.load(config, all), maxBatches,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private SearchSpace space() {
        double[] h = range("--hidden", hidden);
        double[] d = range("--drop", drop);
        SearchSpace space = SearchSpace.defaults().withHidden((int) h[0], (int) h[1]).withDropRate(d[0], d[1]);
        if (lr != null) {
            double[] l = range("--lr", lr);
            space = space.withLearningRate(l[0], l[1]);
        }
        return space;
    }

    private SearchOptions.Strategy strategy() {
        return switch (strategy) {
            case "random" -> SearchOptions.Strategy.RANDOM;
            case "grid" -> SearchOptions.Strategy.GRID;
            default -> throw new DataException(null, "--strategy " + strategy + ": expected random or grid");
        };
    }

    private static double[] range(String option, String text) {
        String[] parts = text.split("\\.\\.");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataException(null, option + " " + text + ": expected MIN..MAX, e.g. 64..2048");
    }
}
