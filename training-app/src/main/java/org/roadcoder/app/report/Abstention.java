package org.roadcoder.app.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.confidence.AcceptanceCurve;
import org.roadcoder.app.confidence.CodedSegment;
import org.roadcoder.model.OutputLayout;

/**
 * What the acceptance thresholds (tuned on the validation roads) do on the evaluated segments, per attribute:
 * the share of segments that need review, and how precise the accepted codes are; with each attribute's
 * coverage-precision curve on the evaluated segments.
 */
public record Abstention(double targetPrecision, Map<String, Group> groups) {

    /**
     * @param threshold          the confidence a code needs to be accepted ({@code +inf}: none reaches the target)
     * @param validationCoverage the share accepted on the validation roads
     * @param reviewShare        the share of evaluated segments whose code needs review
     * @param acceptedPrecision  the precision of the accepted codes on the evaluated segments (NaN: none accepted)
     */
    public record Group(double threshold, double validationCoverage, double reviewShare, double acceptedPrecision,
                        AcceptanceCurve curve) {
    }

    public static Abstention of(OutputLayout layout, Acceptance acceptance, List<CodedSegment> segments) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (OutputLayout.Block b : layout.blocks()) {
            AcceptanceCurve curve = AcceptanceCurve.of(b, segments);
            double t = acceptance.threshold(b.name());
            AcceptanceCurve.Cut at = curve.at(t);
            AcceptanceCurve.Cut v = acceptance.validation().get(b.name());
            groups.put(b.name(), new Group(t, v == null ? 0 : v.coverage(), 1 - at.coverage(), at.precision(), curve));
        }
        return new Abstention(acceptance.targetPrecision(), groups);
    }

    /** For metrics.json: numbers only, {@code null} for infinities and NaN. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target_precision", targetPrecision);
        m.put("confidence", "probability of the chosen category (exclusive: mean over frames; flag: max, or 1 - max when absent)");
        Map<String, Object> g = new LinkedHashMap<>();
        groups.forEach((name, x) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", finite(x.threshold()));
            row.put("validation_coverage", x.validationCoverage());
            row.put("review_share", x.reviewShare());
            row.put("accepted_precision", finite(x.acceptedPrecision()));
            g.put(name, row);
        });
        m.put("groups", g);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
