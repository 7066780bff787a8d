package org.roadcoder.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.roadcoder.data.survey.SurveyFrame;

/** A survey frame as it travels to an executor ({@link SurveyFrame} holds a {@link Path}, which does not serialize). */
public record SparkFrame(int index, String frameId, String segmentId, String roadId, String image, double chainageM,
        int line) implements Serializable {

    public static SparkFrame of(int index, SurveyFrame f) {
        return new SparkFrame(index, f.frameId(), f.segmentId(), f.roadId(), f.image().toString(), f.chainageM(), f.line());
    }

    /** The frame as the scoring path takes it (unlabelled: predict needs no labels). */
    public SurveyFrame toSurveyFrame() {
        return new SurveyFrame(frameId, segmentId, roadId, Path.of(image), chainageM, line, new float[0]);
    }
}
