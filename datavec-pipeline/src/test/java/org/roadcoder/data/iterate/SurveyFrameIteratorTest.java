package org.roadcoder.data.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.image.Augmentation;
import org.roadcoder.data.image.ImagePreset;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;

class SurveyFrameIteratorTest {

    private final LabelSchema schema = TinySurvey.schema();
    private final Survey survey = Survey.load(TinySurvey.source(), schema, ReadOptions.defaults());
    private final IteratorOptions options = IteratorOptions.defaults().withSize(16, 16).withBatchSize(4)
            .withPreset(ImagePreset.UNIT).withPrefetch(0).withWorkers(2);

    @Test
    void batchesHoldImagesAndTheirSegmentLabelsInOrder() {
        try (SurveyFrameIterator it = new SurveyFrameIterator(survey.frames(), schema.outputNames(), options)) {
            DataSet first = it.next();
            DataSet second = it.next();

            assertThat(it.hasNext()).isFalse();
            assertThat(first.getFeatures().shape()).containsExactly(4, 3, 16, 16);
            assertThat(second.getFeatures().shape()).containsExactly(2, 3, 16, 16);
            assertThat(first.getLabels().getRow(0).toFloatVector()).containsExactly(TinySurvey.S1);
            assertThat(first.getLabels().getRow(2).toFloatVector()).containsExactly(TinySurvey.S2);
            assertThat(second.getLabels().getRow(1).toFloatVector()).containsExactly(TinySurvey.S3);
            // f1 is red, f2 green, f3 blue (UNIT preset: 0-1)
            assertThat(first.getFeatures().getDouble(0, 0, 5, 5)).isEqualTo(1.0);
            assertThat(first.getFeatures().getDouble(1, 1, 5, 5)).isEqualTo(1.0);
            assertThat(first.getFeatures().getDouble(2, 2, 5, 5)).isGreaterThan(0.94);
            assertThat(it.totalOutcomes()).isEqualTo(28);
        }
    }

    @Test
    void shufflingIsSeededAndChangesEachEpoch() {
        IteratorOptions shuffled = options.withBatchSize(6).forTraining(null);
        List<float[]> epoch1 = labelsOfOneEpoch(new SurveyFrameIterator(survey.frames(), schema.outputNames(), shuffled));
        SurveyFrameIterator again = new SurveyFrameIterator(survey.frames(), schema.outputNames(), shuffled);
        List<float[]> epoch1Again = labelsOfOneEpoch(again);
        again.reset();
        DataSet epoch2 = again.next();

        assertThat(epoch1).usingRecursiveComparison().isEqualTo(epoch1Again);
        assertThat(epoch2.getFeatures()).isNotEqualTo(
                new SurveyFrameIterator(survey.frames(), schema.outputNames(), shuffled).next().getFeatures());
    }

    @Test
    void augmentationIsReproducibleForTheSameSeed() {
        IteratorOptions aug = options.forTraining(Augmentation.defaults());
        DataSet a = new SurveyFrameIterator(survey.frames(), schema.outputNames(), aug).next();
        DataSet b = new SurveyFrameIterator(survey.frames(), schema.outputNames(), aug).next();
        DataSet c = new SurveyFrameIterator(survey.frames(), schema.outputNames(), aug.withSeed(7)).next();
        DataSet plain = new SurveyFrameIterator(survey.frames(), schema.outputNames(), options.forTraining(null)).next();

        assertThat(a.getFeatures()).isEqualTo(b.getFeatures());
        assertThat(a.getFeatures()).isNotEqualTo(c.getFeatures());
        assertThat(a.getFeatures().equalsWithEps(plain.getFeatures(), 1e-3)).isFalse();
    }

    @Test
    void prefetchingIteratorGivesTheSameBatches() {
        DataSetIterator async = FrameIterators.create(survey.frames(), schema.outputNames(), options.withPrefetch(2));
        List<float[]> seen = new ArrayList<>();
        while (async.hasNext()) {
            DataSet ds = async.next();
            for (int i = 0; i < ds.numExamples(); i++) {
                seen.add(ds.getLabels().getRow(i).toFloatVector());
            }
        }
        assertThat(async).isNotInstanceOf(SurveyFrameIterator.class);
        assertThat(seen).hasSize(6);
        assertThat(seen.get(5)).containsExactly(TinySurvey.S3);
    }

    @Test
    void corruptImageFailsWithFrameAndLine(@TempDir Path dir) throws Exception {
        Path copy = TinySurvey.copyTo(dir);
        Survey s = Survey.load(copy, schema, ReadOptions.defaults());
        Files.writeString(copy.resolve("images/green.png"), "gone bad after validation");
        SurveyFrameIterator it = new SurveyFrameIterator(s.frames(), schema.outputNames(), options.withWorkers(1));
        assertThatThrownBy(it::next).isInstanceOf(DataException.class)
                .hasMessageContaining("green.png: frame f2 (frames.csv line 3): cannot decode image");
    }

    private static List<float[]> labelsOfOneEpoch(SurveyFrameIterator it) {
        List<float[]> out = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            out.add(ds.getLabels().ravel().toFloatVector());
            out.add(Nd4j.toFlattened(ds.getFeatures()).toFloatVector());
        }
        return out;
    }
}
