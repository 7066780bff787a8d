package org.roadcoder.app.train;

import java.io.PrintWriter;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.Thresholds;

/**
 * What a run keeps after every epoch, in an order that a crash at any point leaves consistent:
 * the best model first (if this epoch is the best), then the checkpoint, then history and provenance.
 * A resumed run restarts from the checkpoint, which is never newer than the model it implies.
 */
public final class RunRecorder implements Trainer.EpochListener {

    private final RunFolder run;
    private final PrintWriter out;
    private final int epochs;
    private Provenance provenance;
    private TrainingState last;

    public RunRecorder(RunFolder run, Provenance provenance, int epochs, PrintWriter out) {
        this.run = run;
        this.provenance = provenance;
        this.epochs = epochs;
        this.out = out;
    }

    @Override
    public void epochEnded(ComputationGraph net, TrainingState state, double loss, Evaluation validation,
            double seconds) {
        last = state;
        if (state.improvedLast()) {
            Checkpoints.saveModel(net, Thresholds.defaults(), run.model());
        }
        Checkpoints.saveCheckpoint(net, state, run.checkpoint());
        History.record(run.history(), state.epoch(), loss, validation.metric("macro_f1"), seconds);
        provenance = provenance.withProgress(state.epoch(), state.bestEpoch(), state.bestMacroF1(), null);
        provenance.save(run.provenance());
        out.printf("epoch %d/%d: loss %.4f, validation macro-F1 %.4f, all-groups F1 %.4f%s, %.1f s%n", state.epoch(),
                epochs, loss, validation.metric("macro_f1"), validation.metric(Evaluation.SELECTION),
                state.improvedLast() ? " (best)" : "", seconds);
        out.flush();
    }

    /** Records that training diverged after the last finished epoch (or before the first: {@code start}). */
    public void diverged(TrainingState start, String message) {
        finished((last == null ? start : last).stopped("diverged: " + message));
    }

    /** Records why training ended. */
    public void finished(TrainingState state) {
        provenance = provenance.withProgress(state.epoch(), state.bestEpoch(), state.bestMacroF1(), state.stopReason());
        provenance.save(run.provenance());
    }

    public Provenance provenance() {
        return provenance;
    }
}
