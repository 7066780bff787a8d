package org.roadcoder.data.survey;

/** Where a frame's label vector comes from. */
public enum LabelSource {
    /** The coders' 100-metre labels in {@code segments.csv}, copied to each of the segment's frames. */
    SEGMENTS,
    /** What each frame really shows, from {@code frames_truth.csv} (simulated surveys; for evaluation). */
    FRAME_TRUTH,
    /** No labels: a survey to predict, which needs only {@code frames.csv} and images. */
    NONE
}
