package org.roadcoder.app.confidence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per attribute, the confidence a code needs to be {@code accepted} without review, tuned on the validation
 * roads' segments so that the accepted codes there reach {@code targetPrecision}; the rest are {@code review}.
 *
 * @param validation per group, the cut chosen on the validation segments (threshold, coverage, precision)
 */
public record Acceptance(double targetPrecision, int validationSegments, Map<String, AcceptanceCurve.Cut> validation) {

    /** The default {@code --target-precision}, as picocli's default value needs it. */
    public static final String DEFAULT_TARGET = "0.95";
    public static final String ACCEPTED = "accepted";
    public static final String REVIEW = "review";

    public Acceptance {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision " + targetPrecision + ": expected a value in (0, 1]");
        }
        validation = Map.copyOf(validation);
    }

    /** Tunes a threshold per group on the validation curves. */
    public static Acceptance tune(Map<String, AcceptanceCurve> validationCurves, double targetPrecision) {
        Map<String, AcceptanceCurve.Cut> cuts = new LinkedHashMap<>();
        validationCurves.forEach((g, c) -> cuts.put(g, c.cut(targetPrecision)));
        int n = validationCurves.values().stream().mapToInt(AcceptanceCurve::size).max().orElse(0);
        return new Acceptance(targetPrecision, n, cuts);
    }

    public double threshold(String group) {
        AcceptanceCurve.Cut c = validation.get(group);
        return c == null ? Double.POSITIVE_INFINITY : c.threshold();
    }

    public String status(String group, double confidence) {
        return confidence >= threshold(group) ? ACCEPTED : REVIEW;
    }
}
