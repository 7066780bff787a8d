package org.roadcoder.data.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Generates a synthetic drive-through survey: roads whose attributes follow Markov chains, frames
 * rendered in perspective with what they really show ({@code frames_truth.csv}), and the coders'
 * 100-metre labels ({@code segments.csv}) with the real practice's noise. Same schema, same
 * options: the same bytes.
 *
 * <pre>{@code
 * SurveySummary s = new SurveySimulator(LabelSchema.load(schemaFile), SimulatorOptions.defaults())
 *         .run(dir, false, (roadsDone, roads, frames) -> { });
 * }</pre>
 */
public final class SurveySimulator {

    /** The label-count bar chart written beside the CSVs. */
    public static final String CHART = "label_counts.png";

    /** Called after each road. */
    @FunctionalInterface
    public interface Progress {
        void roadDone(int roadsDone, int roads, long framesDone);
    }

    private final SchemaBinding binding;
    private final SimulatorOptions options;
    private final RoadModel model;
    private final Seeds seeds;

    /** Checks that {@code schema} has what the world model needs (a {@link org.roadcoder.data.DataException} if not). */
    public SurveySimulator(LabelSchema schema, SimulatorOptions options) {
        this.binding = new SchemaBinding(schema);
        this.options = options;
        this.model = new RoadModel(new CategoryPriors(options.categoryWeights()));
        this.seeds = new Seeds(options.seed());
    }

    /** Writes the survey into {@code dir} (new or empty; with {@code overwrite}, a previous survey is replaced). */
    public SurveySummary run(Path dir, boolean overwrite, Progress progress) {
        long start = System.nanoTime();
        LabelCounts counts = new LabelCounts(binding);
        RoadRenderer renderer = new RoadRenderer(options.imageWidth(), options.imageHeight());
        CoderRule coder = new CoderRule(options.coderErrorRate());
        long frames = 0;
        try (SurveyWriter out = new SurveyWriter(dir, binding.header(), overwrite);
             FrameEncoder encoder = new FrameEncoder(options.jpegQuality())) {
            for (int r = 0; r < options.roads(); r++) {
                frames += road(r, out, renderer, encoder, coder, counts);
                progress.roadDone(r + 1, options.roads(), frames);
            }
            out.commit();
        }
        LabelChart.write(counts, "Segment labels: " + options.roads() + " simulated roads, seed " + options.seed(),
                dir.resolve(CHART));
        return new SurveySummary(dir, frames, counts, (System.nanoTime() - start) / 1e9);
    }

    private long road(int r, SurveyWriter out, RoadRenderer renderer, FrameEncoder encoder, CoderRule coder,
                      LabelCounts counts) {
        String roadId = id("r", r, Math.max(2, digits(options.roads())));
        int frameDigits = Math.max(4, digits(options.framesPerRoad()));
        int segmentDigits = Math.max(3, digits(options.segmentsPerRoad()));
        RoadFrames road = new RoadFrames(model.road(seeds.of(Seeds.Stream.WORLD, r, 0), options.segmentsPerRoad()),
                seeds.of(Seeds.Stream.CHANGE_POINTS, r, 0));
        Look look = Look.draw(seeds.of(Seeds.Stream.LOOK, r, 0));
        SplittableRandom coderRnd = seeds.of(Seeds.Stream.CODER, r, 0);
        GeoTrack geo = new GeoTrack(seeds.of(Seeds.Stream.GEO, r, 0));
        List<FrameState> segment = new ArrayList<>(SimulatorOptions.FRAMES_PER_SEGMENT);
        for (int g = 0; g < road.size(); g++) {
            FrameState f = road.frame(g);
            String segmentId = roadId + "-" + id("s", f.segment(), segmentDigits);
            SplittableRandom rnd = seeds.of(Seeds.Stream.FRAME, r, g);
            byte[] jpeg = encoder.encode(renderer.render(f, look, rnd), rnd);
            out.frame(roadId, roadId + "-" + id("f", g, frameDigits), segmentId, f.chainageM(),
                    geo.nextPosition(SimulatorOptions.FRAME_SPACING_M, f.detail(Attribute.CURVATURE)),
                    binding.row(f.values()), jpeg);
            segment.add(f);
            if (segment.size() == SimulatorOptions.FRAMES_PER_SEGMENT) {
                int[] label = coder.label(segment, coderRnd);
                int startM = f.segment() * SimulatorOptions.SEGMENT_LENGTH_M;
                out.segment(segmentId, roadId, startM, startM + SimulatorOptions.SEGMENT_LENGTH_M, binding.row(label));
                counts.add(label, segment);
                segment.clear();
            }
        }
        return road.size();
    }

    private static String id(String prefix, int n, int digits) {
        return prefix + String.format(Locale.ROOT, "%0" + digits + "d", n);
    }

    private static int digits(int n) {
        return String.valueOf(Math.max(0, n - 1)).length();
    }
}
