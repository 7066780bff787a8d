package org.roadcoder.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Checks that a survey's image path is safe, present, readable and (optionally) decodable. */
public final class ImageCheck {

    private ImageCheck() {
    }

    /**
     * What is wrong with the image {@code relative} of the survey in {@code surveyDir} (a real path),
     * or empty if nothing is.
     */
    public static Optional<String> problem(Path surveyDir, String relative, boolean decode) {
        if (relative.isEmpty()) {
            return Optional.of("empty image path");
        }
        Path image;
        try {
            image = surveyDir.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return Optional.of("not a valid path: " + e.getReason());
        }
        if (!image.startsWith(surveyDir)) {
            return Optional.of("image path escapes the survey folder " + surveyDir);
        }
        if (!Files.exists(image)) {
            return Optional.of("image file not found: " + image);
        }
        try {
            if (!image.toRealPath().startsWith(surveyDir)) {
                return Optional.of("image path links outside the survey folder " + surveyDir);
            }
            if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
                return Optional.of("image cannot be read (not a readable file): " + image);
            }
            if (Files.size(image) == 0) {
                return Optional.of("image file is empty (0 bytes): " + image);
            }
        } catch (IOException e) {
            return Optional.of("image cannot be read: " + e.getMessage());
        }
        if (decode) {
            return FrameImageLoader.decodeProblem(image);
        }
        return Optional.empty();
    }
}
