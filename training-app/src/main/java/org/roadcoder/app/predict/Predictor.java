package org.roadcoder.app.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.TrainedModel;
import org.roadcoder.app.scoring.FrameScorer;
import org.roadcoder.data.csv.CsvWriter;
import org.roadcoder.data.survey.SegmentInfo;
import org.roadcoder.data.survey.Survey;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.segment.SegmentCoder;

/**
 * Codes a survey with a trained model, streaming: each batch's frames are written to
 * {@code frame_predictions.csv} and each finished segment to {@code segment_codes.csv} as they come,
 * so memory does not grow with the survey. Both files appear (atomically) only when coding succeeded.
 */
public final class Predictor {

    public static final String FRAME_FILE = "frame_predictions.csv";
    public static final String SEGMENT_FILE = "segment_codes.csv";

    /** What was coded, how fast, and in which layout the network ran. */
    public record Result(int frames, int segments, double seconds, CNN2DFormat layout) {
        public double framesPerSecond() {
            return frames / Math.max(seconds, 1e-9);
        }
    }

    private Predictor() {
    }

    /** Where the frames' probabilities come from: feeds each scored frame, in survey order, to the sink. */
    @FunctionalInterface
    public interface FrameSource {
        /** @return the number of frames fed */
        int feed(BiConsumer<SurveyFrame, double[]> sink);
    }

    /** Codes the survey on this machine: {@link FrameScorer} over all frames, in order. */
    public static Result predict(TrainedModel model, Survey survey, Acceptance acceptance, Path outDir, int maxBatches) {
        List<SurveyFrame> all = survey.frames();
        InferenceNet net = model.inferenceNet();
        return write(model, survey, acceptance, outDir, net.format(), sink -> FrameScorer.run(net, all,
                model.schema().outputNames(), model.config().iteratorOptions(), maxBatches, (first, probs, labels) -> {
                    double[][] rows = probs.toDoubleMatrix();
                    for (int i = 0; i < rows.length; i++) {
                        sink.accept(all.get(first + i), rows[i]);
                    }
                }));
    }

    /**
     * Writes both files from frames scored elsewhere (a Spark job, for one): the frames must come in
     * survey order, each segment's frames together, as {@link FrameScorer} gives them.
     */
    public static Result write(TrainedModel model, Survey survey, Acceptance acceptance, Path outDir,
            CNN2DFormat layout, FrameSource source) {
        Map<String, SegmentInfo> known = survey.segments().stream()
                .collect(Collectors.toMap(SegmentInfo::segmentId, Function.identity()));
        SegmentCodeFormat format = new SegmentCodeFormat(model.schema(), model.layout(), acceptance);
        List<String> outputs = model.schema().outputNames();
        int[] counts = new int[2];
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        AtomicFiles.write(outDir.resolve(FRAME_FILE), framesTmp -> AtomicFiles.write(outDir.resolve(SEGMENT_FILE),
                segmentsTmp -> {
                    List<String> frameHeader = new ArrayList<>(List.of("frame_id", "segment_id"));
                    frameHeader.addAll(outputs);
                    try (CsvWriter frames = CsvWriter.open(framesTmp, frameHeader);
                         CsvWriter segments = CsvWriter.open(segmentsTmp, format.header())) {
                        SegmentStream stream = new SegmentStream(new SegmentCoder(model.layout(),
                                model.thresholds().forSegments(), model.pooling()),
                                coded -> {
                                    segments.row(format.row(info(coded, known), coded.code()));
                                    counts[1]++;
                                });
                        counts[0] = source.feed((f, p) -> {
                            frames.row(frameRow(f, p));
                            stream.add(f, p);
                        });
                        stream.flush();
                    }
                }));
        return new Result(counts[0], counts[1], (System.nanoTime() - t0) / 1e9, layout);
    }

    private static SegmentInfo info(SegmentStream.Coded coded, Map<String, SegmentInfo> known) {
        SegmentInfo info = known.get(coded.segmentId());
        if (info != null) {
            return info;
        }
        double start = coded.frames().stream().mapToDouble(SurveyFrame::chainageM).min().orElse(0);
        double end = coded.frames().stream().mapToDouble(SurveyFrame::chainageM).max().orElse(0) + 10;
        return new SegmentInfo(coded.segmentId(), coded.frames().get(0).roadId(), start, end, 0, List.of());
    }

    private static List<String> frameRow(SurveyFrame f, double[] p) {
        List<String> cells = new ArrayList<>(p.length + 2);
        cells.add(f.frameId());
        cells.add(f.segmentId());
        for (double v : p) {
            cells.add(String.format(Locale.ROOT, "%.5f", v));
        }
        return cells;
    }
}
