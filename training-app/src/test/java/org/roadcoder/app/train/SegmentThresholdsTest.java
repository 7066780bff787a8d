package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.predict.FrameScorer;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;

/** Issue 12: segment codes (the maximum over a segment's frames) get thresholds tuned for that decision. */
class SegmentThresholdsTest {

    private final LabelSchema schema = LabelSchema.load(TestSurveys.repoRoot().resolve("data/labels.yaml"));
    private final OutputLayout layout = Layouts.of(schema);
    private final int col = schema.outputNames().indexOf("intersection=present");

    @Test
    void frameAndSegmentThresholdsAreTunedEachForItsOwnDecision() {
        // segments a and c have a junction, seen in two of their ten frames; b and d have none but one
        // frame each scores fairly high
        List<SurveyFrame> frames = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        add(frames, p, y, "a", true, 0.9, 0.9);
        add(frames, p, y, "b", false, 0.6);
        add(frames, p, y, "c", true, 0.8, 0.8);
        add(frames, p, y, "d", false, 0.5);

        Thresholds t = TrainingJob.tuneThresholds(layout, frames,
                new FrameScorer.Scores(p.toArray(double[][]::new), y.toArray(double[][]::new)));

        // every labelled frame counts for a frame: the best frame threshold takes them all
        assertThat(t.of("intersection")).isEqualTo(0.1);
        // a segment is judged on its maximum: only 0.8 separates a, c from b, d
        assertThat(t.forSegments().of("intersection")).isEqualTo(0.8);
    }

    private void add(List<SurveyFrame> frames, List<double[]> p, List<double[]> y, String segment, boolean present,
            double... high) {
        for (int f = 0; f < 10; f++) {
            double[] prob = new double[layout.size()];
            double[] label = new double[layout.size()];
            prob[col] = f < high.length ? high[f] : 0.1;
            label[col] = present ? 1 : 0;
            float[] labels = new float[layout.size()];
            labels[col] = (float) label[col];
            frames.add(new SurveyFrame(segment + f, segment, "r", Path.of(segment + f + ".png"), f * 10, f + 2, labels));
            p.add(prob);
            y.add(label);
        }
    }
}
