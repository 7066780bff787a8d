package org.roadcoder.model.featurize;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A head's outputs over saved features, one row per example, with the features' labels: what scoring
 * a head and tuning its flag thresholds on validation features share.
 *
 * @param probabilities the head's outputs (inference mode)
 * @param labels        the saved labels, row for row
 */
public record HeadOutputs(INDArray probabilities, INDArray labels) {

    /** Runs {@code head} (a graph that reads features, {@link HeadTrainer#head()}) over every batch of {@code features}. */
    public static HeadOutputs of(ComputationGraph head, DataSetIterator features) {
        features.reset();
        List<INDArray> p = new ArrayList<>();
        List<INDArray> y = new ArrayList<>();
        while (features.hasNext()) {
            DataSet ds = features.next();
            p.add(head.outputSingle(false, ds.getFeatures()));
            y.add(ds.getLabels());
        }
        return new HeadOutputs(Nd4j.vstack(p.toArray(INDArray[]::new)), Nd4j.vstack(y.toArray(INDArray[]::new)));
    }
}
