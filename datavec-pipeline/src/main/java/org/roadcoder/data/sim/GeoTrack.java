package org.roadcoder.data.sim;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plausible GPS positions for a road: a random start within a region, then 10 metres per frame
 * along a heading that turns with the road's curvature. Positions are what a survey logger would
 * write, six decimals (about 0.1 m).
 */
final class GeoTrack {

    private static final double METRES_PER_DEGREE = 111_320.0;

    private double lat;
    private double lon;
    private double heading;

    GeoTrack(SplittableRandom rnd) {
        lat = 51.8 + 0.8 * rnd.nextDouble();
        lon = 4.2 + 1.6 * rnd.nextDouble();
        heading = 2 * Math.PI * rnd.nextDouble();
    }

    /** Latitude and longitude of the current frame, then moves on {@code metres} turning by {@code curvature}. */
    List<String> nextPosition(double metres, double curvature) {
        List<String> here = List.of(String.format(Locale.ROOT, "%.6f", lat), String.format(Locale.ROOT, "%.6f", lon));
        heading += curvature * metres;
        lat += metres * Math.cos(heading) / METRES_PER_DEGREE;
        lon += metres * Math.sin(heading) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        return here;
    }
}
