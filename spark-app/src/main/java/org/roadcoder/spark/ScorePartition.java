package org.roadcoder.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.SurveyFrame;

/** The executor side: scores one partition's frames with the local command's scoring path ({@link FrameScorer}). */
final class ScorePartition implements FlatMapFunction<Iterator<List<SparkFrame>>, ScoredFrame> {

    private static final long serialVersionUID = 1L;
    private final String runDir;

    ScorePartition(String runDir) {
        this.runDir = runDir;
    }

    @Override
    public Iterator<ScoredFrame> call(Iterator<List<SparkFrame>> groups) {
        TrainedModel model = ExecutorModels.get(runDir);
        List<SparkFrame> sent = new ArrayList<>();
        groups.forEachRemaining(sent::addAll);
        List<SurveyFrame> frames = sent.stream().map(SparkFrame::toSurveyFrame).toList();
        List<ScoredFrame> out = new ArrayList<>(frames.size());
        try {
            FrameScorer.run(model.inferenceNet(), frames, model.schema().outputNames(),
                    model.config().iteratorOptions(), 0, (first, probs, labels) -> {
                        double[][] rows = probs.toDoubleMatrix();
                        for (int i = 0; i < rows.length; i++) {
                            out.add(ScoredFrame.scored(sent.get(first + i).index(), rows[i]));
                        }
                    });
        } catch (DataException e) {
            // a corrupt image, say: the driver fails the job with this message, as predict does
            out.add(ScoredFrame.failed(e.getMessage()));
        }
        return out.iterator();
    }
}
