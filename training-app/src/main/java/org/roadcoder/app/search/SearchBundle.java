package org.roadcoder.app.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.train.Checkpoints;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.inference.PriorCorrection;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.search.CandidateRecord;
import org.roadcoder.search.SearchOutcome;

/**
 * The best candidate of a head search as a complete run folder, so that {@code predict} and
 * {@code evaluate} take it like a trained run: the network with its tuned flag thresholds and the prior
 * correction of its exclusive groups (as {@code train} finishes a model), the
 * configuration the candidates started from with the winning head, the label schema and the
 * provenance of the data (survey, split roads, weights) with the search's outcome.
 */
final class SearchBundle {

    private SearchBundle() {
    }

    /**
     * Writes the bundle into {@code dir}.
     *
     * @param config     the configuration every candidate started from; the bundle's has the best head
     * @param labels     the label schema file
     * @param provenance where the data came from, the search's command line already added
     * @param bestEpoch  the epoch of the best candidate's network (1-based)
     */
    static void write(SearchOutcome outcome, Thresholds thresholds, PriorCorrection correction, RunConfig config,
                      Path labels, Provenance provenance, int bestEpoch, Path dir) {
        CandidateRecord best = outcome.best();
        RunFolder run = new RunFolder(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Checkpoints.saveFinished(outcome.bestNet(), thresholds, correction, Layouts.of(LabelSchema.load(labels)),
                run.model());
        RunConfig won = new RunConfig(config.model().withHead(best.hidden(), best.dropRate(), best.lr()), config.data(),
                config.training());
        AtomicFiles.writeString(run.config(), ConfigLoader.toYaml(won));
        AtomicFiles.write(run.labels(), tmp -> Files.copy(labels, tmp));
        boolean f1 = outcome.scoreName().contains("macro-F1");
        String reason = String.format(Locale.ROOT, "head search: best of %d candidates (candidate %d, %s %.4f)",
                outcome.ranked().size(), best.index(), outcome.scoreName(), best.score());
        provenance.withProgress(best.epochs(), bestEpoch, f1 ? best.score() : -1, reason).save(run.provenance());
    }
}
