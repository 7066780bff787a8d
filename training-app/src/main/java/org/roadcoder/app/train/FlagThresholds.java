package org.roadcoder.app.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.app.predict.FrameScorer;
import org.roadcoder.app.report.SegmentPooling;
import org.roadcoder.data.iterate.IteratorOptions;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.metrics.ThresholdTuner;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.SegmentNetworks;

/**
 * Flag thresholds for a trained network, tuned on the validation roads for the decision the network
 * was trained to make: a frame-level network's frame outputs against the frames' labels; a
 * segment-level network's pooled segment outputs against the coders' segment labels (the only labels
 * there are at the unit it learned; its frame outputs are then read with the same thresholds).
 */
public final class FlagThresholds {

    /** @param on what they were tuned on, for the log ("412 validation frames") */
    public record Tuned(Thresholds thresholds, String on) {
    }

    private FlagThresholds() {
    }

    public static Tuned tune(ComputationGraph net, OutputLayout layout, List<SurveyFrame> validation,
            List<String> outputNames, IteratorOptions options, int maxBatches) {
        FrameScorer.Scores val = FrameScorer.score(InferenceNet.asTrained(SegmentNetworks.frameView(net)), validation,
                outputNames, options, maxBatches);
        if (!SegmentNetworks.isSegmentLevel(net)) {
            return new Tuned(ThresholdTuner.tune(layout, val.probabilities(), val.labels()),
                    val.size() + " validation frames");
        }
        List<SurveyFrame> scored = validation.subList(0, val.size());
        SegmentPooling.Pooled pooled = SegmentPooling.pool(layout, SegmentNetworks.pooling(net), scored,
                val.probabilities());
        Map<String, double[]> labels = new LinkedHashMap<>();
        for (int i = 0; i < val.size(); i++) {
            labels.putIfAbsent(scored.get(i).segmentId(), val.labels()[i]);
        }
        List<double[]> truth = new ArrayList<>();
        pooled.segmentIds().forEach(id -> truth.add(labels.get(id)));
        return new Tuned(ThresholdTuner.tune(layout, pooled.rows(), truth.toArray(double[][]::new)),
                pooled.rows().length + " validation segments");
    }
}
