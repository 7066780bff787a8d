package org.roadcoder.app.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.util.ModelSerializer;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.network.NetworkSpec;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.HeadOutputs;
import org.roadcoder.model.featurize.HeadTrainer;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.metrics.ThresholdTuner;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.roadcoder.model.inference.PriorCorrection;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;
import org.roadcoder.search.HeadSearch;
import org.roadcoder.search.SearchOutcome;

/**
 * Candidates fit heads on the features {@code featurize} saved: the frozen backbone ran once, every
 * candidate's network carries its weights, and only the head is trained.
 */
public final class FeatureInput implements SearchInput {

    private static final List<String> HEAD = List.of(TransferHead.FC1, TransferHead.FC2, TransferHead.OUTPUT);

    private final Path features;
    private final RunConfig config;
    private final OutputLayout layout;
    private final ComputationGraph featurized;

    private FeatureInput(Path features, RunConfig config, OutputLayout layout, ComputationGraph featurized) {
        this.features = features;
        this.config = config;
        this.layout = layout;
        this.featurized = featurized;
    }

    /** The folder {@code featurize} wrote; a {@link DataException} naming what is missing otherwise. */
    public static FeatureInput open(Path features) throws IOException {
        for (String f : List.of("config.yaml", "labels.yaml", "network.zip", "provenance.json", "train", "validation")) {
            if (!Files.exists(features.resolve(f))) {
                throw new DataException(features, "not a featurize folder: " + f + " is missing");
            }
        }
        RunConfig config = ConfigLoader.load(features.resolve("config.yaml"), List.of());
        OutputLayout layout = Layouts.of(LabelSchema.load(features.resolve("labels.yaml")));
        ComputationGraph featurized = ModelSerializer.restoreComputationGraph(features.resolve("network.zip").toFile(),
                false);
        return new FeatureInput(features, config, layout, featurized);
    }

    @Override
    public OutputLayout layout() {
        return layout;
    }

    @Override
    public int statsEvery() {
        return config.training().statsEvery();
    }

    @Override
    public HeadOptions base() {
        ModelConfig m = config.model();
        return new HeadOptions(m.hidden(), m.dropout(), m.featureLr(), m.classifierLr(), NetworkSpec.FEATURES,
                config.training().seed());
    }

    @Override
    public HeadSearch.Builder configure(HeadSearch.Builder search) {
        return search.setFeatures(FeatureStore.open(features.resolve("train")),
                FeatureStore.open(features.resolve("validation"))).setFactory(this::network);
    }

    @Override
    public void writeBest(SearchOutcome outcome, Path dir, List<String> args) {
        Provenance provenance = Provenance.read(features.resolve("provenance.json")).withInvocation(args);
        HeadOutputs validation = HeadOutputs.of(new HeadTrainer(outcome.bestNet()).head(),
                FeatureStore.open(features.resolve("validation")).iterator());
        double[][] p = validation.probabilities().toDoubleMatrix();
        double[][] y = validation.labels().toDoubleMatrix();
        SearchBundle.write(outcome, ThresholdTuner.tune(layout, validation.probabilities(), validation.labels()),
                TrainingJob.priorCorrection(config, layout, trainLabels(), p, y).chosen(), config,
                features.resolve("labels.yaml"), provenance, outcome.best().epochs(), dir);
    }

    /** The configured network with {@code head}, its backbone weights those the features were computed with. */
    private ComputationGraph network(HeadOptions head) throws IOException {
        ModelConfig m = config.model();
        NetworkSpec spec = new NetworkSpec(m.backboneKind(), new BackboneOptions(m.inputSize(), m.inputSize(),
                m.widthMultiplier(), config.training().seed()), WeightsSpec.parse("random"), LossKind.fromId(m.loss()),
                m.posWeight(), head, m.initKind(), java.util.Map.of());
        ComputationGraph net = spec.build(layout, WeightsSource.defaults());
        for (GraphVertex v : featurized.getVertices()) {
            String name = v.getVertexName();
            if (v.hasLayer() && v.getLayer().numParams() > 0 && !HEAD.contains(name)) {
                net.getLayer(name).setParams(v.getLayer().params().dup());
            }
        }
        return net;
    }

    /** The label rows of the training features (what the head trained on). */
    private double[][] trainLabels() {
        List<double[]> labels = new ArrayList<>();
        DataSetIterator it = FeatureStore.open(features.resolve("train")).iterator();
        while (it.hasNext()) {
            labels.addAll(Arrays.asList(it.next().getLabels().toDoubleMatrix()));
        }
        return labels.toArray(double[][]::new);
    }
}
