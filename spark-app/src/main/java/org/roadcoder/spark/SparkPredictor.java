package org.roadcoder.spark;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.predict.Predictor;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;

/**
 * {@code predict} as a Spark job: partitions of whole segments are scored on the executors, then the
 * driver streams them back in survey order (one partition in memory at a time) into the local
 * command's writer, so the output files are those of {@link Predictor#predict}.
 */
public final class SparkPredictor {

    private SparkPredictor() {
    }

    public static Predictor.Result predict(JavaSparkContext sc, Path runDir, TrainedModel model, Survey survey,
            Acceptance acceptance, Path outDir, int partitions) {
        List<SurveyFrame> all = survey.frames();
        List<List<SparkFrame>> groups = SegmentPartitions.split(all, partitions);
        JavaRDD<ScoredFrame> scored = sc.parallelize(groups, Math.max(1, groups.size()))
                .mapPartitions(new ScorePartition(runDir.toAbsolutePath().toString()));
        return Predictor.write(model, survey, acceptance, outDir, model.inferenceNet().format(), sink -> {
            int n = 0;
            for (Iterator<ScoredFrame> it = scored.toLocalIterator(); it.hasNext(); n++) {
                ScoredFrame f = it.next();
                if (f.error() != null) {
                    // the executor's error, naming file and frame: no output files, predict's exit code
                    throw new DataException(null, f.error());
                }
                sink.accept(all.get(f.index()), f.probabilities());
            }
            return n;
        });
    }
}
