package org.roadcoder.app.bench;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training listener that passes every call on to another one and adds up the time those calls take:
 * wall time, and the CPU time of the whole process (every ND4J thread), which a loaded machine
 * distorts less.
 */
final class TimedListener implements TrainingListener {

    private final TrainingListener inner;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private long nanos;
    private long cpuNanos;

    TimedListener(TrainingListener inner) {
        this.inner = inner;
    }

    void reset() {
        nanos = 0;
        cpuNanos = 0;
    }

    /** Process CPU seconds spent in the inner listener since the last {@link #reset()}. */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    static double processCpuSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    /** Seconds spent in the inner listener since the last {@link #reset()}. */
    double seconds() {
        return nanos / 1e9;
    }

    private void timed(Runnable call) {
        long c0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        call.run();
        nanos += System.nanoTime() - t0;
        cpuNanos += OS.getProcessCpuTime() - c0;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        timed(() -> inner.iterationDone(model, iteration, epoch));
    }

    @Override
    public void onEpochStart(Model model) {
        timed(() -> inner.onEpochStart(model));
    }

    @Override
    public void onEpochEnd(Model model) {
        timed(() -> inner.onEpochEnd(model));
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        timed(() -> inner.onForwardPass(model, activations));
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        timed(() -> inner.onForwardPass(model, activations));
    }

    @Override
    public void onGradientCalculation(Model model) {
        timed(() -> inner.onGradientCalculation(model));
    }

    @Override
    public void onBackwardPass(Model model) {
        timed(() -> inner.onBackwardPass(model));
    }
}
