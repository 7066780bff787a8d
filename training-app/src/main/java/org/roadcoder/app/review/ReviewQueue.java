package org.roadcoder.app.review;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.data.schema.LabelSchema;

/**
 * The review page's queue: segments least confident first, by the confidence of their least sure attribute
 * ({@link org.roadcoder.app.confidence.Confidence#least}, read back from {@code segment_codes.csv}). One
 * implementation for the page and for the review bench, so the bench reviews what a coder would see first.
 */
public final class ReviewQueue {

    private ReviewQueue() {
    }

    /** The segment ids of {@code segmentCodes} (predict's file for {@code survey}) in review order. */
    public static List<String> of(LabelSchema schema, Path segmentCodes, Path survey) {
        return order(ReviewCodes.read(schema, CsvFile.read(segmentCodes), ReviewFrames.read(survey)).values());
    }

    /** Least confident first; ties keep the file's order. */
    static List<String> order(Collection<ReviewSegment> segments) {
        return segments.stream().sorted(Comparator.comparingDouble(ReviewSegment::least)).map(s -> s.id).toList();
    }
}
