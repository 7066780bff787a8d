package org.roadcoder.app.confidence;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.roadcoder.model.OutputLayout;

/**
 * One attribute's coverage-precision curve: accepting the codes whose confidence reaches a threshold,
 * which share of segments is accepted (coverage) and which share of those is right (precision).
 */
public final class AcceptanceCurve {

    /** The threshold chosen for a target precision and what it gives; threshold {@code +inf}: accept none. */
    public record Cut(double threshold, double coverage, double precision) {
    }

    private final double[] confidence;
    private final boolean[] correct;

    /** @param confidence one per segment; {@code correct[i]}: whether segment i's code was right */
    public AcceptanceCurve(double[] confidence, boolean[] correct) {
        Integer[] order = new Integer[confidence.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -confidence[i]));
        this.confidence = new double[order.length];
        this.correct = new boolean[order.length];
        for (int k = 0; k < order.length; k++) {
            this.confidence[k] = confidence[order[k]];
            this.correct[k] = correct[order[k]];
        }
    }

    public static AcceptanceCurve of(OutputLayout.Block block, List<CodedSegment> segments) {
        double[] conf = new double[segments.size()];
        boolean[] ok = new boolean[segments.size()];
        for (int i = 0; i < conf.length; i++) {
            conf[i] = Confidence.of(block, segments.get(i).code());
            ok[i] = segments.get(i).correct(block);
        }
        return new AcceptanceCurve(conf, ok);
    }

    /** The confidences, most confident first. */
    public double[] confidences() {
        return confidence.clone();
    }

    /** Whether each code was right, in the order of {@link #confidences()}. */
    public boolean[] rights() {
        return correct.clone();
    }

    public int size() {
        return confidence.length;
    }

    /**
     * The lowest threshold (widest coverage) at which the accepted codes are at least {@code target} precise;
     * only thresholds at observed confidences count, so ties are accepted or refused together.
     */
    public Cut cut(double target) {
        Cut best = new Cut(Double.POSITIVE_INFINITY, 0, Double.NaN);
        int right = 0;
        for (int k = 0; k < confidence.length; k++) {
            right += correct[k] ? 1 : 0;
            boolean endOfTie = k == confidence.length - 1 || confidence[k + 1] < confidence[k];
            double precision = (double) right / (k + 1);
            if (endOfTie && precision >= target) {
                best = new Cut(confidence[k], (double) (k + 1) / confidence.length, precision);
            }
        }
        return best;
    }

    /** What {@code threshold} (tuned elsewhere) gives on these segments. */
    public Cut at(double threshold) {
        int accepted = 0;
        int right = 0;
        for (int k = 0; k < confidence.length; k++) {
            if (confidence[k] >= threshold) {
                accepted++;
                right += correct[k] ? 1 : 0;
            }
        }
        return new Cut(threshold, confidence.length == 0 ? 0 : (double) accepted / confidence.length,
                accepted == 0 ? Double.NaN : (double) right / accepted);
    }

    /** The curve's points, most confident first: {coverage[], precision[]}. */
    public double[][] points() {
        double[] cov = new double[confidence.length];
        double[] prec = new double[confidence.length];
        int right = 0;
        for (int k = 0; k < confidence.length; k++) {
            right += correct[k] ? 1 : 0;
            cov[k] = (double) (k + 1) / confidence.length;
            prec[k] = (double) right / (k + 1);
        }
        return new double[][] {cov, prec};
    }
}
