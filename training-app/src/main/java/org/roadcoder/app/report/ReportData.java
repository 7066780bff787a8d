package org.roadcoder.app.report;

import java.util.List;
import java.util.Map;
import org.roadcoder.model.metrics.Evaluation;

/**
 * Everything one evaluation found, for metrics.json and report.html.
 *
 * @param context          run, survey, split, roads, label source: what was evaluated
 * @param outputNames      the schema's output names ({@code group=category}), in output order
 * @param frames           frame-level scores of the model
 * @param frameBaseline    frame-level scores of the majority-class baseline
 * @param segments         segment-level scores of the segment codes, or null without segment labels
 * @param segmentBaseline  segment-level scores of the baseline, or null
 * @param confusions       per exclusive group, frame level
 * @param frameCount       frames scored
 * @param segmentCount     segments scored (0 without segment labels)
 * @param abstention       what the acceptance thresholds do on the scored segments, or null
 */
public record ReportData(Map<String, Object> context, List<String> outputNames, Evaluation frames,
        Evaluation frameBaseline, Evaluation segments, Evaluation segmentBaseline, List<Confusion> confusions,
        int frameCount, int segmentCount, Abstention abstention) {
}
