package org.roadcoder.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.train.NetworkFactory;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.data.DataException;
import org.roadcoder.data.iterate.FrameIterator;
import org.roadcoder.data.iterate.FrameIterators;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.split.RoadSplit;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.Featurizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder featurize SURVEY --config FILE --out DIR}: the frozen backbone's features, computed once. */
@Command(name = "featurize", mixinStandardHelpOptions = true,
        description = {"Runs the configured backbone, frozen, once over every frame of a survey and saves its "
                + "features per split (DIR/train, DIR/validation, DIR/test; one DL4J DataSet file per batch), so that "
                + "heads can be fitted from them epoch after epoch (and searched over) without the backbone.",
                "Also writes DIR/network.zip (the frozen network the features belong to), config.yaml and labels.yaml."})
public class FeaturizeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SURVEY", description = "Labelled survey folder.")
    Path survey;

    @Mixin
    SchemaOption schema;

    @Mixin
    ConfigOptions config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Feature folder (new or empty).")
    Path out;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0",
            description = "Featurize at most N batches per split (tests).")
    int maxBatches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (Files.isDirectory(out) && Files.list(out).findAny().isPresent()) {
            throw new DataException(out, "feature folder is not empty; choose a new --out");
        }
        RunConfig loaded = config.load(config.file);
        ModelConfig m = loaded.model();
        if (ModelConfig.NO_FREEZE.equals(m.freeze())) {
            m = new ModelConfig(m.backbone(), m.weights(), m.init(), m.widthMultiplier(), m.inputSize(), m.hidden(), m.dropout(),
                    m.loss(), m.posWeight(), m.classWeight(), "features", m.featureLr(), m.classifierLr(), m.segmentPooling(),
                    m.priorCorrection());
        }
        RunConfig resolved = new RunConfig(m, loaded.data(), loaded.training());
        LabelSchema labels = schema.load();
        Survey s = Survey.load(survey, labels, ReadOptions.defaults().withLabels(resolved.data().labelSource()));
        RoadSplit split = TrainingJob.split(resolved, s.frames());
        NetworkFactory.Built built = NetworkFactory.build(m, Layouts.of(labels), resolved.training().seed(),
                WeightsSource.defaults(), spec.commandLine().getErr());
        ComputationGraph net = built.net();
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("config.yaml"), ConfigLoader.toYaml(resolved));
        AtomicFiles.write(out.resolve("labels.yaml"), tmp -> Files.copy(schema.path(), tmp));
        AtomicFiles.write(out.resolve("network.zip"), tmp -> ModelSerializer.writeModel(net, tmp.toFile(), false));
        // what a run folder records, so that a model searched on these features can be evaluated like a trained one
        Provenance.start(survey, schema.path(), resolved.data().labels(), split, m.weights(), built.used().toString(),
                built.note(), spec.commandLine().getParseResult().originalArgs())
                .withProgress(0, 0, -1, "featurized").save(out.resolve("provenance.json"));
        Featurizer featurizer = new Featurizer(net);
        long t0 = System.nanoTime();
        for (RoadSplit.Part part : RoadSplit.Part.values()) {
            List<SurveyFrame> frames = limit(split.frames(s.frames(), part), resolved.training().batchSize());
            if (frames.isEmpty()) {
                continue;
            }
            String name = part.name().toLowerCase(Locale.ROOT);
            FeatureStore store = featurize(featurizer, frames, labels.outputNames(), resolved.iteratorOptions(),
                    out.resolve(name));
            stdout.printf("%s: %d frames of %d roads -> %d feature files in %s%n", name, store.examples(),
                    split.roads(part).size(), store.batches(), out.resolve(name));
        }
        stdout.printf("featurized with %s (weights %s) in %.1f s%n", m.backbone(), built.used(),
                (System.nanoTime() - t0) / 1e9);
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * One split's features into {@code dir}: here, batch by batch. A command that computes them elsewhere
     * (spark-featurize) overrides this and keeps everything else: the folder, its network, config and provenance.
     *
     * @param featurizer the frozen network of {@code out/network.zip}
     */
    protected FeatureStore featurize(Featurizer featurizer, List<SurveyFrame> frames, List<String> outputNames,
            IteratorOptions options, Path dir) {
        try (FrameIterator it = FrameIterators.create(frames, outputNames, options.withPrefetch(0))) {
            return featurizer.featurize(it, dir);
        }
    }

    private List<SurveyFrame> limit(List<SurveyFrame> frames, int batchSize) {
        return maxBatches > 0 && frames.size() > maxBatches * batchSize ? frames.subList(0, maxBatches * batchSize)
                : frames;
    }
}
