package org.roadcoder.data.sim;

import java.nio.file.Path;

/**
 * What a simulation run produced.
 *
 * @param folder  the survey folder
 * @param frames  frames written
 * @param counts  segment label counts and frame-level label noise
 * @param seconds wall-clock time of the whole run, rendering and writing included
 */
public record SurveySummary(Path folder, long frames, LabelCounts counts, double seconds) {

    /** Frames rendered, encoded and written per second. */
    public double framesPerSecond() {
        return seconds > 0 ? frames / seconds : 0;
    }
}
