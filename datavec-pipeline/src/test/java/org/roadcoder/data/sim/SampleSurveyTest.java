package org.roadcoder.data.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roadcoder.data.TestFiles;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;

/** The committed sample survey is what the README's main job and other tests rely on. */
class SampleSurveyTest {

    private static final Path SAMPLE = TestFiles.repoRoot().resolve("data/sample-survey");
    private static final LabelSchema SCHEMA = LabelSchema.load(TestFiles.defaultSchema());

    @Test
    void isValidSmallAndLargeEnoughForARoadSplit() throws IOException {
        Survey coded = Survey.read(SAMPLE, SCHEMA, ReadOptions.defaults());
        Survey truth = Survey.read(SAMPLE, SCHEMA, ReadOptions.defaults().withLabels(LabelSource.FRAME_TRUTH)
                .withDecodeImages(false));

        assertThat(coded.report().problems()).isEmpty();
        assertThat(truth.report().problems()).isEmpty();
        assertThat(coded.frames()).hasSizeBetween(2000, 3000);
        assertThat(coded.roadIds()).hasSizeBetween(100, 150);
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            assertThat(bytes).isLessThan(15L * 1024 * 1024);
        }
    }

    @Test
    void everyExclusiveCategoryAppearsInAtLeastThreeSegments() {
        Survey coded = Survey.read(SAMPLE, SCHEMA, ReadOptions.defaults().withDecodeImages(false));
        Map<String, Integer> frames = new HashMap<>();
        for (SurveyFrame f : coded.frames()) {
            for (LabelGroup g : SCHEMA.groups()) {
                for (int k = 0; k < g.width(); k++) {
                    if (f.labels()[g.offset() + k] == 1f) {
                        frames.merge(g.outputNames().get(k), 1, Integer::sum);
                    }
                }
            }
        }
        for (LabelGroup g : SCHEMA.groups()) {
            if (g.kind() == GroupKind.EXCLUSIVE) {
                for (String output : g.outputNames()) {
                    assertThat(frames.getOrDefault(output, 0)).as(output + " frames").isGreaterThanOrEqualTo(30);
                }
            }
        }
    }
}
