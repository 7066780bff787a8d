package org.roadcoder.app.bench;

import java.nio.file.Path;

/**
 * One side's training run for one seed.
 *
 * @param predictions    the test survey's frame_predictions.csv
 * @param trainSeconds   wall time of training (roadcoder: the train command, with its per-epoch validation)
 * @param imagesPerSecond training frames x epochs / trainSeconds
 * @param scores         the bench's scores of {@code predictions}; null until scored
 */
record SideResult(Path predictions, double trainSeconds, double imagesPerSecond, PredictionScores scores) {

    SideResult scored(PredictionScores s) {
        return new SideResult(predictions, trainSeconds, imagesPerSecond, s);
    }
}
