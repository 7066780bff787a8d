package org.roadcoder.search.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.roadcoder.app.cli.ExitCodes;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.NetworkSpec;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.search.HeadSearch;
import org.roadcoder.search.ResultsTable;
import org.roadcoder.search.ScoreCharts;
import org.roadcoder.search.SearchOptions;
import org.roadcoder.search.SearchOutcome;
import org.roadcoder.search.SearchSpace;
import org.roadcoder.search.TrainingListeners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder search FEATURES --out DIR}: Arbiter search over the head, on features from featurize. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches the classifier head's hidden size and drop rate (and optionally its learning rate) "
                + "with Arbiter, every candidate fitted on the features 'featurize' saved and scored on the "
                + "validation features.",
                "Writes DIR/results.csv and DIR/results.html (best first), DIR/score_vs_hidden.png and "
                        + "DIR/score_vs_dropout.png, DIR/best/ (the best candidate as a run folder that predict and "
                        + "evaluate take, thresholds tuned on the validation features) and DIR/ui-stats.dl4j (one DL4J "
                        + "UI session per candidate: roadcoder ui DIR)."})
public final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FEATURES", description = "Folder written by featurize.")
    Path features;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--strategy", defaultValue = "random", paramLabel = "S", description = "random or grid.")
    String strategy;

    @Option(names = "--candidates", defaultValue = "12", paramLabel = "N", description = "Most candidates (default 12).")
    int candidates;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N", description = "Epochs per candidate (default 5).")
    int epochs;

    @Option(names = "--max-minutes", defaultValue = "60", paramLabel = "M", description = "Stop starting candidates after M minutes.")
    long maxMinutes;

    @Option(names = "--hidden", defaultValue = "64..2048", paramLabel = "MIN..MAX", description = "Hidden size range (log-uniform).")
    String hidden;

    @Option(names = "--drop", defaultValue = "0.0..0.8", paramLabel = "MIN..MAX", description = "Drop rate range.")
    String drop;

    @Option(names = "--lr", paramLabel = "MIN..MAX", description = "Classifier learning rate range (default: fixed, from the configuration).")
    String lr;

    @Spec
    CommandSpec spec;

    private static final List<String> HEAD = List.of(org.roadcoder.model.transfer.TransferHead.FC1,
            org.roadcoder.model.transfer.TransferHead.FC2, org.roadcoder.model.transfer.TransferHead.OUTPUT);

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        for (String f : List.of("config.yaml", "labels.yaml", "network.zip", "provenance.json", "train", "validation")) {
            if (!Files.exists(features.resolve(f))) {
                throw new DataException(features, "not a featurize folder: " + f + " is missing");
            }
        }
        RunConfig config = ConfigLoader.load(features.resolve("config.yaml"), List.of());
        LabelSchema schema = LabelSchema.load(features.resolve("labels.yaml"));
        OutputLayout layout = Layouts.of(schema);
        ComputationGraph featurized = ModelSerializer.restoreComputationGraph(features.resolve("network.zip").toFile(),
                false);
        SearchOptions options = SearchOptions.defaults().withStrategy(strategy()).withMaxCandidates(candidates)
                .withEpochs(epochs).withMaxTime(Duration.ofMinutes(maxMinutes));
        double[] h = range("--hidden", hidden);
        double[] d = range("--drop", drop);
        SearchSpace space = SearchSpace.defaults().withHidden((int) h[0], (int) h[1]).withDropRate(d[0], d[1]);
        if (lr != null) {
            double[] l = range("--lr", lr);
            space = space.withLearningRate(l[0], l[1]);
        }
        Files.createDirectories(out);
        ModelConfig m = config.model();
        HeadOptions base = new HeadOptions(m.hidden(), m.dropout(), m.featureLr(), m.classifierLr(),
                NetworkSpec.FEATURES, config.training().seed());
        SearchOutcome outcome;
        try (TrainingListeners listeners = TrainingListeners.toStatsFile(out.resolve("ui-stats.dl4j"))) {
            outcome = HeadSearch.builder().setSpace(space).setLayout(layout)
                    .setFeatures(FeatureStore.open(features.resolve("train")),
                            FeatureStore.open(features.resolve("validation")))
                    .setFactory(head -> network(config, head, layout, featurized)).optBase(base).optOptions(options)
                    .optListeners(listeners)
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
        if (outcome.bestNet() != null) {
            Path best = SearchBundle.write(outcome, features, layout, out.resolve("best"),
                    spec.commandLine().getParseResult().originalArgs());
            stdout.printf(Locale.ROOT, "best: candidate %d, hidden %d, drop %.3f, lr %.2e, %s %.4f -> %s (model: %s)%n",
                    outcome.best().index(), outcome.best().hidden(), outcome.best().dropRate(), outcome.best().lr(),
                    outcome.scoreName(), outcome.best().score(), out.resolve("results.html"), best);
        } else {
            stdout.println("every candidate failed; see " + out.resolve("results.csv"));
        }
        stdout.flush();
        return outcome.bestNet() == null ? ExitCodes.SOFTWARE : ExitCodes.OK;
    }

    /** The configured network with {@code head}, its backbone weights those the features were computed with. */
    private static ComputationGraph network(RunConfig config, HeadOptions head, OutputLayout layout,
            ComputationGraph featurized) throws Exception {
        ModelConfig m = config.model();
        NetworkSpec spec = new NetworkSpec(m.backboneKind(), new BackboneOptions(m.inputSize(), m.inputSize(),
                m.widthMultiplier(), config.training().seed()), org.roadcoder.model.backbone.WeightsSpec.parse("random"),
                org.roadcoder.model.loss.LossKind.fromId(m.loss()), m.posWeight(), head);
        ComputationGraph net = spec.build(layout, WeightsSource.defaults());
        for (org.deeplearning4j.nn.graph.vertex.GraphVertex v : featurized.getVertices()) {
            String name = v.getVertexName();
            if (v.hasLayer() && v.getLayer().numParams() > 0 && !HEAD.contains(name)) {
                net.getLayer(name).setParams(v.getLayer().params().dup());
            }
        }
        return net;
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
