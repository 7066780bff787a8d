package org.roadcoder.data.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes a benchmark survey of N frames (10 per segment, 20 segments per road) with textured
 * 224x224 JPEGs: 256 distinct images, reused round-robin so writing 10,000 frames takes seconds.
 * Reuses a folder that already holds a survey of the same size.
 */
final class SyntheticSurvey {

    private static final String[] LABELS = {
        "urban,straight_or_gently_curving,none,wide,centre_line,two,present,present,absent,absent,absent",
        "rural,moderate,none,medium,wire_rope_safety_barrier,one,absent,absent,present,absent,present",
        "urban,sharp,on_road_lane,narrow,physical_median_wide,three_or_more,present,present,absent,present,absent"};

    private SyntheticSurvey() {
    }

    static Path create(Path root, int frames, int size) throws IOException {
        Path dir = root.resolve("frames-" + frames + "-" + size);
        if (Files.exists(dir.resolve("frames.csv"))) {
            return dir;
        }
        Files.createDirectories(dir.resolve("images"));
        byte[][] jpegs = new byte[256][];
        Random r = new Random(1);
        for (int i = 0; i < jpegs.length; i++) {
            jpegs[i] = texturedJpeg(size, r);
        }
        int segments = (frames + 9) / 10;
        try (Writer seg = Files.newBufferedWriter(dir.resolve("segments.csv"));
             Writer fr = Files.newBufferedWriter(dir.resolve("frames.csv"))) {
            seg.write("segment_id,road_id,start_m,end_m,area_type,curvature,bicycle_facilities,lane_width,median_type,"
                    + "number_of_lanes,street_lighting,sidewalk,roadside_trees,pedestrian_crossing,intersection\n");
            fr.write("frame_id,segment_id,image,chainage_m\n");
            for (int s = 0; s < segments; s++) {
                int road = s / 20;
                double start = (s % 20) * 100.0;
                seg.write("s" + s + ",road" + road + "," + start + "," + (start + 100) + "," + LABELS[s % 3] + "\n");
                for (int f = 0; f < 10 && s * 10 + f < frames; f++) {
                    int id = s * 10 + f;
                    String image = "images/" + (id / 1000) + "/f" + id + ".jpg";
                    Path p = dir.resolve(image);
                    Files.createDirectories(p.getParent());
                    Files.write(p, jpegs[id % jpegs.length]);
                    fr.write("f" + id + ",s" + s + "," + image + "," + (start + 10 * f) + "\n");
                }
            }
        }
        return dir;
    }

    private static byte[] texturedJpeg(int size, Random r) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(100 + r.nextInt(80), 140 + r.nextInt(60), 200 + r.nextInt(55)));
        g.fillRect(0, 0, size, size / 2);
        g.setColor(new Color(60 + r.nextInt(40), 60 + r.nextInt(40), 60 + r.nextInt(40)));
        g.fillPolygon(new int[] {size / 2 - 10, size / 2 + 10, size, 0}, new int[] {size / 2, size / 2, size, size}, 4);
        g.dispose();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int n = r.nextInt(24) - 12;
                int rgb = img.getRGB(x, y);
                int red = clamp(((rgb >> 16) & 255) + n);
                int green = clamp(((rgb >> 8) & 255) + n);
                int blue = clamp((rgb & 255) + n);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
