package org.roadcoder.model.bench;

/**
 * Runs one case on both sides at once, step by step: both children warm up, then timed steps
 * alternate DL4J, PyTorch, PyTorch, DL4J, ... (ABBA), so that whatever else the shared machine does
 * falls on both sides alike. Only one side computes at a time; the other waits on its stdin.
 */
final class InterleavedCase {

    private InterleavedCase() {
    }

    static SpeedRow run(SpeedCase c, SpeedSettings s) {
        String loadBefore = SpeedBenchmark.loadAverage();
        SteppedChild dl4j = ChildRun.dl4j(c, s);
        SteppedChild torch = s.torch() ? ChildRun.torch(c, s) : SteppedChild.failed("off");
        dl4j.awaitReady();
        torch.awaitReady();
        int n = s.iterationsFor(c);
        double[] dl4jSeconds = new double[n];
        double[] torchSeconds = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                dl4jSeconds[i] = dl4j.step();
                torchSeconds[i] = torch.step();
            } else {
                torchSeconds[i] = torch.step();
                dl4jSeconds[i] = dl4j.step();
            }
        }
        ChildResult torchResult = torch.finish();
        if (!torchResult.ok() && torchResult.failure().contains("TORCH_MISSING")) {
            torchResult = ChildResult.failed(String.format(ChildRun.TORCH_INSTALL, s.python()));
        }
        return new SpeedRow(c, s.batchFor(c), dl4jSeconds, torchSeconds, dl4j.finish(), torchResult,
                loadBefore + " -> " + SpeedBenchmark.loadAverage());
    }
}
