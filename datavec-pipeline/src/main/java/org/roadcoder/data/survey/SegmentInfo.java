package org.roadcoder.data.survey;

import java.util.List;

/**
 * One 100-metre segment as coded in segments.csv.
 *
 * @param segmentId  unique segment id
 * @param roadId     the road it lies on
 * @param startM     start chainage in metres
 * @param endM       end chainage in metres
 * @param line       its line in segments.csv
 * @param categories the coded category name of each label group, in schema group order
 */
public record SegmentInfo(String segmentId, String roadId, double startM, double endM, int line,
                          List<String> categories) {

    public SegmentInfo {
        categories = List.copyOf(categories);
    }
}
