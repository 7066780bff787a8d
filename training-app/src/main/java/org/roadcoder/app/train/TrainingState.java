package org.roadcoder.app.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where training stands after a finished epoch; stored inside every checkpoint so that
 * {@code --resume} continues exactly where the run stopped.
 *
 * @param epoch         epochs finished
 * @param bestEpoch     the epoch whose network is the run's model: the one with the best validation score, or
 *                      the last one with {@code training.keep: last} (1-based; 0 before any)
 * @param bestMacroF1   that epoch's validation score; -1 before any epoch
 * @param sinceBest     epochs finished since the best one
 * @param firstLoss     mean training loss of the first epoch (the divergence reference); NaN before
 * @param stopReason    why training stopped, or null
 */
public record TrainingState(int epoch, int bestEpoch, double bestMacroF1, int sinceBest, double firstLoss,
        String stopReason) {

    static final String MODEL_ENTRY = "roadcoder-training-state";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static TrainingState start() {
        return new TrainingState(0, 0, -1, 0, Double.NaN, null);
    }

    /**
     * The state after epoch {@code epoch + 1} with its mean loss and validation score; with {@code keepLast} that
     * epoch is kept whatever its score.
     */
    TrainingState after(double loss, double macroF1, boolean keepLast) {
        int e = epoch + 1;
        boolean better = keepLast || macroF1 > bestMacroF1;
        return new TrainingState(e, better ? e : bestEpoch, better ? macroF1 : bestMacroF1, better ? 0 : sinceBest + 1,
                epoch == 0 ? loss : firstLoss, null);
    }

    boolean improvedLast() {
        return bestEpoch == epoch && epoch > 0;
    }

    TrainingState stopped(String reason) {
        return new TrainingState(epoch, bestEpoch, bestMacroF1, sinceBest, firstLoss, reason);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrainingState fromJson(String json) {
        try {
            return JSON.readValue(json, TrainingState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad training state in checkpoint: " + e.getOriginalMessage(), e);
        }
    }
}
