package org.roadcoder.data.sim;

import java.util.SplittableRandom;

/**
 * The survey car's forward-facing camera over a road that bends: road-relative coordinates
 * (x metres right of the road's centre line, y metres up, z metres ahead) to pixels. The road's
 * centre drifts sideways by {@code curvature * z^2 / 2}; height, pitch and lateral position
 * jitter from frame to frame.
 */
final class Camera {

    /** Nothing nearer than this (metres, along the view axis) is drawn. */
    static final double NEAR = 0.8;
    /** Focal length in image widths: a wide-angle survey camera, about 85 degrees across. */
    static final double FOCAL = 0.55;

    final int width;
    final int height;
    private final double focal;
    private final double eyeHeight;
    private final double cos;
    private final double sin;
    private final double lateral;
    private final double curvature;

    Camera(int width, int height, double eyeHeight, double pitch, double lateral, double curvature) {
        this.width = width;
        this.height = height;
        this.focal = FOCAL * width;
        this.eyeHeight = eyeHeight;
        this.cos = Math.cos(pitch);
        this.sin = Math.sin(pitch);
        this.lateral = lateral;
        this.curvature = curvature;
    }

    /** A camera with survey-car jitter: 2.2 m high (a roof mount), horizon about 40 % down the frame, in lane at {@code laneCentre}. */
    static Camera jittered(int width, int height, double laneCentre, double laneWidth, double curvature,
                           SplittableRandom rnd) {
        double eye = 2.2 + 0.15 * (2 * rnd.nextDouble() - 1);
        double pitch = Math.atan(0.1 * height / (FOCAL * width)) + 0.02 * (2 * rnd.nextDouble() - 1);
        double lateral = laneCentre + 0.2 * laneWidth * (2 * rnd.nextDouble() - 1);
        return new Camera(width, height, eye, pitch, lateral, curvature);
    }

    /** Lateral offset of the road's centre line {@code z} metres ahead. */
    double bend(double z) {
        return 0.5 * curvature * z * z;
    }

    /** Depth along the view axis; below {@link #NEAR} a point is behind or too close to draw. */
    double depth(double y, double z) {
        return z * cos - (y - eyeHeight) * sin;
    }

    double u(double x, double y, double z) {
        return width / 2.0 + focal * (x + bend(z) - lateral) / depth(y, z);
    }

    double v(double y, double z) {
        return height / 2.0 - focal * ((y - eyeHeight) * cos + z * sin) / depth(y, z);
    }

    /** Pixels per metre at distance {@code z}, for sizes of posts and lines. */
    double scale(double z) {
        return focal / Math.max(NEAR, depth(0, z));
    }

    /** Image row of the horizon. */
    double horizon() {
        return height / 2.0 - focal * sin / cos;
    }
}
