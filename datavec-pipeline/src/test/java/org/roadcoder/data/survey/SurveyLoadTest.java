package org.roadcoder.data.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.schema.LabelSchema;

class SurveyLoadTest {

    private final LabelSchema schema = TinySurvey.schema();

    @Test
    void everyFrameGetsItsSegmentsMultiHotVector() {
        Survey survey = Survey.load(TinySurvey.source(), schema, ReadOptions.defaults());

        assertThat(survey.frames()).extracting(SurveyFrame::frameId).containsExactly("f1", "f2", "f3", "f4", "f5", "f6");
        List<SurveyFrame> f = survey.frames();
        assertThat(f.get(0).labels()).containsExactly(TinySurvey.S1);
        assertThat(f.get(1).labels()).containsExactly(TinySurvey.S1);
        assertThat(f.get(2).labels()).as("s2 is coded with iRAP codes").containsExactly(TinySurvey.S2);
        assertThat(f.get(3).labels()).containsExactly(TinySurvey.S2);
        assertThat(f.get(4).labels()).containsExactly(TinySurvey.S3);
        assertThat(f.get(5).labels()).containsExactly(TinySurvey.S3);
        assertThat(f).extracting(SurveyFrame::roadId).containsExactly("roadA", "roadA", "roadA", "roadA", "roadB", "roadB");
        assertThat(f.get(2).image()).isEqualTo(TinySurvey.source().toAbsolutePath().resolve("images/blue.jpg").normalize());
        assertThat(f.get(3).chainageM()).isEqualTo(110.0);
        assertThat(survey.roadIds()).containsExactly("roadA", "roadB");
        assertThat(survey.segments()).extracting(SegmentInfo::categories)
                .element(1).asList().containsExactly("urban", "sharp", "none", "medium", "wire_rope_safety_barrier",
                        "one", "absent", "absent", "present", "absent", "present");
        assertThat(survey.report().problems()).isEmpty();
    }

    @Test
    void frameTruthGivesEachFrameItsOwnVector() {
        Survey survey = Survey.load(TinySurvey.source(), schema, ReadOptions.defaults().withLabels(LabelSource.FRAME_TRUTH));

        float[] f1 = survey.frames().get(0).labels();
        float[] f2 = survey.frames().get(1).labels();
        assertThat(f1[26]).as("no crossing visible in f1").isZero();
        assertThat(f2[26]).as("the crossing is visible in f2").isEqualTo(1f);
        float[] f4 = survey.frames().get(3).labels();
        assertThat(f4[1 + 1]).as("f4 curvature moderate").isEqualTo(1f);
        assertThat(f4[27]).as("f4 sees the junction").isEqualTo(1f);
        assertThat(survey.frames().get(2).labels()[27]).as("f3 does not").isZero();
        assertThat(survey.frames().get(5).labels()).containsExactly(TinySurvey.S3);
    }

    @Test
    void unlabelledSurveyNeedsOnlyFramesCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path s = TinySurvey.copyTo(dir);
        java.nio.file.Files.delete(s.resolve("segments.csv"));
        java.nio.file.Files.delete(s.resolve("frames_truth.csv"));

        Survey survey = Survey.load(s, schema, ReadOptions.defaults().withLabels(LabelSource.NONE));

        assertThat(survey.frames()).hasSize(6).allSatisfy(fr -> assertThat(fr.hasLabels()).isFalse());
        assertThat(survey.frames()).extracting(SurveyFrame::roadId).containsOnly(SurveyFiles.UNKNOWN_ROAD);
        assertThat(survey.report().warnings()).extracting(Problem::toString).containsExactly("frames.csv:1: column "
                + "'road_id': no road ids: frames.csv has no road_id column and there is no segments.csv, so every frame "
                + "is on road 'unknown' (segment codes say so); add a road_id column for real road ids");
    }
}
