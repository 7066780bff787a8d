package org.roadcoder.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Evaluator;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.SegmentPooling;

/**
 * Scores a trained model on labelled frames: frame level against the frames' labels, segment level
 * (the pooled segment codes) against the coders' segment labels, both next to the majority baseline.
 */
public final class EvaluationRun {

    private EvaluationRun() {
    }

    /**
     * @param frames        the frames to score, labelled (segments.csv or frames_truth.csv)
     * @param segmentLabels segment id -> the coders' label vector; empty for no segment-level scores
     * @param baseline      the majority baseline of the run's training roads
     */
    public static ReportData run(TrainedModel model, List<SurveyFrame> frames, Map<String, float[]> segmentLabels,
            MajorityBaseline baseline, Map<String, Object> context, int maxBatches) {
        OutputLayout layout = model.layout();
        Thresholds th = model.thresholds();
        FrameScorer.Scores s = FrameScorer.score(model.inferenceNet(), frames, model.schema().outputNames(),
                model.config().iteratorOptions(), maxBatches);
        List<SurveyFrame> scored = frames.subList(0, s.size());
        var frameEval = Evaluator.evaluate(layout, s.probabilities(), s.labels(), th);
        var frameBase = Evaluator.evaluate(layout, baseline.predictions(s.size()), s.labels(), th);
        List<Confusion> confusions = new ArrayList<>();
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() == OutputLayout.Kind.SOFTMAX) {
                confusions.add(Confusion.of(b, s.probabilities(), s.labels()));
            }
        }
        org.roadcoder.model.metrics.Evaluation segEval = null;
        org.roadcoder.model.metrics.Evaluation segBase = null;
        int segments = 0;
        if (!segmentLabels.isEmpty()) {
            SegmentPooling.Pooled pooled = SegmentPooling.pool(layout, model.pooling(),
                    scored.stream().map(SurveyFrame::segmentId).toList(), s.probabilities());
            double[][] truth = new double[pooled.rows().length][];
            for (int i = 0; i < truth.length; i++) {
                float[] v = segmentLabels.get(pooled.segmentIds().get(i));
                truth[i] = new double[v.length];
                for (int j = 0; j < v.length; j++) {
                    truth[i][j] = v[j];
                }
            }
            segments = truth.length;
            segEval = Evaluator.evaluate(layout, pooled.rows(), truth, th.forSegments());
            segBase = Evaluator.evaluate(layout, baseline.predictions(segments), truth, th.forSegments());
        }
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.put("thresholds", th.flags());
        return new ReportData(ctx, model.schema().outputNames(), frameEval, frameBase, segEval, segBase, confusions,
                s.size(), segments);
    }
}
