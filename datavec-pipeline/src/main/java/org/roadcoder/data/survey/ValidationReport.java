package org.roadcoder.data.survey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.roadcoder.data.DataException;

/** Everything found wrong with a survey, errors and warnings, in the order found. */
public final class ValidationReport {

    private static final int MAX_IN_MESSAGE = 20;

    private final Path surveyDir;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> skippedFrames = new ArrayList<>();

    public ValidationReport(Path surveyDir) {
        this.surveyDir = surveyDir;
    }

    void add(Problem p) {
        problems.add(p);
    }

    void skipped(String frameId, Problem why) {
        skippedFrames.add(frameId);
        problems.add(new Problem(Problem.Severity.WARNING, why.file(), why.line(), why.column(), why.value(),
                "frame " + frameId + " skipped: " + why.message()));
    }

    public Path surveyDir() {
        return surveyDir;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** Frames left out in skip-bad-frames mode. */
    public List<String> skippedFrames() {
        return List.copyOf(skippedFrames);
    }

    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    /** Throws a {@link DataException} listing the errors (the first 20 and a count) if there are any. */
    public void throwIfInvalid() {
        List<Problem> errors = errors();
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(errors.size() == 1 ? "1 error" : errors.size() + " errors");
        sb.append(" in survey:");
        errors.stream().limit(MAX_IN_MESSAGE).forEach(p -> sb.append(System.lineSeparator()).append("  ").append(p));
        if (errors.size() > MAX_IN_MESSAGE) {
            sb.append(System.lineSeparator()).append("  ... and ").append(errors.size() - MAX_IN_MESSAGE).append(" more");
        }
        throw new DataException(surveyDir, sb.toString());
    }
}
