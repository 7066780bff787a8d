package org.roadcoder.search.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.train.Checkpoints;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.HeadTrainer;
import org.roadcoder.model.metrics.ThresholdTuner;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.search.CandidateRecord;
import org.roadcoder.search.SearchOutcome;

/**
 * The best candidate of a head search as a complete run folder, so that {@code predict} and
 * {@code evaluate} take it like a trained run: the network with flag thresholds tuned on the
 * validation features, the featurize configuration with the winning head, the label schema and
 * the provenance of the features (survey, split roads, weights) with the search appended.
 */
public final class SearchBundle {

    private SearchBundle() {
    }

    /** Writes the bundle into {@code dir} and returns it. */
    public static Path write(SearchOutcome outcome, Path features, OutputLayout layout, Path dir, List<String> args) {
        CandidateRecord best = outcome.best();
        RunFolder run = new RunFolder(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Checkpoints.saveModel(outcome.bestNet(), tunedThresholds(outcome, features, layout), run.model());
        RunConfig config = ConfigLoader.load(features.resolve("config.yaml"), List.of(
                "model.hidden=" + best.hidden(),
                "model.dropout=" + best.dropRate(),
                "model.classifier_lr=" + best.lr()));
        AtomicFiles.writeString(run.config(), ConfigLoader.toYaml(config));
        AtomicFiles.write(run.labels(), tmp -> Files.copy(features.resolve("labels.yaml"), tmp));
        boolean f1 = outcome.scoreName().contains("macro-F1");
        String reason = String.format(Locale.ROOT, "head search: best of %d candidates (candidate %d, %s %.4f)",
                outcome.ranked().size(), best.index(), outcome.scoreName(), best.score());
        Provenance.read(features.resolve("provenance.json")).withInvocation(args)
                .withProgress(best.epochs(), best.epochs(), f1 ? best.score() : -1, reason).save(run.provenance());
        return dir;
    }

    private static Thresholds tunedThresholds(SearchOutcome outcome, Path features, OutputLayout layout) {
        HeadTrainer head = new HeadTrainer(outcome.bestNet());
        DataSetIterator validation = FeatureStore.open(features.resolve("validation")).iterator();
        List<INDArray> p = new ArrayList<>();
        List<INDArray> y = new ArrayList<>();
        while (validation.hasNext()) {
            DataSet ds = validation.next();
            p.add(head.outputFromFeatures(ds.getFeatures()));
            y.add(ds.getLabels());
        }
        return ThresholdTuner.tune(layout, Nd4j.vstack(p.toArray(INDArray[]::new)), Nd4j.vstack(y.toArray(INDArray[]::new)));
    }
}
