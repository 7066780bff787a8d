package org.roadcoder.data.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.image.ImagePreset;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;

/** The tiny survey: s1 = f1 red, f2 green; s2 = f3 blue, f4 red; s3 = f5 green, f6 blue. */
class SegmentBatchIteratorTest {

    private final LabelSchema schema = TinySurvey.schema();
    private final Survey survey = Survey.load(TinySurvey.source(), schema, ReadOptions.defaults());
    private final IteratorOptions options = IteratorOptions.defaults().withSize(16, 16).withBatchSize(4)
            .withPreset(ImagePreset.UNIT).withPrefetch(0).withWorkers(2);

    @Test
    void batchesPackWholeSegmentsWithAFrameMaskAndSegmentLabels() {
        List<SurveyFrame> frames = new ArrayList<>(survey.frames());
        frames.remove(3); // s2 keeps one frame of two
        try (FrameIterator it = FrameIterators.segments(frames, schema.outputNames(), options, 2)) {
            DataSet first = it.next();
            DataSet second = it.next();
            assertThat(it.hasNext()).isFalse();

            assertThat(first.getFeatures().shape()).containsExactly(3, 3, 16, 16);
            assertThat(first.getFeaturesMaskArray().toFloatMatrix()).isEqualTo(new float[][] {{1, 1}, {1, 0}});
            assertThat(first.getLabels().toFloatMatrix()).isEqualTo(new float[][] {TinySurvey.S1, TinySurvey.S2});
            // packed: f1 red, f2 green, f3 blue; no padding row for s2's missing frame
            assertThat(first.getFeatures().getDouble(0, 0, 5, 5)).isEqualTo(1.0);
            assertThat(first.getFeatures().getDouble(1, 1, 5, 5)).isEqualTo(1.0);
            assertThat(first.getFeatures().getDouble(2, 2, 5, 5)).isGreaterThan(0.94);

            assertThat(second.getFeatures().shape()).containsExactly(2, 3, 16, 16);
            assertThat(second.getFeaturesMaskArray().toFloatMatrix()).isEqualTo(new float[][] {{1, 1}});
            assertThat(second.getLabels().toFloatMatrix()).isEqualTo(new float[][] {TinySurvey.S3});
        }
    }

    @Test
    void shufflingMovesWholeSegmentsSeededPerEpoch() {
        IteratorOptions shuffled = options.withSeed(3).forTraining(null);
        List<float[]> a = firstLabels(new SegmentBatchIterator(survey.frames(), schema.outputNames(), shuffled, 1));
        List<float[]> b = firstLabels(new SegmentBatchIterator(survey.frames(), schema.outputNames(), shuffled, 1));
        assertThat(a).usingRecursiveComparison().isEqualTo(b);
        assertThat(a).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrder(TinySurvey.S1, TinySurvey.S2, TinySurvey.S3);
        SegmentBatchIterator it = new SegmentBatchIterator(survey.frames(), schema.outputNames(), shuffled, 3);
        DataSet epoch1 = it.next();
        it.reset();
        DataSet epoch2 = it.next();
        assertThat(epoch2.getLabels()).isNotEqualTo(epoch1.getLabels());
        assertThat(epoch2.getFeatures().shape()).containsExactly(6, 3, 16, 16);
    }

    @Test
    void fillFramesAreSingleFramesOfTheSurveyAfterTheWholeSegmentsWithALabelsMaskOfZero() {
        IteratorOptions shuffled = options.withSeed(5).forTraining(null);
        SegmentBatchIterator it = new SegmentBatchIterator(survey.frames(), schema.outputNames(), shuffled, 1, 2);
        List<float[]> wholeLabels = new ArrayList<>();
        int batches = 0;
        while (it.hasNext()) {
            DataSet b = it.next();
            batches++;
            // one whole segment (2 frames), then 2 single frames
            assertThat(b.getFeatures().shape()).containsExactly(4, 3, 16, 16);
            assertThat(b.getFeaturesMaskArray().toFloatMatrix()).isEqualTo(new float[][] {{1, 1}, {1, 0}, {1, 0}});
            assertThat(b.getLabelsMaskArray().toFloatMatrix()).isEqualTo(new float[][] {{1}, {0}, {0}});
            wholeLabels.add(b.getLabels().getRow(0).toFloatVector());
            for (int k = 1; k <= 2; k++) {
                // a fill frame carries its own segment's label and shows its own image: red f1/f4, green f2/f5,
                // blue f3/f6; s1 = red, green; s2 = blue, red; s3 = green, blue
                float[] label = b.getLabels().getRow(k).toFloatVector();
                int colour = channelOf(b, 1 + k);
                assertThat(List.of(TinySurvey.S1, TinySurvey.S2, TinySurvey.S3)).anySatisfy(
                        seg -> assertThat(label).isEqualTo(seg));
                if (java.util.Arrays.equals(label, TinySurvey.S1)) {
                    assertThat(colour).isIn(0, 1);
                } else if (java.util.Arrays.equals(label, TinySurvey.S2)) {
                    assertThat(colour).isIn(2, 0);
                } else {
                    assertThat(colour).isIn(1, 2);
                }
            }
        }
        it.close();
        // every whole segment once per epoch, as without fill frames
        assertThat(batches).isEqualTo(3);
        assertThat(wholeLabels).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrder(TinySurvey.S1, TinySurvey.S2, TinySurvey.S3);
    }

    @Test
    void withoutFillFramesABatchHasNoLabelsMask() {
        SegmentBatchIterator it = new SegmentBatchIterator(survey.frames(), schema.outputNames(), options, 2);
        assertThat(it.next().getLabelsMaskArray()).isNull();
        it.close();
    }

    /** The brightest channel of packed frame {@code row}: 0 red, 1 green, 2 blue. */
    private static int channelOf(DataSet b, int row) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (b.getFeatures().getDouble(row, c, 5, 5) > b.getFeatures().getDouble(row, best, 5, 5)) {
                best = c;
            }
        }
        return best;
    }

    @Test
    void framesOfOneSegmentWithDifferentLabelsAreRefused() {
        List<SurveyFrame> frames = new ArrayList<>(survey.frames());
        SurveyFrame f2 = frames.get(1);
        frames.set(1, new SurveyFrame(f2.frameId(), f2.segmentId(), f2.roadId(), f2.image(), f2.chainageM(), f2.line(),
                frames.get(2).labels()));
        assertThatThrownBy(() -> new SegmentBatchIterator(frames, schema.outputNames(), options, 2))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("frames.csv:3: frame f2 of segment s1 has other labels than the segment's first "
                        + "frame");
    }

    private static List<float[]> firstLabels(SegmentBatchIterator it) {
        List<float[]> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next().getLabels().getRow(0).toFloatVector());
        }
        it.close();
        return out;
    }
}
