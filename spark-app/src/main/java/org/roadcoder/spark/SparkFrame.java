package org.roadcoder.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.roadcoder.data.survey.SurveyFrame;

/** A survey frame as it travels to an executor, with its labels ({@link SurveyFrame} holds a {@link Path}, which does not serialize). */
public record SparkFrame(int index, String frameId, String segmentId, String roadId, String image, double chainageM,
        int line, float[] labels) implements Serializable {

    /** Frame {@code index} of a list of survey frames. */
    public static SparkFrame of(int index, SurveyFrame f) {
        return new SparkFrame(index, f.frameId(), f.segmentId(), f.roadId(), f.image().toString(), f.chainageM(),
                f.line(), f.labels());
    }

    public SurveyFrame toSurveyFrame() {
        return new SurveyFrame(frameId, segmentId, roadId, Path.of(image), chainageM, line, labels);
    }
}
