package org.roadcoder.data.survey;

import java.nio.file.Path;

/**
 * One 10-metre frame of a survey, joined with its labels.
 *
 * @param frameId   unique frame id
 * @param segmentId the 100-metre segment the frame belongs to
 * @param roadId    the road (splits are by road): the segment's, else frames.csv's road_id, else
 *                  {@link SurveyFiles#UNKNOWN_ROAD}
 * @param image     absolute path of the image, checked to lie inside the survey folder
 * @param chainageM distance along the road in metres
 * @param line      the frame's line in frames.csv, for error messages
 * @param labels    multi-hot label vector in schema output order; empty for unlabelled surveys
 */
public record SurveyFrame(String frameId, String segmentId, String roadId, Path image, double chainageM, int line,
                          float[] labels) {

    public boolean hasLabels() {
        return labels.length > 0;
    }
}
