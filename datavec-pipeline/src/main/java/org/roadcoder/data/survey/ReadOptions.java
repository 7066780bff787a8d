package org.roadcoder.data.survey;

import java.util.Objects;

/**
 * How to read a survey.
 *
 * @param labels        where labels come from
 * @param decodeImages  decode every image while validating (slow on big surveys, catches corrupt files up front)
 * @param skipBadFrames leave out frames whose image is missing, empty, corrupt or outside the survey,
 *                      reporting each, instead of failing
 */
public record ReadOptions(LabelSource labels, boolean decodeImages, boolean skipBadFrames) {

    public ReadOptions {
        Objects.requireNonNull(labels, "labels");
    }

    /** Training: coders' labels, images decoded when read. */
    public static ReadOptions defaults() {
        return new ReadOptions(LabelSource.SEGMENTS, false, false);
    }

    public ReadOptions withLabels(LabelSource source) {
        return new ReadOptions(source, decodeImages, skipBadFrames);
    }

    public ReadOptions withDecodeImages(boolean decode) {
        return new ReadOptions(labels, decode, skipBadFrames);
    }

    public ReadOptions withSkipBadFrames(boolean skip) {
        return new ReadOptions(labels, decodeImages, skip);
    }
}
