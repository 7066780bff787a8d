package org.roadcoder.data.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Every attribute must be recoverable from the pixels: a kernel ridge classifier on simple image
 * statistics, trained on the frames of some roads and scored on other roads, beats the majority
 * class of every exclusive group clearly. Frames go through the real renderer, sensor noise and
 * JPEG; categories are made about equally frequent so that "beats the majority" means something.
 */
class LearnabilityTest {

    private static final int ROADS = 360;
    private static final int TRAIN_ROADS = 250;
    private static final int SIZE = 96;
    /** Frames kept per 100-m road: neighbours are near-duplicates, many short roads give variety. */
    private static final int[] FRAMES = {1, 5, 8};
    private static final Map<String, Double> BALANCED = Map.ofEntries(
            Map.entry("curvature=moderate", 2.0), Map.entry("curvature=sharp", 3.0),
            Map.entry("bicycle_facilities=on_road_lane", 3.0), Map.entry("bicycle_facilities=off_road_path", 2.5),
            Map.entry("lane_width=narrow", 1.8), Map.entry("number_of_lanes=three_or_more", 1.5),
            Map.entry("median_type=centre_line", 0.2), Map.entry("median_type=wire_rope_safety_barrier", 3.0),
            Map.entry("median_type=continuous_central_turning_lane", 2.0),
            Map.entry("pedestrian_crossing=present", 4.0), Map.entry("intersection=present", 3.0));

    private record Sample(int road, int[] truth, double[] features) {
    }

    @Test
    void everyExclusiveGroupIsRecoverableFromThePixelsOnHeldOutRoads() throws IOException {
        List<Sample> samples = render();
        List<Sample> train = samples.stream().filter(s -> s.road() < TRAIN_ROADS).toList();
        List<Sample> test = samples.stream().filter(s -> s.road() >= TRAIN_ROADS).toList();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-20s %9s %9s%n", "group", "accuracy",
                "majority"));
        List<String> failures = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            KernelRidge model = new KernelRidge(train.stream().map(Sample::features).toArray(double[][]::new),
                    a == Attribute.CURVATURE ? PixelFeatures.weights(0.5, 2) : PixelFeatures.weights(1, 1),
                    train.stream().mapToInt(s -> s.truth()[a.ordinal()]).toArray(), a.size(), 0.1);
            int[] counts = new int[a.size()];
            int correct = 0;
            for (Sample s : test) {
                counts[s.truth()[a.ordinal()]]++;
                correct += model.predict(s.features()) == s.truth()[a.ordinal()] ? 1 : 0;
            }
            double accuracy = correct / (double) test.size();
            double majority = java.util.Arrays.stream(counts).max().orElseThrow() / (double) test.size();
            boolean exclusive = a.size() > 2;
            table.append(String.format(Locale.ROOT, "%-20s %9.3f %9.3f%s%n", a.group, accuracy, majority,
                    exclusive ? "" : "  (flag)"));
            if (exclusive && accuracy < majority + 0.1) {
                failures.add(a.group);
            }
        }
        System.out.println("learnability, " + train.size() + " training frames, " + test.size()
                + " held-out frames from " + (ROADS - TRAIN_ROADS) + " other roads, " + SIZE + "x" + SIZE + "\n" + table);
        assertThat(failures).as("groups not clearly above their majority rate:\n" + table).isEmpty();
    }

    private static List<Sample> render() throws IOException {
        SimulatorOptions options = SimulatorOptions.defaults().withCategoryWeights(BALANCED);
        RoadModel model = new RoadModel(new CategoryPriors(options.categoryWeights()));
        Seeds seeds = new Seeds(2024);
        RoadRenderer renderer = new RoadRenderer(SIZE, SIZE);
        List<Sample> out = new ArrayList<>();
        try (FrameEncoder encoder = new FrameEncoder(options.jpegQuality())) {
            for (int r = 0; r < ROADS; r++) {
                RoadFrames road = new RoadFrames(model.road(seeds.of(Seeds.Stream.WORLD, r, 0), 1),
                        seeds.of(Seeds.Stream.CHANGE_POINTS, r, 0));
                Look look = Look.draw(seeds.of(Seeds.Stream.LOOK, r, 0));
                for (int g : FRAMES) {
                    FrameState f = road.frame(g);
                    var rnd = seeds.of(Seeds.Stream.FRAME, r, g);
                    byte[] jpeg = encoder.encode(renderer.render(f, look, rnd), rnd);
                    BufferedImage im = ImageIO.read(new ByteArrayInputStream(jpeg));
                    out.add(new Sample(r, f.values(), PixelFeatures.of(im)));
                }
            }
        }
        return out;
    }
}
