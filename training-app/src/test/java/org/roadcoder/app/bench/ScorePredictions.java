package org.roadcoder.app.bench;

import java.nio.file.Path;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Scores one {@code frame_predictions.csv} against a test survey with the quality bench's metric definition
 * ({@link PredictionScores}): {@code ScorePredictions PREDICTIONS SURVEY [SCHEMA]}. Used for the experiments
 * of docs/quality.md.
 */
public final class ScorePredictions {

    private ScorePredictions() {
    }

    public static void main(String[] args) {
        LabelSchema schema = LabelSchema.load(Path.of(args.length > 2 ? args[2] : "data/labels.yaml"));
        PredictionScores s = PredictionScores.score(Path.of(args[0]), Path.of(args[1]), schema);
        System.out.printf("frames %d: macro-F1 %.4f, mean flag F1 %.4f, all groups %.4f; segments %d: macro-F1 %.4f,"
                        + " mean flag F1 %.4f; point objects (frames) crossing %.3f, intersection %.3f%n",
                s.frameCount(), s.frames().metric("macro_f1"), s.frames().metric("mean_flag_f1"),
                s.frames().metric("all_groups_f1"), s.segmentCount(), s.segments().metric("macro_f1"),
                s.segments().metric("mean_flag_f1"), s.frames().metric("f1/pedestrian_crossing"),
                s.frames().metric("f1/intersection"));
    }
}
