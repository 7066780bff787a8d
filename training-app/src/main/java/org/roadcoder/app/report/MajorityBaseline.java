package org.roadcoder.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.data.DataException;
import org.roadcoder.model.OutputLayout;

/**
 * The majority-class baseline: every example gets each group's most frequent category of the
 * reference labels (the training roads): what a model must clearly beat to have learnt anything.
 * {@code train} saves it in the run, so any survey evaluated later is judged against the training
 * roads' majorities, not its own.
 */
public final class MajorityBaseline {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final double[] row;

    private MajorityBaseline(double[] row) {
        this.row = row;
    }

    /** @param reference label rows (0/1, one-hot per exclusive block) the majorities are counted on */
    public static MajorityBaseline of(OutputLayout layout, double[][] reference) {
        double[] row = new double[layout.size()];
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() == OutputLayout.Kind.SIGMOID) {
                long positive = 0;
                for (double[] y : reference) {
                    positive += y[b.offset()] > 0.5 ? 1 : 0;
                }
                row[b.offset()] = positive * 2 > reference.length ? 1 : 0;
            } else {
                int best = 0;
                long bestCount = -1;
                for (int c = 0; c < b.size(); c++) {
                    long count = 0;
                    for (double[] y : reference) {
                        count += y[b.offset() + c] > 0.5 ? 1 : 0;
                    }
                    if (count > bestCount) {
                        bestCount = count;
                        best = c;
                    }
                }
                row[b.offset() + best] = 1;
            }
        }
        return new MajorityBaseline(row);
    }

    /** The baseline's answer for every example: 1 on each group's majority output. */
    public double[] row() {
        return row.clone();
    }

    /** Saves the baseline beside a model ({@code baseline.json}), so another survey is judged against it. */
    public void save(Path file, List<String> outputNames) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            named.put(outputNames.get(i), row[i]);
        }
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(Map.of("counted_on", "training roads", "majority",
                    named)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the majority baseline", e);
        }
    }

    /** Reads what {@link #save} wrote; a missing output is an error naming the file. */
    public static MajorityBaseline read(Path file, List<String> outputNames) {
        JsonNode named;
        try {
            named = JSON.readTree(file.toFile()).get("majority");
        } catch (IOException e) {
            throw new DataException(file, "cannot read the majority baseline: " + e.getMessage(), e);
        }
        double[] row = new double[outputNames.size()];
        for (int i = 0; i < row.length; i++) {
            JsonNode v = named == null ? null : named.get(outputNames.get(i));
            if (v == null || !v.isNumber()) {
                throw new DataException(file, "no majority value for output " + outputNames.get(i));
            }
            row[i] = v.asDouble();
        }
        return new MajorityBaseline(row);
    }

    /** The baseline's "probabilities" for {@code n} examples: the same row for each. */
    public double[][] predictions(int n) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = row.clone();
        }
        return p;
    }
}
