package org.roadcoder.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;
import org.roadcoder.app.run.Layouts;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.Evaluator;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.SegmentPooling;

/**
 * The one metric definition of the quality bench: a {@code frame_predictions.csv} (roadcoder's format,
 * written by {@code predict} and by the PyTorch reference alike) scored against a test survey's
 * {@code frames_truth.csv} (frames) and {@code segments.csv} (100-m segments, frames pooled as
 * {@code predict} codes them). Flags at threshold 0.5 for both, so neither side profits from tuning.
 *
 * @param frames   frame-level scores against frame truth
 * @param segments segment-level scores against the coders' labels
 */
record PredictionScores(Evaluation frames, Evaluation segments, int frameCount, int segmentCount) {

    static PredictionScores score(Path predictions, Path survey, LabelSchema schema) {
        OutputLayout layout = Layouts.of(schema);
        Map<String, double[]> byFrame = read(predictions, schema.outputNames());
        List<SurveyFrame> truth = Survey.load(survey, schema, ReadOptions.defaults().withLabels(LabelSource.FRAME_TRUTH))
                .frames();
        List<SurveyFrame> coded = Survey.load(survey, schema, ReadOptions.defaults()).frames();
        double[][] p = new double[truth.size()][];
        double[][] y = new double[truth.size()][];
        for (int i = 0; i < truth.size(); i++) {
            SurveyFrame f = truth.get(i);
            p[i] = byFrame.get(f.frameId());
            if (p[i] == null) {
                throw new DataException(predictions, "no prediction for frame " + f.frameId() + " of " + survey);
            }
            y[i] = toDouble(f.labels());
        }
        Evaluation frameEval = Evaluator.evaluate(layout, p, y, Thresholds.defaults());
        double[][] pc = coded.stream().map(f -> byFrame.get(f.frameId())).toArray(double[][]::new);
        List<String> segmentIds = coded.stream().map(SurveyFrame::segmentId).toList();
        SegmentPooling.Pooled pooled = SegmentPooling.pool(layout, segmentIds, pc);
        Map<String, float[]> segmentLabels = new HashMap<>();
        coded.forEach(f -> segmentLabels.putIfAbsent(f.segmentId(), f.labels()));
        double[][] segTruth = new double[pooled.rows().length][];
        for (int i = 0; i < segTruth.length; i++) {
            segTruth[i] = toDouble(segmentLabels.get(pooled.segmentIds().get(i)));
        }
        Evaluation segEval = Evaluator.evaluate(layout, pooled.rows(), segTruth, Thresholds.defaults());
        return new PredictionScores(frameEval, segEval, p.length, segTruth.length);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            d[j] = v[j];
        }
        return d;
    }

    /** frame id -> probabilities in schema output order; the header must name every output. */
    private static Map<String, double[]> read(Path file, List<String> outputs) {
        try {
            List<String> header = List.of(Files.readAllLines(file).get(0).split(","));
            int[] column = new int[outputs.size()];
            for (int k = 0; k < outputs.size(); k++) {
                column[k] = header.indexOf(outputs.get(k));
                if (column[k] < 0) {
                    throw new DataException(file, "header has no column '" + outputs.get(k) + "'");
                }
            }
            CSVRecordReader reader = new CSVRecordReader(1, ',');
            reader.initialize(new FileSplit(file.toFile()));
            Map<String, double[]> rows = new HashMap<>();
            while (reader.hasNext()) {
                List<Writable> r = new ArrayList<>(reader.next());
                double[] v = new double[column.length];
                for (int k = 0; k < column.length; k++) {
                    v[k] = Double.parseDouble(r.get(column[k]).toString());
                }
                rows.put(r.get(0).toString(), v);
            }
            return rows;
        } catch (IOException | InterruptedException e) {
            throw new DataException(file, "cannot read predictions: " + e.getMessage(), e);
        }
    }
}
