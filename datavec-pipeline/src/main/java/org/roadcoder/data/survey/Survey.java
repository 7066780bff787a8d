package org.roadcoder.data.survey;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.roadcoder.data.schema.LabelSchema;

/**
 * A read and validated survey: its frames in file order, each with its label vector, and its
 * segments. Images are not loaded; iterators read them per batch.
 */
public record Survey(Path dir, LabelSchema schema, LabelSource labelSource, List<SurveyFrame> frames,
                     List<SegmentInfo> segments, ValidationReport report) {

    public Survey {
        frames = List.copyOf(frames);
        segments = List.copyOf(segments);
    }

    /** Reads, validates and encodes a survey; throws a {@link org.roadcoder.data.DataException} listing every error. */
    public static Survey load(Path dir, LabelSchema schema, ReadOptions options) {
        Survey survey = SurveyReader.read(dir, schema, options);
        survey.report().throwIfInvalid();
        return survey;
    }

    /**
     * Reads and validates a survey without throwing for problems in it: the report lists them all,
     * and the frames are empty unless the report is valid. A missing folder or CSV still throws.
     */
    public static Survey read(Path dir, LabelSchema schema, ReadOptions options) {
        return SurveyReader.read(dir, schema, options);
    }

    /** Road ids in order of first appearance. */
    public List<String> roadIds() {
        Set<String> roads = new LinkedHashSet<>();
        frames.forEach(f -> roads.add(f.roadId()));
        return List.copyOf(roads);
    }
}
