package org.roadcoder.app.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roadcoder.data.DataException;
import org.roadcoder.data.split.RoadSplit;

/**
 * Where a model came from, saved as {@code provenance.json} beside it: enough to re-run it.
 *
 * @param survey           the survey folder trained on (absolute)
 * @param schema           the label schema file it was given (a copy is in labels.yaml)
 * @param labels           segments or truth
 * @param split            road ids per part: train, validation, test
 * @param weightsRequested the configured starting weights
 * @param weightsUsed      the weights actually used; differs only after a reported fall-back
 * @param weightsNote      why they differ, or null
 * @param versions         roadcoder, DL4J, Java
 * @param commandLine      the arguments of every train invocation of this run (resumes append)
 * @param epochs           epochs finished so far
 * @param bestEpoch        epoch of model.zip (1-based), 0 before the first
 * @param bestMacroF1      its validation macro-F1 over the exclusive groups
 * @param stopReason       why training ended, or null while it runs
 * @param trainingUnit     frame, or segment with its pooling (training.unit); null in runs older than it
 * @param trainedOn        where the epochs were fitted when not on this machine (spark-train: engine, master,
 *                         workers, averaging frequency, ...); null for the local train
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Provenance(String survey, String schema, String labels, Map<String, List<String>> split,
        String weightsRequested, String weightsUsed, String weightsNote, Map<String, String> versions,
        List<List<String>> commandLine, int epochs, int bestEpoch, double bestMacroF1, String stopReason,
        String trainingUnit, Map<String, String> trainedOn) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A new run's provenance before its first epoch: the survey and schema (absolute), the labels it
     * learns, the roads of each part of the split, the weights asked for and those really used, and
     * the command line.
     */
    public static Provenance start(Path survey, Path schema, String labels, RoadSplit split, String weightsRequested,
            String weightsUsed, String weightsNote, List<String> args) {
        Map<String, List<String>> roads = new LinkedHashMap<>();
        for (RoadSplit.Part part : RoadSplit.Part.values()) {
            roads.put(part.name().toLowerCase(Locale.ROOT), split.roads(part));
        }
        return new Provenance(survey.toAbsolutePath().normalize().toString(),
                schema.toAbsolutePath().normalize().toString(), labels, roads, weightsRequested, weightsUsed,
                weightsNote, currentVersions(), List.of(List.copyOf(args)), 0, 0, -1, null, null, null);
    }

    public Provenance withProgress(int doneEpochs, int best, double bestF1, String reason) {
        return new Provenance(survey, schema, labels, split, weightsRequested, weightsUsed, weightsNote, versions,
                commandLine, doneEpochs, best, bestF1, reason, trainingUnit, trainedOn);
    }

    /** The same provenance recording what the network learned from: frames, or segments and their pooling. */
    public Provenance withTrainingUnit(String unit) {
        return new Provenance(survey, schema, labels, split, weightsRequested, weightsUsed, weightsNote, versions,
                commandLine, epochs, bestEpoch, bestMacroF1, stopReason, unit, trainedOn);
    }

    /** The same provenance recording where the epochs were fitted (see {@code trainedOn}). */
    public Provenance withTrainedOn(Map<String, String> where) {
        return new Provenance(survey, schema, labels, split, weightsRequested, weightsUsed, weightsNote, versions,
                commandLine, epochs, bestEpoch, bestMacroF1, stopReason, trainingUnit,
                where == null ? null : new LinkedHashMap<>(where));
    }

    public Provenance withInvocation(List<String> args) {
        List<List<String>> all = new java.util.ArrayList<>(commandLine);
        all.add(List.copyOf(args));
        return new Provenance(survey, schema, labels, split, weightsRequested, weightsUsed, weightsNote, versions,
                all, epochs, bestEpoch, bestMacroF1, stopReason, trainingUnit, trainedOn);
    }

    public void save(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
    }

    public static Provenance read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Provenance.class);
        } catch (IOException e) {
            throw new DataException(file, "cannot read provenance: " + e.getMessage());
        }
    }

    /** roadcoder, DL4J and Java versions of this process. */
    public static Map<String, String> currentVersions() {
        String dl4j = org.deeplearning4j.nn.graph.ComputationGraph.class.getPackage().getImplementationVersion();
        return Map.of("roadcoder", "0.1.0", "dl4j", dl4j == null ? "1.0.0-M2.1" : dl4j,
                "java", System.getProperty("java.version"));
    }
}
