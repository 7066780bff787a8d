package org.roadcoder.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;

/**
 * A {@link SparkComputationGraph} that keeps the mean of the scores it is given over an epoch. The parameter
 * averaging master sets the score once per averaging round (the workers' mean loss on their last minibatch of the
 * round); with averaging after every minibatch this mean is the local trainer's epoch loss (mean minibatch loss).
 */
final class EpochScore extends SparkComputationGraph {

    private static final long serialVersionUID = 1L;
    private double sum;
    private int rounds;

    EpochScore(JavaSparkContext sc, ComputationGraph net, TrainingMaster<?, ?> master) {
        super(sc, net, master);
    }

    @Override
    public void setScore(double score) {
        super.setScore(score);
        sum += score;
        rounds++;
    }

    /** Mean score over the averaging rounds since this graph was made; NaN before any. */
    double mean() {
        return rounds == 0 ? Double.NaN : sum / rounds;
    }

    int rounds() {
        return rounds;
    }
}
