package org.roadcoder.app.search;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.split.RoadSplit;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.search.HeadSearch;
import org.roadcoder.search.SearchOutcome;

/**
 * Candidates fine-tune the whole network on a survey's frames, split by road as {@code train} splits
 * them, each as {@code train} would with the configuration and the candidate's head
 * ({@link FineTuneTraining}). Slower than searching heads on features by the cost of the backbone.
 */
public final class FineTuneInput implements SearchInput {

    private final Path survey;
    private final Path schemaFile;
    private final RunConfig config;
    private final LabelSchema schema;
    private final RoadSplit split;
    private final FineTuneTraining training;

    /**
     * @param config     the configuration every candidate starts from (its training.epochs per candidate)
     * @param maxBatches training and validation batches per epoch at most; 0 for all
     */
    public FineTuneInput(Path survey, Path schemaFile, RunConfig config, int maxBatches, PrintWriter out, PrintWriter err) {
        this.survey = survey;
        this.schemaFile = schemaFile;
        this.config = config;
        this.schema = LabelSchema.load(schemaFile);
        Survey s = Survey.load(survey, schema, ReadOptions.defaults().withLabels(config.data().labelSource()));
        this.split = TrainingJob.split(config, s.frames());
        this.training = new FineTuneTraining(config, layout(), schema.outputNames(),
                split.frames(s.frames(), RoadSplit.Part.TRAIN), split.frames(s.frames(), RoadSplit.Part.VALIDATION),
                maxBatches, out, err);
    }

    @Override
    public OutputLayout layout() {
        return Layouts.of(schema);
    }

    @Override
    public int statsEvery() {
        return config.training().statsEvery();
    }

    @Override
    public HeadOptions base() {
        ModelConfig m = config.model();
        return new HeadOptions(m.hidden(), m.dropout(), m.featureLr(), m.classifierLr(),
                ModelConfig.NO_FREEZE.equals(m.freeze()) ? null : m.freeze(), config.training().seed());
    }

    @Override
    public HeadSearch.Builder configure(HeadSearch.Builder search) {
        return search.setTraining(training);
    }

    @Override
    public void writeBest(SearchOutcome outcome, Path dir, List<String> args) {
        FineTuneTraining.Kept kept = training.kept(outcome.best().index());
        Provenance provenance = Provenance.start(survey, schemaFile, config.data().labels(), split,
                config.model().weights(), kept.weightsUsed().toString(), kept.weightsNote(), args)
                .withTrainingUnit(TrainingJob.trainingUnit(config));
        FineTuneTraining.Finish finish = training.finish(outcome.bestNet());
        SearchBundle.write(outcome, finish.thresholds(), finish.correction(), config, schemaFile, provenance,
                kept.bestEpoch(), dir);
    }
}
