package org.roadcoder.app.confidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.SegmentCoder;

/**
 * The run's coverage-precision curve of every attribute on its validation roads' segments (against
 * segments.csv), scored once and kept as {@code RUN/validation_confidence.json} until model.zip changes.
 */
public final class ValidationCurves {

    public static final String FILE = "validation_confidence.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidationCurves() {
    }

    public static Map<String, AcceptanceCurve> of(TrainedModel model) {
        Path file = model.run().dir().resolve(FILE);
        String stamp = stamp(model.run().model());
        try {
            if (Files.isRegularFile(file)) {
                Map<?, ?> saved = JSON.readValue(file.toFile(), Map.class);
                if (stamp.equals(saved.get("model"))) {
                    return read((Map<?, ?>) saved.get("groups"));
                }
            }
        } catch (IOException e) {
            // scored again below and written anew
        }
        Map<String, AcceptanceCurve> curves = score(model);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", stamp);
        Map<String, Object> groups = new LinkedHashMap<>();
        curves.forEach((g, c) -> groups.put(g, Map.of("confidence", c.confidences(), "correct", c.rights())));
        out.put("groups", groups);
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(out));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return curves;
    }

    private static Map<String, AcceptanceCurve> score(TrainedModel model) {
        Provenance p = Provenance.read(model.run().provenance());
        Path survey = Path.of(p.survey());
        Set<String> roads = Set.copyOf(p.split().getOrDefault("validation", List.of()));
        if (!Files.isDirectory(survey) || roads.isEmpty()) {
            throw new DataException(model.run().provenance(), "acceptance thresholds are tuned on the run's validation "
                    + "roads, but its survey " + survey + " is not there or has no validation roads");
        }
        Survey s = Survey.load(survey, model.schema(), ReadOptions.defaults());
        List<SurveyFrame> frames = s.frames().stream().filter(f -> roads.contains(f.roadId())).toList();
        FrameScorer.Scores scores = FrameScorer.score(model.inferenceNet(), frames, model.schema().outputNames(),
                model.config().iteratorOptions(), 0);
        Map<String, float[]> labels = new HashMap<>();
        frames.forEach(f -> labels.putIfAbsent(f.segmentId(), f.labels()));
        List<CodedSegment> coded = CodedSegment.code(
                new SegmentCoder(model.layout(), model.thresholds().forSegments(), model.pooling()),
                frames.stream().map(SurveyFrame::segmentId).toList(), scores.probabilities(), labels);
        Map<String, AcceptanceCurve> curves = new LinkedHashMap<>();
        for (OutputLayout.Block b : model.layout().blocks()) {
            curves.put(b.name(), AcceptanceCurve.of(b, coded));
        }
        return curves;
    }

    private static Map<String, AcceptanceCurve> read(Map<?, ?> groups) {
        Map<String, AcceptanceCurve> curves = new LinkedHashMap<>();
        groups.forEach((g, v) -> {
            List<?> conf = (List<?>) ((Map<?, ?>) v).get("confidence");
            List<?> ok = (List<?>) ((Map<?, ?>) v).get("correct");
            double[] c = new double[conf.size()];
            boolean[] r = new boolean[ok.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = ((Number) conf.get(i)).doubleValue();
                r[i] = (Boolean) ok.get(i);
            }
            curves.put((String) g, new AcceptanceCurve(c, r));
        });
        return curves;
    }

    private static String stamp(Path model) {
        try {
            return Files.size(model) + "@" + Files.getLastModifiedTime(model).toMillis();
        } catch (IOException e) {
            throw new DataException(model, "cannot read the model: " + e.getMessage(), e);
        }
    }
}
