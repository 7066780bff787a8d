package org.roadcoder.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a survey's image path is safe, present, readable and (optionally) decodable. A path is
 * relative to the survey folder; a backslash counts as a separator ({@code images\0001.jpg} from
 * Windows), an absolute path ({@code /data/x.jpg}, {@code C:\x.jpg}, {@code \\server\x.jpg}) is
 * refused, and so is one that leaves the folder ({@code ..\x.jpg}) or links out of it. The file's
 * extension and its case do not matter: the content is decoded.
 */
public final class ImageCheck {

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ImageCheck() {
    }

    /** The image cell as a relative path with {@code /} separators. */
    public static String relative(String cell) {
        return cell.replace('\\', '/');
    }

    /** The image file a cell names, resolved in {@code surveyDir} (not checked: see {@link #problem}). */
    public static Path resolve(Path surveyDir, String cell) {
        return surveyDir.resolve(relative(cell)).normalize();
    }

    /**
     * What is wrong with the image {@code cell} of the survey in {@code surveyDir} (a real path), or
     * empty if nothing is.
     */
    public static Optional<String> problem(Path surveyDir, String cell, boolean decode) {
        if (cell.isEmpty()) {
            return Optional.of("empty image path");
        }
        String path = relative(cell);
        if (path.startsWith("/") || WINDOWS_DRIVE.matcher(path).matches()) {
            return Optional.of("absolute image path: give the path relative to the survey folder, e.g. images/0001.jpg");
        }
        Path image;
        try {
            image = surveyDir.resolve(path).normalize();
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
