package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Renders what the forward-facing survey camera sees in one frame, in perspective with Java2D:
 * sky, land, the road's cross-section and markings, the median, point objects, roadside objects.
 * Camera height, pitch and lateral position and the light jitter per frame. One renderer reuses
 * one image buffer: encode each frame before rendering the next. Not thread-safe.
 */
final class RoadRenderer {

    private final BufferedImage image;
    private final Graphics2D g;

    RoadRenderer(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Draws frame {@code f} of a road with look {@code road}; {@code rnd} drives this frame's jitter. */
    BufferedImage render(FrameState f, Look road, SplittableRandom rnd) {
        CrossSection cs = CrossSection.of(f);
        boolean inner = road.hash((long) Math.floor(f.chainageM() / 400), 30) < 0.5; // lane changes every few hundred metres
        Camera cam = Camera.jittered(image.getWidth(), image.getHeight(), cs.cameraLane(inner), cs.laneWidth(),
                f.detail(CURVATURE), rnd);
        Canvas c = new Canvas(g, cam, road.jitter(rnd));
        GroundPainter ground = new GroundPainter(c, f.chainageM());
        ground.sky();
        ground.land(f, cs);
        ground.road(f, cs);
        ground.roadside(f, cs);
        MedianPainter.paint(c, ground, cs, f.value(MEDIAN), f.chainageM());
        ground.pointObjects(f, cs);
        new RoadsidePainter(c, f, cs).paint();
        c.flush();
        return image;
    }
}
