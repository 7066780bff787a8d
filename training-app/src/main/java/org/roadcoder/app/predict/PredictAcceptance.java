package org.roadcoder.app.predict;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.confidence.ValidationCurves;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.data.DataException;

/** The acceptance thresholds predict codes with (one place for the local command and the Spark job). */
public final class PredictAcceptance {

    private PredictAcceptance() {
    }

    /** Tunes on the run's validation roads and says what each attribute accepts; all review when it cannot. */
    public static Acceptance tune(TrainedModel model, double targetPrecision, PrintWriter stdout) {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new DataException(null, "--target-precision " + targetPrecision + ": expected a value in (0, 1]");
        }
        try {
            Acceptance a = Acceptance.tune(ValidationCurves.of(model), targetPrecision);
            model.layout().blocks().forEach(b -> stdout.printf(Locale.ROOT,
                    "accept %s %s (validation: %.0f%% of %d segments accepted)%n", b.name(),
                    Double.isFinite(a.threshold(b.name())) ? String.format(Locale.ROOT, "at confidence >= %.4f",
                            a.threshold(b.name())) : "never (no threshold reaches the target)",
                    100 * a.validation().get(b.name()).coverage(), a.validationSegments()));
            return a;
        } catch (DataException e) {
            stdout.println("warning: " + e.getMessage() + "; every code is marked review");
            return new Acceptance(targetPrecision, 0, Map.of());
        }
    }
}
