package org.roadcoder.model.transfer;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How every layer's learning rate moves over a training run: {@code constant} (the proof of concept's Adam) or
 * {@code cosine} (from each layer's own rate down to 0 at the end of the last epoch, {@link CosineDecay}), so the
 * backbone's and the classifier's rates keep their ratio all the way down.
 */
public enum LearningRateSchedule {
    CONSTANT, COSINE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LearningRateSchedule fromId(String id) {
        for (LearningRateSchedule s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be constant or cosine, got " + id);
    }

    /**
     * Puts this schedule over {@code totalIterations} on every trainable layer of {@code net}, starting from the
     * rate the layer has (for a network that already carries a {@link CosineDecay}, from that decay's initial rate,
     * so applying it again, as a resumed run does, changes nothing but the length). Adam's moments are kept.
     * {@code constant} leaves the network alone.
     */
    public void apply(ComputationGraph net, int totalIterations) {
        if (this == CONSTANT) {
            return;
        }
        ComputationGraphUpdater before = net.getUpdater();
        INDArray state = before.getStateViewArray();
        List<UpdaterBlock> blocks = before.getUpdaterBlocks();
        for (Layer layer : net.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer conf) {
                decay(conf.getIUpdater(), totalIterations);
                decay(conf.getBiasUpdater(), totalIterations);
            }
        }
        // DL4J's own net.setLearningRate(layer, schedule) rebuilds the updater after each layer and, on a restored
        // network, fails inside NetworkUtils.rebuildUpdaterStateArray (a NullPointerException). Every layer's
        // schedule is set first instead, then the updater is rebuilt once: layers that shared a rate share a
        // schedule, so its blocks, and with them Adam's state layout, are the same as before.
        net.setUpdater(null);
        ComputationGraphUpdater after = net.getUpdater();
        List<UpdaterBlock> now = after.getUpdaterBlocks();
        if (!sameLayout(blocks, now)) {
            throw new IllegalStateException("the learning-rate schedule changed how Adam's state is laid out ("
                    + blocks.size() + " updater blocks before, " + now.size() + " after)");
        }
        if (state != null) {
            after.setStateViewArray(state);
        }
    }

    private static void decay(IUpdater updater, int totalIterations) {
        if (updater != null && updater.hasLearningRate()) {
            // a constant rate, or a CosineDecay's rate at iteration 0: its initial one
            updater.setLrAndSchedule(Double.NaN, new CosineDecay(updater.getLearningRate(0, 0), totalIterations));
        }
    }

    private static boolean sameLayout(List<UpdaterBlock> a, List<UpdaterBlock> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            UpdaterBlock x = a.get(i);
            UpdaterBlock y = b.get(i);
            if (x.getParamOffsetStart() != y.getParamOffsetStart() || x.getParamOffsetEnd() != y.getParamOffsetEnd()
                    || x.getUpdaterViewOffsetStart() != y.getUpdaterViewOffsetStart()
                    || x.getUpdaterViewOffsetEnd() != y.getUpdaterViewOffsetEnd()) {
                return false;
            }
        }
        return true;
    }
}
