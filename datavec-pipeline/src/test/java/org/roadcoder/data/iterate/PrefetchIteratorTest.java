package org.roadcoder.data.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.image.ImagePreset;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;

class PrefetchIteratorTest {

    private final LabelSchema schema = TinySurvey.schema();
    private final IteratorOptions options = IteratorOptions.defaults().withSize(16, 16).withBatchSize(1)
            .withPreset(ImagePreset.UNIT).withPrefetch(2).withWorkers(1);

    @Test
    void aFailureMidEpochReachesTheCallerInsteadOfHanging(@TempDir Path dir) throws Exception {
        Path copy = TinySurvey.copyTo(dir);
        Survey s = Survey.load(copy, schema, ReadOptions.defaults());
        Files.writeString(copy.resolve("images/blue.jpg"), "corrupted after validation"); // frames f3 and f6

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (PrefetchIterator it = (PrefetchIterator) FrameIterators.create(s.frames(), schema.outputNames(), options)) {
                assertThat(it.next().getLabels().getFloat(0, 0)).isEqualTo(1f);
                it.next();
                assertThatThrownBy(() -> {
                    while (it.hasNext()) {
                        it.next();
                    }
                }).isInstanceOf(DataException.class).hasMessageContaining("frame f3 (frames.csv line 4): cannot decode image");
            }
        });
    }

    @Test
    void deliversEveryBatchInOrderAndReleasesThePreviousOne() {
        Survey s = Survey.load(TinySurvey.source(), schema, ReadOptions.defaults());
        try (PrefetchIterator it = new PrefetchIterator(
                new SurveyFrameIterator(s.frames(), schema.outputNames(), options.withBatchSize(4)), 2)) {
            DataSet first = it.next();
            float[] firstLabels = first.getLabels().getRow(0).toFloatVector();
            DataSet second = it.next();

            assertThat(firstLabels).containsExactly(TinySurvey.S1);
            assertThat(first.getFeatures().wasClosed()).as("released when the next batch was taken").isTrue();
            assertThat(second.getFeatures().shape()).containsExactly(2, 3, 16, 16);
            assertThat(second.getLabels().getRow(1).toFloatVector()).containsExactly(TinySurvey.S3);
            assertThat(it.hasNext()).isFalse();

            it.reset();
            assertThat(it.next().getLabels().getRow(0).toFloatVector()).containsExactly(TinySurvey.S1);
        }
    }
}
