package org.roadcoder.app.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.SegmentCoder;

class SegmentStreamTest {

    private final OutputLayout layout = OutputLayout.builder().flag("crossing").exclusive("lanes", 2).build();
    private final List<SegmentStream.Coded> coded = new ArrayList<>();
    private final SegmentStream stream = new SegmentStream(new SegmentCoder(layout, Thresholds.defaults()), coded::add);

    @Test
    void codesEachSegmentWhenItsLastFrameHasPassed() {
        stream.add(frame("a", 2), new double[] {0.1, 0.8, 0.2});
        stream.add(frame("a", 3), new double[] {0.7, 0.6, 0.4});
        assertThat(coded).isEmpty();
        stream.add(frame("b", 4), new double[] {0.2, 0.1, 0.9});
        assertThat(coded).hasSize(1);
        assertThat(coded.get(0).segmentId()).isEqualTo("a");
        assertThat(coded.get(0).frames()).hasSize(2);
        assertThat(coded.get(0).code().present("crossing")).isTrue();
        assertThat(coded.get(0).code().category("lanes")).isZero();
        stream.flush();
        assertThat(coded).extracting(SegmentStream.Coded::segmentId).containsExactly("a", "b");
        assertThat(coded.get(1).code().category("lanes")).isEqualTo(1);
    }

    @Test
    void aSegmentWhoseFramesAreApartIsAnErrorNamingTheLine() {
        stream.add(frame("a", 2), new double[] {0.1, 0.8, 0.2});
        stream.add(frame("b", 3), new double[] {0.1, 0.8, 0.2});
        assertThatThrownBy(() -> stream.add(frame("a", 4), new double[] {0.1, 0.8, 0.2}))
                .isInstanceOf(DataException.class)
                .hasMessage("frames.csv:4: column 'segment_id', value 'a': the segment's frames are not together; "
                        + "sort frames.csv by segment");
    }

    private static SurveyFrame frame(String segment, int line) {
        return new SurveyFrame("f" + line, segment, "r", Path.of("x.png"), 0, line, new float[0]);
    }
}
