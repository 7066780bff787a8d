package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.split.RoadSplit;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;

/** Issue 12: comparing training seeds must not change the test roads. */
class RunSplitTest {

    @TempDir
    Path dir;

    @Test
    void theSplitFollowsDataSplitSeedNotTheTrainingSeed() throws IOException {
        Path survey = TestSurveys.write(dir.resolve("s"), 20, 1, 2);
        List<SurveyFrame> frames = Survey.load(survey, LabelSchema.load(TestSurveys.repoRoot().resolve("data/labels.yaml")),
                ReadOptions.defaults()).frames();

        RoadSplit seed42 = TrainingJob.split(config("training.seed=42"), frames);
        RoadSplit seed7 = TrainingJob.split(config("training.seed=7"), frames);
        RoadSplit otherSplit = TrainingJob.split(config("data.split_seed=7"), frames);

        assertThat(seed7.testRoads()).isEqualTo(seed42.testRoads());
        assertThat(seed7.validationRoads()).isEqualTo(seed42.validationRoads());
        assertThat(otherSplit.testRoads()).isNotEqualTo(seed42.testRoads());
    }

    private static RunConfig config(String set) {
        return ConfigLoader.load(null, List.of(set));
    }
}
