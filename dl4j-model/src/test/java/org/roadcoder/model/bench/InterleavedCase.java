package org.roadcoder.model.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;

/**
 * Runs one case on every side at once, step by step: one DL4J child per layout and one PyTorch child
 * warm up, then each round times one step of every side, in order (DL4J layouts, then PyTorch) on even
 * rounds and in reverse on odd ones (ABC CBA ...), so that whatever else the shared machine does falls
 * on all sides alike. Only one side computes at a time; the others wait on their stdin. Every DL4J
 * layout is compared with the PyTorch step of the same round.
 */
final class InterleavedCase {

    private InterleavedCase() {
    }

    /** One row per DL4J layout, all against the same PyTorch steps. */
    static List<SpeedRow> run(SpeedCase c, SpeedSettings s) {
        String loadBefore = SpeedBenchmark.loadAverage();
        List<CNN2DFormat> formats = s.formatsFor(c);
        List<SteppedChild> sides = new ArrayList<>();
        formats.forEach(f -> sides.add(ChildRun.dl4j(c, f, s)));
        sides.add(s.torch() ? ChildRun.torch(c, s) : SteppedChild.failed("off"));
        sides.forEach(SteppedChild::awaitReady);
        int n = s.iterationsFor(c);
        double[][] seconds = new double[sides.size()][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < sides.size(); k++) {
                int side = i % 2 == 0 ? k : sides.size() - 1 - k;
                seconds[side][i] = sides.get(side).step();
            }
        }
        int torchSide = sides.size() - 1;
        ChildResult torchResult = sides.get(torchSide).finish();
        if (!torchResult.ok() && torchResult.failure().contains("TORCH_MISSING")) {
            torchResult = ChildResult.failed(String.format(ChildRun.TORCH_INSTALL, s.python()));
        }
        List<ChildResult> dl4j = new ArrayList<>();
        for (int k = 0; k < torchSide; k++) {
            dl4j.add(sides.get(k).finish());
        }
        String load = loadBefore + " -> " + SpeedBenchmark.loadAverage();
        List<SpeedRow> rows = new ArrayList<>();
        for (int k = 0; k < torchSide; k++) {
            rows.add(new SpeedRow(c, formats.get(k), s.batchFor(c), seconds[k], seconds[torchSide], dl4j.get(k),
                    torchResult, load));
        }
        return rows;
    }
}
