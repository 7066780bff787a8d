package org.roadcoder.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.roadcoder.data.schema.LabelSchema;

/**
 * The hand-written 6-frame, 3-segment, 2-road fixture in {@code src/test/resources/surveys/tiny}:
 * red, green and blue images; segment s2 is coded with iRAP codes instead of names.
 */
public final class TinySurvey {

    /** Expected multi-hot vectors of segments s1, s2, s3 in the default schema's output order. */
    public static final float[] S1 = {1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0};
    public static final float[] S2 = {1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1};
    public static final float[] S3 = {0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0};

    private TinySurvey() {
    }

    public static Path source() {
        return TestFiles.repoRoot().resolve("datavec-pipeline/src/test/resources/surveys/tiny");
    }

    public static LabelSchema schema() {
        return LabelSchema.load(TestFiles.defaultSchema());
    }

    /** A writable copy of the fixture under {@code dir}, for tests that break it. */
    public static Path copyTo(Path dir) {
        Path src = source();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one of a survey's files. */
    public static String read(Path survey, String file) {
        try {
            return Files.readString(survey.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a fixture file. */
    public static void edit(Path survey, String file, String from, String to) {
        try {
            Path f = survey.resolve(file);
            String text = Files.readString(f);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
