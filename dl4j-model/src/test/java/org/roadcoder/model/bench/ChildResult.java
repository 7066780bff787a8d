package org.roadcoder.model.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one child process reported: its {@code RESULT key=value ...} line, or why there is none.
 *
 * @param values  the RESULT line's values by key; empty when the child failed
 * @param failure null when the child reported a result; otherwise a short reason
 */
record ChildResult(Map<String, String> values, String failure) {

    static final String PREFIX = "RESULT ";

    ChildResult {
        values = Map.copyOf(values);
    }

    static ChildResult failed(String reason) {
        return new ChildResult(Map.of(), reason);
    }

    /** The last RESULT line of a child's output, or a failure quoting its first exception (else its last line). */
    static ChildResult parse(List<String> output, int exitCode) {
        for (int i = output.size() - 1; i >= 0; i--) {
            String line = output.get(i);
            if (line.startsWith(PREFIX)) {
                Map<String, String> values = new HashMap<>();
                for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                return new ChildResult(values, null);
            }
        }
        String reason = output.stream().filter(l -> l.contains("Exception") || l.contains("Error")
                || l.startsWith("TORCH_MISSING")).findFirst()
                .orElse(output.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)"));
        return failed("exit " + exitCode + ": " + reason.trim());
    }

    boolean ok() {
        return failure == null;
    }

    /** A numeric value, NaN when absent or when the child failed. */
    double number(String key) {
        String v = values.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    String text(String key) {
        return values.getOrDefault(key, "");
    }
}
