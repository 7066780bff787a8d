package org.roadcoder.app;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes small labelled surveys for tests: {@code roads} roads of {@code segments} 100-m segments of
 * {@code frames} frames each (frames.csv names each frame's road too), 32x32 PNGs whose colour follows the segment's area type and curvature,
 * so that a network can learn something. Same arguments, same files.
 */
public final class TestSurveys {

    public static final String HEADER = "area_type,curvature,bicycle_facilities,lane_width,median_type,"
            + "number_of_lanes,street_lighting,sidewalk,roadside_trees,pedestrian_crossing,intersection";
    private static final String[] CURVATURE = {"straight_or_gently_curving", "moderate", "sharp"};

    private TestSurveys() {
    }

    public static Path write(Path dir, int roads, int segments, int frames) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Random random = new Random(7);
        StringBuilder framesCsv = new StringBuilder("frame_id,segment_id,image,chainage_m,road_id\n");
        StringBuilder segmentsCsv = new StringBuilder("segment_id,road_id,start_m,end_m," + HEADER + "\n");
        StringBuilder truthCsv = new StringBuilder("frame_id," + HEADER + "\n");
        for (int r = 0; r < roads; r++) {
            boolean urban = r % 2 == 0;
            for (int s = 0; s < segments; s++) {
                String seg = "r" + r + "s" + s;
                int curvature = (r + s) % 3;
                String labels = (urban ? "urban" : "rural") + "," + CURVATURE[curvature]
                        + ",none,wide,centre_line,two," + (urban ? "present" : "absent")
                        + ",absent,present,absent," + (s == 1 ? "present" : "absent");
                segmentsCsv.append(String.format("%s,road%d,%d,%d,%s%n", seg, r, s * 100, s * 100 + 100, labels));
                for (int f = 0; f < frames; f++) {
                    String id = seg + "f" + f;
                    String image = "images/" + id + ".png";
                    writeImage(dir.resolve(image), urban, curvature, random);
                    framesCsv.append(String.format("%s,%s,%s,%d,road%d%n", id, seg, image, s * 100 + f * 10, r));
                    truthCsv.append(id).append(',').append(labels).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("frames.csv"), framesCsv);
        Files.writeString(dir.resolve("segments.csv"), segmentsCsv);
        Files.writeString(dir.resolve("frames_truth.csv"), truthCsv);
        return dir;
    }

    private static void writeImage(Path file, boolean urban, int curvature, Random random) throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(urban ? new Color(180, 180, 190) : new Color(60, 150, 60));
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.DARK_GRAY);
        int shift = curvature * 8;
        g.fillPolygon(new int[] {4, 28, 16 + shift}, new int[] {31, 31, 8}, 3);
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(random.nextInt(28), random.nextInt(10), 4, 4);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** The repository root (where data/labels.yaml is). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("data/labels.yaml"))) {
            p = p.getParent();
        }
        return p;
    }

    /** A configuration of a network of a few thousand parameters at 32 px, for tests. */
    public static Path tinyConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.yaml"), """
                model: {backbone: vgg11-bn, weights: random, width_multiplier: 0.0625, input_size: 32, hidden: 16,
                        dropout: 0.2, loss: grouped, feature_lr: 0.003, classifier_lr: 0.003}
                data: {augment: true, workers: 1, prefetch: 1, split: {train: 0.5, validation: 0.25, test: 0.25}}
                training: {batch_size: 8, epochs: 2, patience: 3, seed: 3}
                """);
    }
}
